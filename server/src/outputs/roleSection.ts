import { type Language, type RoleResult, type RoleRowResult, largestGaps } from '@sammen/shared';
import { ROLE_STRINGS, type RoleReportStrings } from './roleStrings.js';

/** A revealed self-assessment as the report carries it: the counts per row and the largest gaps, no one's markers. */
export interface ReportRoleRound {
  id: string;
  revealedAt: number;
  people: number;
  scales: RoleResult['scales'];
  /** Rows of the grid with the largest gap between Today and Goal, largest first. */
  largestGaps: Array<{ scale: 'kommune' | 'shifts'; row: string; gap: number; moving: number; pairs: number }>;
}

export function reportRoleRound(result: RoleResult): ReportRoleRound {
  const gaps = (scale: 'kommune' | 'shifts', limit: number) => largestGaps(result, scale, limit).map((r) => ({ scale, row: r.row, gap: r.gap!, moving: r.moving, pairs: r.pairs }));
  return { id: result.id, revealedAt: result.revealedAt, people: result.people, scales: result.scales, largestGaps: [...gaps('kommune', 3), ...gaps('shifts', 1)] };
}

/** As the opinion rounds' blocks, plus tables: HTML, Markdown, PDF and Word say the same. */
export type RoleBlock =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'para'; text: string; muted?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: string[][]; widths: number[] };

/** A signed gap with one decimal, in the language's decimal sign. */
export const gapText = (language: Language, gap: number): string =>
  `${gap > 0 ? '+' : gap < 0 ? '−' : ''}${Math.abs(gap).toLocaleString(language === 'en' ? 'en-GB' : language === 'da' ? 'da-DK' : 'nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`;

const triple = (counts: number[] | undefined): string => (counts ?? []).join(' · ');

function pairedTable(language: Language, s: RoleReportStrings, scale: 'kommune' | 'shifts', rows: RoleRowResult[]): RoleBlock {
  const cols = s.columns[scale].join(' · ');
  return {
    kind: 'table',
    head: [s.row, `${s.today} (${cols})`, `${s.goal} (${cols})`, s.gap, s.moving],
    rows: rows.map((r) => [s.rows[scale][r.row] ?? r.row, triple(r.counts.today), triple(r.counts.goal), r.gap === null ? '–' : gapText(language, r.gap), s.movingOf(r.moving, r.pairs)]),
    widths: [0.34, 0.2, 0.2, 0.1, 0.16],
  };
}

export function roleBlocks(language: Language, rounds: readonly ReportRoleRound[]): RoleBlock[] {
  if (!rounds.length) return [];
  const s = ROLE_STRINGS[language];
  const out: RoleBlock[] = [{ kind: 'heading', level: 1, text: s.heading }, { kind: 'para', text: s.method, muted: true }];
  for (const round of rounds) {
    out.push({ kind: 'para', text: s.took(round.people) });
    const rowsOf = (scale: string) => round.scales.find((x) => x.scale === scale)?.rows ?? [];
    out.push({ kind: 'heading', level: 2, text: s.scales.kommune }, pairedTable(language, s, 'kommune', rowsOf('kommune')));
    out.push({ kind: 'para', text: `${s.largest}:` });
    out.push(
      round.largestGaps.length
        ? { kind: 'list', items: round.largestGaps.map((g) => s.gapLine(`${s.rows[g.scale][g.row] ?? g.row}${g.scale === 'shifts' ? ` (${s.scales.shifts})` : ''}`, gapText(language, g.gap), g.moving, g.pairs)) }
        : { kind: 'para', text: s.none, muted: true },
    );
    out.push({ kind: 'heading', level: 2, text: s.scales.shifts }, pairedTable(language, s, 'shifts', rowsOf('shifts')));
    const sorted = rowsOf('sort').filter((r) => (r.counts.place ?? []).some((n) => n > 0));
    if (sorted.length) {
      out.push(
        { kind: 'heading', level: 2, text: s.scales.sort },
        { kind: 'table', head: [s.word, s.steering, s.leadership], rows: sorted.map((r) => [s.rows.sort[r.row] ?? r.row, String(r.counts.place?.[0] ?? 0), String(r.counts.place?.[1] ?? 0)]), widths: [0.5, 0.25, 0.25] },
      );
    }
  }
  return out;
}
