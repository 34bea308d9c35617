import { stringify } from 'csv-stringify/sync';
import type { ReportModel } from './reportModel.js';
import { REPORT_STRINGS } from './reportStrings.js';

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR) as a formula (OWASP "CSV
 * injection"): prefix those with an apostrophe, at the start of the cell and at the start of every line
 * inside it, so that neither a spreadsheet nor a reader that splits on line breaks ever sees a formula.
 */
export const neutraliseCell = (value: string): string => value.replace(/(?<=^|[\r\n])(?=[=+\-@\t\r])/g, "'");

/**
 * One row per note: step, frame, cluster, text, votes, author (only if signed). UTF-8 with BOM for
 * Excel. Every field is quoted: csv-stringify quotes a bare LF or CR only when it equals its record
 * delimiter, so "\n=1+1" used to start a new row with a formula.
 */
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
  return `\uFEFF${stringify([header, ...rows].map((r) => r.map(neutraliseCell)), { record_delimiter: '\r\n', quoted: true })}`;
}
