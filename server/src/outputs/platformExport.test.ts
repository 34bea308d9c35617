import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ActionCard, Element, Frame, StickyNote } from '@sammen/shared';
import { initialWorkshopState, type MemberRecord, type WorkshopRecord } from '../workshops/types.js';
import { platformProposals, TITLE_MAX } from './platformExport.js';
import { platformFile } from './platformFiles.js';
import type { RESULT_FIELDS } from './renderOpenData.js';
import { buildReport } from './reportModel.js';

/**
 * What Decidim's proposals importer reads, written down from its source (decidim/decidim, develop;
 * the same in 0.27 except `taxonomies/ids`, which was `category/id`):
 * - decidim-proposals/lib/decidim/proposals/import/proposal_creator.rb: drops `id`; reads
 *   `title/<locale>` and `body/<locale>` for each available locale (Creator#locale_hasher), `scope/id`,
 *   `taxonomies/ids` (`category/id` up to 0.27), `address`, `latitude`, `longitude`.
 * - decidim-proposals/lib/decidim/proposals/import/proposals_verifier.rb: required headers are
 *   `title/<default locale>` and `body/<default locale>` (Verifier#required_localized_headers).
 * - decidim-admin/lib/decidim/admin/import/verifier.rb: no header may appear twice.
 * - decidim-admin/lib/decidim/admin/import/readers/csv.rb: `CSV.read(file, col_sep: ";")`, first row = headers.
 * - readers/json.rb: an array of objects, the first object's keys are the headers.
 * - readers/xlsx.rb: the first worksheet, first row = headers.
 */
const decidimReads = (locales: string[]) => new Set(['id', ...locales.flatMap((l) => [`title/${l}`, `body/${l}`]), 'scope/id', 'category/id', 'taxonomies/ids', 'address', 'latitude', 'longitude']);
const decidimRequires = (defaultLocale: string) => [`title/${defaultLocale}`, `body/${defaultLocale}`];

