import { stringify } from 'csv-stringify/sync';
import type { ReportModel } from './reportModel.js';
import { REPORT_STRINGS } from './reportStrings.js';

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR) as a formula: prefix those
 * with an apostrophe so a note can never become one (OWASP "CSV injection").
 */
const cell = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** One row per note: step, frame, cluster, text, votes, author (only if signed). UTF-8 with BOM for Excel. */
export function renderCsv(m: ReportModel): string {
  const s = REPORT_STRINGS[m.language];
  const rows = m.notes.map((n) => [
    n.stepIndex === null ? '' : `${n.stepIndex + 1}. ${m.steps[n.stepIndex]?.step.title ?? ''}`,
    n.frameTitle ?? '',
    n.clusterLabel ?? '',
    n.text,
    String(n.votes),
    n.author ?? '',
  ]);
  const header = [s.step, s.frame, s.cluster, s.text, s.count, s.author];
  return `\uFEFF${stringify([header, ...rows.map((r) => r.map(cell))], { record_delimiter: '\r\n' })}`;
}
