import type { Element, Frame } from '@sammen/shared';
import { readingOrder } from '../editor/clusters.js';

type BoxEl = Exclude<Element, { type: 'arrow' }>;
const isBoxEl = (el: Element): el is BoxEl => el.type !== 'arrow';

/**
 * The order in which the keyboard visits the board (and the accessible view lists it): frames in
 * reading order (rows top to bottom, left to right within a row), each followed by its contents in
 * reading order, then the elements in no frame. Arrows are left out: they have no place of their own
 * and are described by what they connect. Pure, so it is unit-tested on plain elements.
 */
export function boardReadingOrder(elements: Iterable<Element>): BoxEl[] {
  const all = [...elements].filter(isBoxEl);
  const frames = readingOrder(all.filter((e): e is Frame => e.type === 'frame'));
  const frameIds = new Set(frames.map((f) => f.id));
  const byFrame = new Map<string, BoxEl[]>();
  const loose: BoxEl[] = [];
  for (const el of all) {
    if (el.type === 'frame') continue;
    if (el.frameId && frameIds.has(el.frameId)) {
      const list = byFrame.get(el.frameId) ?? [];
      list.push(el);
      byFrame.set(el.frameId, list);
    } else loose.push(el);
  }
  const out: BoxEl[] = [];
  for (const f of frames) out.push(f, ...readingOrder(byFrame.get(f.id) ?? []));
  out.push(...readingOrder(loose));
  return out;
}

/**
 * The element Tab (dir 1) or Shift+Tab (dir -1) moves to from `current`, or null when the keyboard
 * should leave the board (past either end). From nothing, Tab starts at the first element and
 * Shift+Tab at the last.
 */
export function stepInOrder(order: readonly { id: string }[], current: string | null, dir: 1 | -1): string | null {
  if (!order.length) return null;
  const i = current === null ? -1 : order.findIndex((e) => e.id === current);
  if (i === -1) return (dir === 1 ? order[0] : order[order.length - 1])!.id;
  return order[i + dir]?.id ?? null;
}
