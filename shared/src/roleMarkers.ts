import { z } from 'zod';
import type * as Y from 'yjs';

/**
 * The politician's role as a self-assessment that counts. Three scales, each a list of rows on which
 * every person places one marker of each kind in one column:
 * - `kommune`: the Kommune 1.0/2.0/3.0 grid, eight rows, columns 1.0 · 2.0 · 3.0, a Today and a Goal marker.
 * - `shifts`: the from → to role shifts, three rows, columns from · between · to, Today and Goal.
 * - `sort`: steering vs leadership, one row per word, columns steering · leadership, one marker.
 * Markers stay on the server until the reveal (like ballots: seeing others' placements anchors one's
 * own); the reveal writes only counts into the board's `roleResults` root.
 */
export const ROLE_SCALES = {
  kommune: {
    rows: ['seen-as', 'meets-citizens', 'task', 'works-by', 'contact', 'success', 'employee', 'leader'],
    columns: 3,
    kinds: ['today', 'goal'],
  },
  shifts: { rows: ['authority', 'professional', 'politician'], columns: 3, kinds: ['today', 'goal'] },
  sort: {
    rows: [
      'rules', 'motivation', 'checklists', 'narratives', 'contracts', 'empathy', 'hierarchy', 'inspiration', 'forms', 'role-models',
      'follow-up', 'values', 'models', 'conviction', 'registration', 'examples', 'routines', 'understanding', 'control',
    ],
    columns: 2,
    kinds: ['place'],
  },
} as const satisfies Record<string, { rows: readonly string[]; columns: number; kinds: readonly string[] }>;

export type RoleScaleId = keyof typeof ROLE_SCALES;
export const ROLE_SCALE_IDS = Object.keys(ROLE_SCALES) as RoleScaleId[];
export const ROLE_KINDS = ['today', 'goal', 'place'] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

/** One placement as the server keeps it (`owner`: the member id; it never leaves the server). */
export interface RoleMarker {
  id: string;
  owner: string;
  scale: RoleScaleId;
  row: string;
  kind: RoleKind;
  /** 0-based column: 0 = 1.0 / from / steering. */
  column: number;
}

/** Whether a placement names a row, kind and column the scale has. */
export function isValidPlacement(scale: RoleScaleId, row: string, kind: RoleKind, column: number): boolean {
  const def = ROLE_SCALES[scale];
  return (def.rows as readonly string[]).includes(row) && (def.kinds as readonly string[]).includes(kind) && Number.isInteger(column) && column >= 0 && column < def.columns;
}

export const roleRowResultSchema = z.object({
  row: z.string().max(40),
  /** Per kind: how many markers in each column. */
  counts: z.record(z.string().max(10), z.array(z.number().int().min(0)).max(3)),
  /** Mean column (1-based: 1.0 → 1) of Today and Goal; null without markers (and on the sort). */
  meanToday: z.number().nullable(),
  meanGoal: z.number().nullable(),
  /** meanGoal − meanToday: how far the room wants this row to move. */
  gap: z.number().nullable(),
  /** People who placed both Today and Goal on this row, and how many of them put Goal in another column. */
  pairs: z.number().int().min(0),
  moving: z.number().int().min(0),
});
export type RoleRowResult = z.infer<typeof roleRowResultSchema>;

export const roleResultSchema = z.object({
  id: z.string().max(40),
  revealedAt: z.number(),
  /** People with at least one marker. */
  people: z.number().int().min(0),
  scales: z.array(z.object({ scale: z.enum(ROLE_SCALE_IDS as [RoleScaleId, ...RoleScaleId[]]), rows: z.array(roleRowResultSchema).max(50) })),
});
export type RoleResult = z.infer<typeof roleResultSchema>;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Counts and gaps of a set of markers, pure: what the reveal publishes (no owner, no marker id). */
export function countRoleMarkers(markers: readonly RoleMarker[], meta: { id: string; revealedAt: number }): RoleResult {
  const scales = ROLE_SCALE_IDS.map((scale) => {
    const def = ROLE_SCALES[scale];
    const rows = def.rows.map((row): RoleRowResult => {
      const here = markers.filter((m) => m.scale === scale && m.row === row);
      const counts: Record<string, number[]> = {};
      for (const kind of def.kinds) counts[kind] = Array.from({ length: def.columns }, (_, c) => here.filter((m) => m.kind === kind && m.column === c).length);
      const mean = (kind: RoleKind): number | null => {
        const of = here.filter((m) => m.kind === kind);
        return of.length ? round2(of.reduce((n, m) => n + m.column + 1, 0) / of.length) : null;
      };
      const paired = def.kinds.length === 2;
      const meanToday = paired ? mean('today') : null;
      const meanGoal = paired ? mean('goal') : null;
      const byOwner = new Map<string, { today?: number; goal?: number }>();
      for (const m of here) if (m.kind !== 'place') byOwner.set(m.owner, { ...byOwner.get(m.owner), [m.kind]: m.column });
      const pairs = [...byOwner.values()].filter((p) => p.today !== undefined && p.goal !== undefined);
      return {
        row, counts, meanToday, meanGoal,
        gap: meanToday !== null && meanGoal !== null ? round2(meanGoal - meanToday) : null,
        pairs: pairs.length,
        moving: pairs.filter((p) => p.goal !== p.today).length,
      };
    });
    return { scale, rows };
  });
  return { id: meta.id, revealedAt: meta.revealedAt, people: new Set(markers.map((m) => m.owner)).size, scales };
}

/** The rows with the largest gap between Today and Goal, largest first (ties: the grid's order). */
export function largestGaps(result: RoleResult, scale: RoleScaleId, limit = 3): RoleRowResult[] {
  const rows = result.scales.find((s) => s.scale === scale)?.rows ?? [];
  return rows
    .map((r, i) => ({ r, i }))
    .filter((x) => x.r.gap !== null && Math.abs(x.r.gap) > 0)
    .sort((a, b) => Math.abs(b.r.gap!) - Math.abs(a.r.gap!) || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.r);
}

const ROLE_RESULTS = 'roleResults';

/** Written by the server at the reveal; the update gate refuses every client write to this root. */
export function writeRoleResult(doc: Y.Doc, result: RoleResult): void {
  doc.getMap(ROLE_RESULTS).set(result.id, result);
}

/** Every revealed role self-assessment on the board, oldest first. */
export function getRoleResults(doc: Y.Doc): RoleResult[] {
  const out: RoleResult[] = [];
  doc.getMap(ROLE_RESULTS).forEach((value) => {
    const parsed = roleResultSchema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  });
  return out.sort((a, b) => a.revealedAt - b.revealedAt);
}

export function observeRoleResults(doc: Y.Doc, listener: () => void): () => void {
  const map = doc.getMap(ROLE_RESULTS);
  map.observe(listener);
  return () => map.unobserve(listener);
}

/** The round as one recipient sees it on the control channel: their own markers only, counts after the reveal. */
export interface RoleRoundView {
  id: string;
  status: 'open' | 'revealed';
  myMarkers: Array<Omit<RoleMarker, 'owner'>>;
  /** How far the room is, without content: people with at least one marker, and markers in all. */
  progress: { people: number; markers: number };
  result: RoleResult | null;
}
