import { stringify } from 'csv-stringify/sync';
import type { Language } from '@sammen/shared';
import type { PlatformProposal } from './platformExport.js';
import { loadExceljs } from './lazyLibraries.js';

/**
 * Proposals in the import format of Decidim's proposals component (admin: Proposals → Import →
 * "Import from a file"), as read by decidim-admin's importer and decidim-proposals'
 * `Decidim::Proposals::Import::ProposalCreator` (decidim/decidim, develop and 0.27–0.28):
 * - the first row (CSV, Excel) or each object's keys (JSON) are the column names;
 * - `title/<locale>` and `body/<locale>` hold the text, one column per locale; the verifier
 *   (`ProposalsVerifier#required_headers`) requires them for the organisation's default locale;
 * - `id` is dropped by the creator (a new proposal is made); we fill it with the Sammen id for tracing;
 * - optional columns it also reads (`scope/id`, `category/id` before 0.28, `taxonomies/ids`, `address`,
 *   `latitude`, `longitude`) are left out: they need ids from the municipality's own Decidim.
 * - CSV is read with `col_sep: ";"` (Readers::CSV), so it is separated by semicolons.
 * See docs/decidim.md for the admin steps and the sources.
 */

/** Decidim's locale for the workshop's language: Decidim has "no" for Norwegian (Bokmål and Nynorsk alike). */
export const decidimLocale = (language: Language): string => (language === 'nb' || language === 'nn' ? 'no' : language);

/** Decidim locale codes look like "da", "no", "pt-BR", "zh-TW". */
export const DECIDIM_LOCALE = /^[a-z]{2}(-[A-Z]{2})?$/;

export const decidimColumns = (locale: string): string[] => ['id', `title/${locale}`, `body/${locale}`];

function rows(proposals: readonly PlatformProposal[], locale: string): Array<Record<string, string>> {
  const [id, title, body] = decidimColumns(locale) as [string, string, string];
  return proposals.map((p) => ({ [id]: p.id, [title]: p.title, [body]: p.body }));
}

/**
 * Text is written as it is, without the report CSV's apostrophe before = + - @: Decidim would import
 * the apostrophe into the proposal. This file is for Decidim; to look at it in a spreadsheet, use the
 * Excel version, whose cells are text and never formulas.
 */
export function renderDecidimCsv(proposals: readonly PlatformProposal[], locale: string): string {
  const columns = decidimColumns(locale);
  const data = rows(proposals, locale).map((r) => columns.map((c) => r[c] ?? ''));
  return stringify([columns, ...data], { delimiter: ';', record_delimiter: '\r\n', quoted: true });
}

export const renderDecidimJson = (proposals: readonly PlatformProposal[], locale: string): string => `${JSON.stringify(rows(proposals, locale), null, 2)}\n`;

export async function renderDecidimXlsx(proposals: readonly PlatformProposal[], locale: string): Promise<Buffer> {
  const ExcelJS = await loadExceljs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sammen';
  const sheet = workbook.addWorksheet('proposals');
  const columns = decidimColumns(locale);
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: c.startsWith('body') ? 80 : c.startsWith('title') ? 50 : 14 }));
  // Plain string cells: exceljs writes a string as text (t="s"), never as a formula.
  for (const r of rows(proposals, locale)) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
