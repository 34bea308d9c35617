import { platformProposals } from './platformExport.js';
import { DECIDIM_LOCALE, decidimLocale, renderDecidimCsv, renderDecidimJson, renderDecidimXlsx } from './renderDecidim.js';
import { openDataCsvName, renderDataPackage, renderOpenDataCsv } from './renderOpenData.js';
import type { ReportModel } from './types.js';

/** The report route's formats for participation platforms (docs/decidim.md). */
export const PLATFORM_FORMATS = ['decidim-csv', 'decidim-json', 'decidim-xlsx', 'open-data-csv', 'datapackage'] as const;
export type PlatformFormat = (typeof PLATFORM_FORMATS)[number];
export const isPlatformFormat = (f: string): f is PlatformFormat => (PLATFORM_FORMATS as readonly string[]).includes(f);

export interface FileReply {
  type: string;
  filename: string;
  body: string | Buffer;
}

/**
 * One platform file from the report model. `locale` (Decidim formats only) is the Decidim locale of
 * the text columns, when the municipality's Decidim uses another default locale than the workshop's
 * language (e.g. "en"); a malformed one is an Error with a message for the 400 answer.
 */
export async function platformFile(format: PlatformFormat, model: ReportModel, workshopId: string, locale?: string): Promise<FileReply> {
  if (locale !== undefined && !DECIDIM_LOCALE.test(locale)) throw new Error('locale must be a Decidim locale such as da, no or en');
  const proposals = platformProposals(model);
  const loc = locale ?? decidimLocale(model.language);
  const name = `sammen-decidim-${workshopId}`;
  switch (format) {
    case 'decidim-csv':
      return { type: 'text/csv; charset=utf-8', filename: `${name}.csv`, body: renderDecidimCsv(proposals, loc) };
    case 'decidim-json':
      return { type: 'application/json; charset=utf-8', filename: `${name}.json`, body: renderDecidimJson(proposals, loc) };
    case 'decidim-xlsx':
      return { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${name}.xlsx`, body: await renderDecidimXlsx(proposals, loc) };
    case 'open-data-csv':
      return { type: 'text/csv; charset=utf-8', filename: openDataCsvName(workshopId), body: renderOpenDataCsv(model, proposals) };
    case 'datapackage':
      return { type: 'application/json; charset=utf-8', filename: 'datapackage.json', body: `${JSON.stringify(renderDataPackage(model, workshopId), null, 2)}\n` };
  }
}
