import type { Box } from './bounds.js';

/** One grid row on the board: its index in the scale's rows and its y-range in board coordinates. */
export interface RoleGridRow {
  index: number;
  y: number;
  height: number;
}

export interface RoleHeatCell extends Box {
  kind: 'today' | 'goal';
  column: number;
}

export interface RoleHeatRowLayout {
  index: number;
  cells: RoleHeatCell[];
  gap: Box;
}

export interface RoleHeatLayout {
  /** The two group headings (Today, Goal) and the column headings under them, above the first row. */
  groups: Array<Box & { kind: 'today' | 'goal' }>;
  columns: Array<Box & { kind: 'today' | 'goal'; column: number }>;
  gapHeading: Box;
  rows: RoleHeatRowLayout[];
  /** Everything drawn, for culling. */
  bounds: Box;
}

export const ROLE_HEAT = { gutter: 40, cell: 120, between: 24, gapWidth: 160, headerHeight: 150, pad: 8 } as const;

/** Matches a Kommune grid row's label shape id (`row-3-label` → index 2), with or without a prefix. */
const ROW_LABEL = /(?:^|[-_:])row-(\d+)-label$/;

/**
 * The grid rows of the Kommune template among a frame's children. The template names each data row's
 * label `row-N-label` (N = 1 … 8, top to bottom, the header row has no such id), and its rows are
 * written in the same order as `ROLE_SCALES.kommune.rows` (seen-as, meets-citizens, task, …, leader):
 * row N is the scale's row N − 1. Matching by that number rather than by y keeps a moved row honest.
 */
export function roleGridRows(children: ReadonlyArray<{ id: string; y: number; height: number }>, rowCount: number): RoleGridRow[] {
  const rows: RoleGridRow[] = [];
  for (const c of children) {
    const m = ROW_LABEL.exec(c.id);
    if (!m) continue;
    const index = Number(m[1]) - 1;
    if (index >= 0 && index < rowCount) rows.push({ index, y: c.y, height: c.height });
  }
  return rows.sort((a, b) => a.index - b.index);
}

/**
 * Where the heat map beside a grid frame goes: just right of the frame, per row Today 1.0/2.0/3.0,
 * Goal 1.0/2.0/3.0 and the gap, each cell spanning the row's y-range (less a small padding); the
 * headings in the band above the first row. Pure: board coordinates in, board coordinates out.
 */
export function roleHeatLayout(frame: Box, rows: readonly RoleGridRow[], columns = 3, side: 'right' | 'left' = 'right'): RoleHeatLayout | null {
  if (rows.length === 0) return null;
  const { gutter, cell, between, gapWidth, headerHeight, pad } = ROLE_HEAT;
  const total = 2 * (columns * cell + between) + gapWidth;
  const left = side === 'right' ? frame.x + frame.width + gutter : frame.x - gutter - total;
  const groupX = (kind: 'today' | 'goal'): number => left + (kind === 'today' ? 0 : columns * cell + between);
  const gapX = groupX('goal') + columns * cell + between;
  const top = Math.min(...rows.map((r) => r.y));
  const bottom = Math.max(...rows.map((r) => r.y + r.height));
  const headerY = top - headerHeight;
  const half = headerHeight / 2;
  const kinds = ['today', 'goal'] as const;
  return {
    groups: kinds.map((kind) => ({ kind, x: groupX(kind), y: headerY, width: columns * cell, height: half })),
    columns: kinds.flatMap((kind) => Array.from({ length: columns }, (_, column) => ({ kind, column, x: groupX(kind) + column * cell, y: headerY + half, width: cell, height: half }))),
    gapHeading: { x: gapX, y: headerY, width: gapWidth, height: headerHeight },
    rows: rows.map((r) => ({
      index: r.index,
      cells: kinds.flatMap((kind) => Array.from({ length: columns }, (_, column) => ({ kind, column, x: groupX(kind) + column * cell + pad / 2, y: r.y + pad / 2, width: cell - pad, height: r.height - pad }))),
      gap: { x: gapX, y: r.y + pad / 2, width: gapWidth, height: r.height - pad },
    })),
    bounds: { x: left, y: headerY, width: gapX + gapWidth - left, height: bottom - headerY },
  };
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Right of the frame, as the facilitator expects; but where that would cover another frame (the
 * template puts the sorting frames only 120 units to the right of the grid), on its left instead.
 */
export function placeRoleHeat(frame: Box, rows: readonly RoleGridRow[], others: readonly Box[], columns = 3): RoleHeatLayout | null {
  const right = roleHeatLayout(frame, rows, columns, 'right');
  if (!right || !others.some((o) => overlaps(o, right.bounds))) return right;
  const left = roleHeatLayout(frame, rows, columns, 'left')!;
  return others.some((o) => overlaps(o, left.bounds)) ? right : left;
}

/** A cell's shade: the share of the row's markers of that kind in that column (0 … 1), as in the panel. */
export const heatShare = (count: number, all: number): number => (all > 0 ? count / all : 0);
