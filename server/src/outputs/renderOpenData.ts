import { stringify } from 'csv-stringify/sync';
import type { PlatformProposal } from './platformExport.js';
import type { ReportModel } from './types.js';

/**
 * An open-data package of the workshop's results for CONSUL or a data portal: one CSV and its
 * description in the Frictionless Data "Tabular
 * Data Package" form (datapackage.json: resources, each with a table schema of typed fields;
 * https://specs.frictionlessdata.io/tabular-data-package/). No zip library is a dependency of the
 * server, so the two files are served separately; put them in one folder (or zip them) to publish.
 * Licence: the municipality decides and adds `licenses` before publishing (docs/decidim.md).
 */

type FieldType = 'string' | 'integer' | 'date';
export interface TableField {
  name: string;
  type: FieldType;
  title: string;
  description: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[]; minimum?: number };
}

/** The CSV's columns, in order: the CSV's header is exactly these names. */
export const RESULT_FIELDS: readonly TableField[] = [
  { name: 'id', type: 'string', title: 'Id', description: 'The element id on the Sammen board (action card or cluster).', constraints: { required: true, unique: true } },
  { name: 'kind', type: 'string', title: 'Kind', description: '"action" (an agreed action card) or "cluster" (a group of notes).', constraints: { required: true, enum: ['action', 'cluster'] } },
  { name: 'title', type: 'string', title: 'Title', description: "The action's what, or the cluster's label.", constraints: { required: true } },
  { name: 'description', type: 'string', title: 'Description', description: 'Where it came from, the dots and notes behind it, and its notes (plain text, in the workshop language).' },
  { name: 'votes', type: 'integer', title: 'Votes', description: 'Dots given in the workshop vote (for an action: to the cluster or note it came from).', constraints: { required: true, minimum: 0 } },
  { name: 'notes', type: 'integer', title: 'Notes', description: 'Number of notes behind it.', constraints: { required: true, minimum: 0 } },
  { name: 'rank', type: 'integer', title: 'Rank', description: "The cluster's rank by votes (1 = most); empty for actions.", constraints: { minimum: 1 } },
  { name: 'source_id', type: 'string', title: 'Source id', description: 'The cluster or note an action came from; empty for clusters.' },
  { name: 'workshop', type: 'string', title: 'Workshop', description: 'The workshop title.', constraints: { required: true } },
  { name: 'date', type: 'date', title: 'Date', description: 'The day the workshop was held (ISO 8601).', constraints: { required: true } },
  { name: 'language', type: 'string', title: 'Language', description: 'The language of the texts (BCP 47: da, nb, nn, en).', constraints: { required: true } },
];

export const openDataCsvName = (workshopId: string) => `sammen-results-${workshopId}.csv`;

const day = (iso: string) => iso.slice(0, 10);

/** Comma-separated, UTF-8 without BOM, CRLF, a header row: Frictionless's default CSV dialect. */
export function renderOpenDataCsv(m: ReportModel, proposals: readonly PlatformProposal[]): string {
  const rows = proposals.map((p) => [p.id, p.kind, p.title, p.body, String(p.votes), String(p.notes), p.rank === null ? '' : String(p.rank), p.sourceId ?? '', m.title, day(m.front.date), m.language]);
  return stringify([RESULT_FIELDS.map((f) => f.name), ...rows], { record_delimiter: '\r\n', quoted: true });
}

export function renderDataPackage(m: ReportModel, workshopId: string): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    // Frictionless names: lower-case letters, digits and . _ / - only.
    name: `sammen-workshop-${workshopId.toLowerCase().replace(/[^a-z0-9._/-]/g, '-')}`,
    title: m.title,
    description: 'Results of a co-creation workshop held with Sammen: the agreed actions and the clusters of notes, with the dots they got.',
    created: m.front.date,
    keywords: ['co-creation', 'citizen participation', 'workshop'],
    resources: [
      {
        name: 'results',
        path: openDataCsvName(workshopId),
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', header: true },
        schema: { fields: RESULT_FIELDS, primaryKey: ['id'], missingValues: [''] },
      },
    ],
  };
}
