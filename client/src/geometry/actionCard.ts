import type { ActionCard, Element } from '@sammen/shared';
import { boxesIntersect, type Box } from './bounds.js';

/** The four rows of an action card, in the order they are drawn and edited. */
export const ACTION_FIELDS = ['what', 'who', 'firstStep', 'when'] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

export const ACTION_PADDING = 12;
/** Height of the "from: <source>" line at the bottom of a card made from a cluster or note. */
export const ACTION_FROM_HEIGHT = 20;

export interface ActionCardLayout {
  rows: Array<{ field: ActionField; label: Box; value: Box }>;
  from: Box | null;
}

/**
 * Where the parts of an action card go, relative to the card's top left: four labelled rows of
 * equal height, the labels in a column on the left, and the source line at the bottom.
 */
export function actionCardLayout(card: Pick<ActionCard, 'width' | 'height'>, hasSource: boolean): ActionCardLayout {
  const p = ACTION_PADDING;
  const fromH = hasSource ? ACTION_FROM_HEIGHT : 0;
  const inner = { x: p, y: p, width: Math.max(1, card.width - 2 * p), height: Math.max(1, card.height - 2 * p - fromH) };
  const labelW = Math.min(130, Math.round(inner.width * 0.3));
  const rowH = inner.height / ACTION_FIELDS.length;
  const rows = ACTION_FIELDS.map((field, i) => ({
    field,
    label: { x: inner.x, y: inner.y + i * rowH, width: labelW, height: rowH },
    value: { x: inner.x + labelW + 8, y: inner.y + i * rowH, width: Math.max(1, inner.width - labelW - 8), height: rowH },
  }));
  return { rows, from: hasSource ? { x: p, y: card.height - p - fromH, width: inner.width, height: fromH } : null };
}

/** What a card says it came from: a cluster's (or frame's) title, or a note's first line. */
export function sourceLabel(source: Element | undefined): string | null {
  if (!source) return null;
  const raw = source.type === 'frame' ? source.title : source.type === 'note' ? source.text : null;
  if (raw === null) return null;
  const line = raw.trim().split('\n')[0]!.trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** Whether an action card may be made from this element: a cluster frame or a note. */
export const canBecomeAction = (el: Element): boolean => el.type === 'note' || (el.type === 'frame' && el.variant === 'cluster');

/**
 * A free place for a new card of `size` to the right of `source`: level with its top, moved down
 * past whatever is already there (earlier actions from the same cluster stack up in a column).
 */
export function placeBeside(source: Box, size: { width: number; height: number }, occupied: readonly Box[], gap = 40): Box {
  const box = { x: source.x + source.width + gap, y: source.y, ...size };
  for (let i = 0; i < 100; i++) {
    const hit = occupied.find((b) => boxesIntersect(b, box));
    if (!hit) return box;
    box.y = hit.y + hit.height + gap / 2;
  }
  return box;
}

/** The "who" row as text: the chosen actors by name, then the named people or organisations. */
export function whoText(card: Pick<ActionCard, 'who' | 'whoDetail'>, actorName: (actor: ActionCard['who'][number]) => string): string {
  const names = card.who.map(actorName);
  if (card.whoDetail.trim()) names.push(card.whoDetail.trim());
  return names.join(', ');
}