function checkDecidimTable(headers: string[], rows: string[][], defaultLocale: string) {
  const reads = decidimReads([defaultLocale]);
  for (const h of headers) expect(reads, `column ${h}`).toContain(h);
  for (const r of decidimRequires(defaultLocale)) expect(headers).toContain(r);
  expect(new Set(headers).size).toBe(headers.length);
  const title = headers.indexOf(`title/${defaultLocale}`);
  const body = headers.indexOf(`body/${defaultLocale}`);
  for (const row of rows) {
    expect(row).toHaveLength(headers.length);
    expect(row[title]!.trim().length).toBeGreaterThan(0);
    expect(row[title]!.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(row[body]!.trim().length).toBeGreaterThan(0);
  }
}

const frame = (id: string, title: string, extra: Partial<Frame> = {}): Frame => ({ id, type: 'frame', index: `a${id}`, frameId: null, x: 0, y: 0, width: 900, height: 700, title, fill: 'white', ...extra });
const note = (id: string, text: string, frameId: string): StickyNote => ({ id, type: 'note', index: `b${id}`, frameId, x: 10, y: 100, width: 150, height: 150, color: 'yellow', text });
const member = (id: string, role: MemberRecord['role']): MemberRecord => ({ id, workshopId: 'w', role, name: id, tokenHash: 'x', createdAt: '', removed: false });

function model(language: WorkshopRecord['language'] = 'da') {
  const action: ActionCard = {
    id: 'a1', type: 'action', index: 'c0', frameId: null, x: 0, y: 1000, width: 400, height: 200, color: 'white',
    what: 'Sikker skolevej: 30 km/t ved skolen', who: ['municipality', 'citizen'], whoDetail: 'Vejafdelingen', firstStep: 'Trafiktælling', when: 'Marts 2027', sourceId: 'c1',
  };
  const elements: Element[] = [
    frame('f1', 'Hvad er vigtigt for dig?'),
    frame('c1', 'Skolevej', { variant: 'cluster', frameId: 'f1' }),
    frame('c2', 'Grønne områder; "parker" og træer', { variant: 'cluster', frameId: 'f1' }),
    frame('c3', 'x'.repeat(400), { variant: 'cluster', frameId: 'f1' }),
    note('n1', 'Cykelsti til skolen', 'c1'),
    note('n2', '=SUM(A1) farlig trafik\nved skolen', 'c1'),
    note('n3', 'Flere træer', 'c2'),
    note('n4', 'Bænke i parken', 'c2'),
    note('n5', 'Lys på stien', 'c3'),
    action,
  ];
  const state = {
    ...initialWorkshopState([]),
    pastVotes: [{
      id: 'v1', title: 'Prioritering', status: 'revealed' as const, elementIds: ['n1', 'n2', 'n3', 'n4'], dotsPerPerson: 3, allowMultiplePerElement: true,
      ballots: {}, results: [{ elementId: 'n1', count: 5 }, { elementId: 'n3', count: 3 }, { elementId: 'n2', count: 1 }, { elementId: 'n4', count: 0 }], startedAt: 0, revealedAt: 0, stepId: null,
    }],
  };
  const workshop: WorkshopRecord = { id: 'w1', boardId: 'b', title: 'Borgerpanel Aarhus', language, joinCode: null, observerToken: null, state, createdAt: '2026-11-30T10:00:00Z', retentionDays: 0, stateRevision: 0 };
  return buildReport(workshop, [member('f', 'facilitator')], elements);
}

describe('results as proposals', () => {
  it('makes each action card and each cluster no action came from a proposal, with the vote count in the body', () => {
    const ps = platformProposals(model());
    expect(ps.map((p) => [p.kind, p.id])).toEqual([['action', 'a1'], ['cluster', 'c2'], ['cluster', 'c3']]);
    const [action, green] = ps as [typeof ps[0], typeof ps[0]];
    expect(action.title).toBe('Sikker skolevej: 30 km/t ved skolen');
    expect(action.votes).toBe(6);
    expect(action.body).toContain('6 prikker');
    expect(action.body).toContain('Vejafdelingen');
    expect(action.body).toContain('- Cykelsti til skolen (5 prikker)');
    expect(green.body.split('\n')[0]).toMatch(/^Fra workshoppen »Borgerpanel Aarhus« den 30\. november 2026\.$/);
    expect(green.body).toContain('3 prikker, 2 sedler.');
    expect(ps[2]!.title.length).toBe(TITLE_MAX);
  });
});

describe('Decidim import files', () => {
  it('CSV: semicolons, exactly the columns the importer reads, the required ones for the locale', async () => {
    const file = await platformFile('decidim-csv', model(), 'w1');
    expect(file.filename).toBe('sammen-decidim-w1.csv');
    const [headers, ...rows] = parseCsv(file.body as string, { delimiter: ';' }) as string[][];
    expect(headers).toEqual(['id', 'title/da', 'body/da']);
    checkDecidimTable(headers!, rows, 'da');
    expect(rows[0]![2]).toContain('=SUM(A1) farlig trafik ved skolen');
  });

  it('JSON: an array of flat objects with the same keys; Norwegian workshops use Decidim\'s "no" locale', async () => {
    const file = await platformFile('decidim-json', model('nn'), 'w1');
    const data = JSON.parse(file.body as string) as Array<Record<string, string>>;
    expect(Array.isArray(data)).toBe(true);
    const headers = Object.keys(data[0]!);
    for (const d of data) expect(Object.keys(d)).toEqual(headers);
    checkDecidimTable(headers, data.map((d) => headers.map((h) => d[h]!)), 'no');
    expect(data[1]!['body/no']).toMatch(/^Frå verkstaden «Borgerpanel Aarhus»/);
  });

  it('Excel: the first sheet, headers in the first row, text cells', async () => {
    const file = await platformFile('decidim-xlsx', model('en'), 'w1', 'en');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.worksheets[0]!;
    const values = sheet.getSheetValues().filter(Boolean).map((r) => (r as ExcelJS.CellValue[]).slice(1).map(String));
    const [headers, ...rows] = values;
    checkDecidimTable(headers!, rows, 'en');
    expect(rows).toHaveLength(3);
  });

  it('takes another Decidim locale on request and refuses a malformed one', async () => {
    const file = await platformFile('decidim-csv', model(), 'w1', 'pt-BR');
    expect((file.body as string).split('\r\n')[0]).toBe('"id";"title/pt-BR";"body/pt-BR"');
    await expect(platformFile('decidim-csv', model(), 'w1', 'da;x')).rejects.toThrow(/locale/);
  });
});

describe('open-data package', () => {
  it("datapackage.json describes the CSV: same columns in order, cells valid for each field's type and constraints", async () => {
    const pkg = JSON.parse((await platformFile('datapackage', model(), 'w1')).body as string) as {
      profile: string; name: string; resources: Array<{ path: string; profile: string; schema: { fields: typeof RESULT_FIELDS; primaryKey: string[] } }>;
    };
    expect(pkg.profile).toBe('tabular-data-package');
    expect(pkg.name).toMatch(/^[a-z0-9._/-]+$/);
    const resource = pkg.resources[0]!;
    const csv = await platformFile('open-data-csv', model(), 'w1');
    expect(resource.path).toBe(csv.filename);
    const [headers, ...rows] = parseCsv(csv.body as string) as string[][];
    const fields = resource.schema.fields;
    expect(headers).toEqual(fields.map((f) => f.name));
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      fields.forEach((f, i) => {
        const cell = row[i]!;
        if (f.constraints?.required) expect(cell, f.name).not.toBe('');
        if (cell === '') return;
        if (f.type === 'integer') {
          expect(cell, f.name).toMatch(/^-?\d+$/);
          if (f.constraints?.minimum !== undefined) expect(Number(cell)).toBeGreaterThanOrEqual(f.constraints.minimum);
        }
        if (f.type === 'date') expect(cell, f.name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (f.constraints?.enum) expect(f.constraints.enum).toContain(cell);
      });
    }
    const key = headers!.indexOf(resource.schema.primaryKey[0]!);
    expect(new Set(rows.map((r) => r[key])).size).toBe(rows.length);
  });
});
