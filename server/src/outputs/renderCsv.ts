import { stringify } from 'csv-stringify/sync';
import type { ReportModel } from './reportModel.js';
import { REPORT_STRINGS, whoOf } from './reportStrings.js';

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR) as a formula (OWASP "CSV
 * injection"): prefix those with an apostrophe, at the start of the cell and at the start of every line
 * inside it, so that neither a spreadsheet nor a reader that splits on line breaks ever sees a formula.
 */
export const neutraliseCell = (value: string): string => value.replace(/(?<=^|[\r\n])(?=[=+\-@\t\r])/g, "'");

/**
 * One row per note (step, frame, cluster, text, dots, author if signed), then one per agreed action
 * (the cluster or note it came from, what, dots behind it, who, first step, when). UTF-8 with BOM for
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
    s.kindNote,
    '',
    '',
    '',
  ]);
  const actions = m.actions.map((a) => ['', '', a.source?.label ?? '', a.what, a.source ? String(a.source.votes) : '', '', s.kindAction, whoOf(m.language, a), a.firstStep, a.when]);
  const header = [s.step, s.frame, s.cluster, s.text, s.count, s.author, s.kind, s.who, s.firstStep, s.when];
  return `\uFEFF${stringify([header, ...rows, ...actions].map((r) => r.map(neutraliseCell)), { record_delimiter: '\r\n', quoted: true })}`;
}
