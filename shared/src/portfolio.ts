import { DEFAULT_PROJECT_AREAS, PROJECT_PHASES, type ProjectCard, type ProjectPhase } from './schema/ProjectCard.js';
import type { Frame } from './schema/Frame.js';

/**
 * The portfolio board as a pure function: a portfolio frame's columns are the phases, its rows the
 * areas (the frame's own list, or the four of the sources), and every project card it holds gets a
 * slot in its cell. Cards are ordered in a cell by title, then id, so every client and the server
 * compute the same places. Rows grow to hold their fullest cell; the frame's height follows its rows.
 */
export const PORTFOLIO = {
  /** Height of the frame's title and the phase headings above the first row. */
  header: 150,
  /** Width of the area names' column. */
  areaColumn: 260,
  padding: 24,
  gap: 20,
  card: { width: 320, height: 200 },
  /** The fewest card slots a cell is wide, so an empty portfolio is still a readable grid. */
  minColumnsPerCell: 2,
} as const;

/** The row cards fall into whose area is empty or not one of the portfolio's areas. */
export const OTHER_AREA = '';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PortfolioLayout {
  /** The frame's size after the layout: at least as wide as it was, exactly as tall as its rows. */
  frame: { width: number; height: number };
  columns: Array<{ phase: ProjectPhase } & Rect>;
  /** One row per area, plus a row for other areas (area OTHER_AREA) when a card needs it. */
  rows: Array<{ area: string } & Rect>;
  /** Where each card goes, in board units. */
  cards: Map<string, Rect>;
}

export const portfolioAreas = (frame: Pick<Frame, 'areas'>): string[] => frame.areas ?? [...DEFAULT_PROJECT_AREAS];

type CardInput = Pick<ProjectCard, 'id' | 'title' | 'area' | 'phase'>;
type FrameInput = Pick<Frame, 'x' | 'y' | 'width' | 'height' | 'areas'>;

const byTitle = (a: CardInput, b: CardInput): number =>
  a.title.localeCompare(b.title, 'da') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function portfolioLayout(frame: FrameInput, cards: readonly CardInput[]): PortfolioLayout {
  const { header, areaColumn, padding, gap, card } = PORTFOLIO;
  const areas = portfolioAreas(frame);
  const rowOf = (c: CardInput): string => (areas.includes(c.area) ? c.area : OTHER_AREA);
  const rowAreas = cards.some((c) => rowOf(c) === OTHER_AREA) ? [...areas, OTHER_AREA] : areas;

  const minCell = PORTFOLIO.minColumnsPerCell * (card.width + gap) - gap + 2 * padding;
  const cellWidth = Math.max(minCell, (frame.width - areaColumn) / PROJECT_PHASES.length);
  const perRow = Math.max(1, Math.floor((cellWidth - 2 * padding + gap) / (card.width + gap)));

  const cells = new Map<string, CardInput[]>();
  for (const c of cards) {
    const key = `${rowOf(c)}\u0000${c.phase}`;
    const list = cells.get(key) ?? [];
    list.push(c);
    cells.set(key, list);
  }
  for (const list of cells.values()) list.sort(byTitle);

  const columns = PROJECT_PHASES.map((phase, i) => ({ phase, x: frame.x + areaColumn + i * cellWidth, y: frame.y, width: cellWidth, height: 0 }));
  const rows: PortfolioLayout['rows'] = [];
  const placed = new Map<string, Rect>();
  let y = frame.y + header;
  for (const area of rowAreas) {
    const fullest = Math.max(1, ...PROJECT_PHASES.map((p) => cells.get(`${area}\u0000${p}`)?.length ?? 0));
    const lines = Math.ceil(fullest / perRow);
    const height = lines * (card.height + gap) - gap + 2 * padding;
    rows.push({ area, x: frame.x, y, width: areaColumn + cellWidth * PROJECT_PHASES.length, height });
    PROJECT_PHASES.forEach((phase, col) => {
      (cells.get(`${area}\u0000${phase}`) ?? []).forEach((c, i) => {
        placed.set(c.id, {
          x: columns[col]!.x + padding + (i % perRow) * (card.width + gap),
          y: y + padding + Math.floor(i / perRow) * (card.height + gap),
          width: card.width,
          height: card.height,
        });
      });
    });
    y += height;
  }
  const width = Math.max(frame.width, areaColumn + cellWidth * PROJECT_PHASES.length);
  // Exactly as tall as its rows: a row that empties (say the "other area" row once a card gets its area)
  // gives its space back, so the portfolio never keeps a blank band at the bottom.
  const height = y - frame.y;
  for (const c of columns) c.height = height;
  return { frame: { width, height }, columns, rows, cards: placed };
}

/** The cell (row area, phase) a board point falls in, or null outside the grid. */
export function portfolioCellAt(layout: PortfolioLayout, x: number, y: number): { area: string; phase: ProjectPhase } | null {
  const column = layout.columns.find((c) => x >= c.x && x < c.x + c.width);
  const row = layout.rows.find((r) => y >= r.y && y < r.y + r.height);
  return column && row ? { area: row.area, phase: column.phase } : null;
}
