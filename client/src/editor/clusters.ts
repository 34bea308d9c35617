import { boxesIntersect, boxRight, expandBox, unionBoxes, type Box, type Point } from '../geometry/bounds.js';

/**
 * Pure layout for clustering: where notes go when they are grouped under a label or tidied, and how
 * big the cluster frame becomes. No Y.Doc and no editor here (see clusterCommands.ts for that), so
 * the geometry is unit-tested on plain boxes.
 */

/** Space between the frame's border and the notes it holds, in board units. */
export const CLUSTER_PADDING = 32;
/** Space between notes in a grid. */
export const CLUSTER_GAP = 16;
/** How far each note of a stack sits below the one before it: enough to read its first line. */
export const STACK_STEP = 48;

export type ClusterLayout = 'grid' | 'stack';

export interface Item extends Box {
  readonly id: string;
}

/**
 * Items in reading order: by row, then left to right. Items whose tops are less than half a typical
 * item height apart count as one row, so notes placed roughly side by side keep their left-to-right
 * order instead of being sorted by a few pixels of vertical jitter.
 */
export function readingOrder<T extends Item>(items: readonly T[]): T[] {
  if (items.length < 2) return [...items];
  const heights = items.map((i) => i.height).sort((a, b) => a - b);
  const band = Math.max(1, heights[Math.floor(heights.length / 2)]! / 2);
  const byTop = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: T[][] = [];
  let rowTop = -Infinity;
  for (const item of byTop) {
    if (item.y - rowTop > band || !rows.length) {
      rows.push([item]);
      rowTop = item.y;
    } else {
      rows[rows.length - 1]!.push(item);
    }
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x || (a.id < b.id ? -1 : 1)));
}

/** Columns for a grid of `n` items: about square, a little wider than tall (screens are wide). */
export const gridColumns = (n: number): number => Math.max(1, Math.ceil(Math.sqrt(n)));

/**
 * New top-left corners for `items` laid out from `origin`: a grid of equal cells (the largest item
 * sets the cell size) or a stack, one below the other, overlapping so each first line shows. Items
 * are taken in reading order, so a cluster keeps the order people read it in.
 */
export function layoutItems(items: readonly Item[], origin: Point, layout: ClusterLayout): Map<string, Point> {
  const ordered = readingOrder(items);
  const out = new Map<string, Point>();
  if (layout === 'stack') {
    ordered.forEach((item, i) => out.set(item.id, { x: origin.x, y: origin.y + i * STACK_STEP }));
    return out;
  }
  const cellW = Math.max(0, ...ordered.map((i) => i.width));
  const cellH = Math.max(0, ...ordered.map((i) => i.height));
  const columns = gridColumns(ordered.length);
  ordered.forEach((item, i) => {
    const col = i % columns;
    const row = Math.floor(i / columns);
    out.set(item.id, { x: origin.x + col * (cellW + CLUSTER_GAP), y: origin.y + row * (cellH + CLUSTER_GAP) });
  });
  return out;
}

/** The frame around `boxes`, `padding` away from them on every side. */
export function frameAround(boxes: readonly Box[], padding = CLUSTER_PADDING): Box | null {
  const u = unionBoxes(boxes);
  if (!u) return null;
  return { x: u.x - padding, y: u.y - padding, width: u.width + 2 * padding, height: u.height + 2 * padding };
}

export interface ClusterPlan {
  /** Where the cluster frame goes. */
  readonly frame: Box;
  /** New top-left corner of each item. */
  readonly positions: ReadonlyMap<string, Point>;
}

const moved = (items: readonly Item[], positions: ReadonlyMap<string, Point>): Box[] =>
  items.map((i) => ({ ...i, ...(positions.get(i.id) ?? i) }));

/**
 * Grouping selected notes: they are gathered where the group starts (the top-left of where they
 * are now), laid out, and a frame is fitted around them. Gathering rather than framing them where
 * they lie, because similar notes are usually spread over the board and a frame around scattered
 * notes would swallow everything between them.
 */
export function planGroup(items: readonly Item[], layout: ClusterLayout = 'grid'): ClusterPlan | null {
  const u = unionBoxes(items);
  if (!u) return null;
  const positions = layoutItems(items, { x: u.x, y: u.y }, layout);
  return { frame: frameAround(moved(items, positions))!, positions };
}

/**
 * Tidying a cluster: its notes are laid out from the frame's top-left corner (inside the padding)
 * and the frame is fitted to them, so it grows or shrinks with the cluster. An empty cluster keeps
 * its frame.
 */
export function planTidy(frame: Box, items: readonly Item[], layout: ClusterLayout): ClusterPlan {
  if (!items.length) return { frame, positions: new Map() };
  const positions = layoutItems(items, { x: frame.x + CLUSTER_PADDING, y: frame.y + CLUSTER_PADDING }, layout);
  return { frame: frameAround(moved(items, positions))!, positions };
}

/**
 * Where an accepted suggested group goes in its frame: on a shelf below the frame's loose notes (those
 * not grouped yet), left to right beside the clusters already there, a new row when the frame's width is
 * used up. Grouped by hand, notes gather where they are; accepting several suggestions that way piled
 * each cluster on the top-left of the frame, over the notes still to sort. Returns the cluster's
 * top-left corner; the caller grows the frame to hold it (one transaction, one undo).
 */
export function shelfSpot(frame: Box, size: { width: number; height: number }, loose: readonly Box[], clusters: readonly Box[]): Point {
  const left = frame.x + CLUSTER_PADDING;
  const right = frame.x + frame.width - CLUSTER_PADDING;
  const looseBottom = loose.length ? Math.max(...loose.map((b) => b.y + b.height)) : frame.y + CLUSTER_PADDING;
  let x = left;
  let y = looseBottom + 2 * CLUSTER_GAP;
  for (let guard = 0; guard <= 2 * clusters.length + 1; guard++) {
    const at = { x, y, width: size.width, height: size.height };
    const hit = clusters.filter((c) => boxesIntersect(expandBox(c, CLUSTER_GAP), at));
    if (!hit.length) return { x, y };
    const next = Math.max(...hit.map(boxRight)) + 2 * CLUSTER_GAP;
    if (next + size.width > right && x !== left) {
      // New row, below every cluster that reaches down into this one.
      const row = clusters.filter((c) => c.y < y + size.height && c.y + c.height > y);
      y = Math.max(...row.map((c) => c.y + c.height)) + 2 * CLUSTER_GAP;
      x = left;
    } else {
      x = next;
    }
  }
  return { x, y };
}

/** Size of a new parking lot: tall enough for a column of questions. */
export const PARKING_LOT_SIZE = { width: 560, height: 800 } as const;
/** Distance from the rest of the board. */
const PARKING_LOT_MARGIN = 160;

/**
 * Where a new parking lot goes: to the right of everything on the board, top-aligned, so it never
 * covers anyone's work; at the origin on an empty board.
 */
export function parkingLotBox(content: Box | null): Box {
  if (!content) return { x: 0, y: 0, ...PARKING_LOT_SIZE };
  return { x: content.x + content.width + PARKING_LOT_MARGIN, y: content.y, ...PARKING_LOT_SIZE };
}
