import type { BoxElement, Element, ElementId, Endpoint } from '@sammen/shared';
import { mapBoxBetween, type Box } from '../geometry/bounds.js';

/**
 * Pure operations on plain elements: what moving, resizing and duplicating do to the data, apart from
 * the Y.Doc that stores it and the Konva view that draws it.
 */

const isBoxElement = (el: Element): el is BoxElement => el.type !== 'arrow';

/**
 * `ids` plus everything that moves along with them: the contents of selected frames, and free arrows
 * (both ends loose points) are moved as they are; attached arrow ends follow their elements anyway.
 */
export function withFrameContents(ids: Iterable<string>, all: Iterable<Element>): Set<string> {
  const out = new Set(ids);
  const frames = new Set<string>();
  for (const id of out) frames.add(id);
  for (const el of all) if (el.frameId && frames.has(el.frameId)) out.add(el.id);
  return out;
}

const moveEndpoint = (e: Endpoint, dx: number, dy: number): Endpoint =>
  e.kind === 'point' ? { kind: 'point', x: e.x + dx, y: e.y + dy } : e;

/** `el` moved by (dx, dy). Attached arrow ends stay attached; loose ends move. */
export function translateElement<T extends Element>(el: T, dx: number, dy: number): T {
  if (el.type === 'arrow') return { ...el, start: moveEndpoint(el.start, dx, dy), end: moveEndpoint(el.end, dx, dy) };
  return { ...el, x: (el as BoxElement).x + dx, y: (el as BoxElement).y + dy };
}

/** Smallest size an element can be resized to, in board units. */
export const MIN_ELEMENT_SIZE = 8;

/** `el` mapped from the selection box `from` to the resized box `to` (arrow loose ends included). */
export function resizeElement<T extends Element>(el: T, from: Box, to: Box): T {
  if (el.type === 'arrow') {
    const mapEnd = (e: Endpoint): Endpoint => {
      if (e.kind !== 'point') return e;
      const p = mapBoxBetween({ x: e.x, y: e.y, width: 0, height: 0 }, from, to);
      return { kind: 'point', x: p.x, y: p.y };
    };
    return { ...el, start: mapEnd(el.start), end: mapEnd(el.end) };
  }
  const b = mapBoxBetween(el as BoxElement, from, to);
  return {
    ...el,
    x: b.x,
    y: b.y,
    width: Math.max(MIN_ELEMENT_SIZE, b.width),
    height: Math.max(MIN_ELEMENT_SIZE, b.height),
  };
}

/**
 * Copies of `elements` with fresh ids, moved by `offset`, given `indices` (one per element, in the
 * order given). References among the copies are rewired: an arrow between two copied notes connects
 * the copies; a copied note inside a copied frame belongs to the copied frame. References to elements
 * outside the set are kept for arrows (the copy stays attached to the original) and dropped for frames
 * (a pasted note is not inside the original's frame unless it lands there).
 */
export function cloneElements(
  elements: readonly Element[],
  offset: { dx: number; dy: number },
  newId: () => ElementId,
  indices: readonly string[],
  exists: (id: string) => boolean = () => false,
): Element[] {
  const idMap = new Map<string, ElementId>();
  for (const el of elements) idMap.set(el.id, newId());
  const remapEnd = (e: Endpoint): Endpoint | null => {
    if (e.kind === 'point') return { kind: 'point', x: e.x + offset.dx, y: e.y + offset.dy };
    const mapped = idMap.get(e.elementId);
    if (mapped) return { kind: 'element', elementId: mapped };
    return exists(e.elementId) ? e : null;
  };
  const out: Element[] = [];
  elements.forEach((el, i) => {
    const id = idMap.get(el.id)!;
    const index = indices[i] ?? el.index;
    const frameId = el.frameId ? (idMap.get(el.frameId) ?? null) : null;
    if (el.type === 'arrow') {
      const start = remapEnd(el.start);
      const end = remapEnd(el.end);
      if (start && end) out.push({ ...el, id, index, frameId, start, end });
      return;
    }
    out.push({ ...translateElement(el, offset.dx, offset.dy), id, index, frameId });
  });
  return out;
}

/** The ids of arrows attached to any of `ids`: they go when the elements they connect are deleted. */
export function arrowsAttachedTo(ids: ReadonlySet<string>, all: Iterable<Element>): string[] {
  const out: string[] = [];
  for (const el of all) {
    if (el.type !== 'arrow') continue;
    const a = el.start.kind === 'element' && ids.has(el.start.elementId);
    const b = el.end.kind === 'element' && ids.has(el.end.elementId);
    if (a || b) out.push(el.id);
  }
  return out;
}

export const boxOf = (el: BoxElement): Box => ({ x: el.x, y: el.y, width: el.width, height: el.height });
export { isBoxElement };
