import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Element, Frame, StickyNote } from '@sammen/shared';
import { createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { seedBoard } from '../harness/yclient.js';

/** The Decidim and open-data files through the real server's report route (details: platformExport.test.ts). */
let server: RunningServer;
let w: Awaited<ReturnType<typeof createWorkshop>>;

const frame = (id: string, title: string, extra: Partial<Frame> = {}): Frame => ({ id, type: 'frame', index: `a${id}`, frameId: null, x: 0, y: 0, width: 900, height: 700, title, fill: 'white', ...extra });
const note = (id: string, text: string, frameId: string): StickyNote => ({ id, type: 'note', index: `b${id}`, frameId, x: 20, y: 100, width: 200, height: 200, color: 'yellow', text });
const get = (format: string, token?: string) =>
  fetch(`${server.url}/api/workshops/${w.id}/report?format=${format}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

beforeAll(async () => {
  server = await startServer();
  w = await createWorkshop(server, { language: 'nb', title: 'Innbyggerpanel' });
  const elements: Element[] = [
    frame('f1', 'Hva er viktig for deg?'),
    frame('c1', 'Tryggere skolevei', { variant: 'cluster', frameId: 'f1' }),
    note('n1', 'Fotgjengerfelt ved skolen', 'c1'),
    note('n2', 'Fartsdumper', 'c1'),
  ];
  (await seedBoard(server.wsUrl, w.boardId, elements, w.facilitatorToken)).destroy();
});
afterAll(async () => {
  await server.stop();
});

describe('results for Decidim and as open data', () => {
  it('Decidim CSV: a proposal per cluster, Norwegian in Decidim\'s "no" columns, as a download', async () => {
    const res = await get('decidim-csv', w.facilitatorToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="sammen-decidim-${w.id}.csv"`);
    const [headers, ...rows] = parseCsv(await res.text(), { delimiter: ';' }) as string[][];
    expect(headers).toEqual(['id', 'title/no', 'body/no']);
    expect(rows).toEqual([['c1', 'Tryggere skolevei', expect.stringContaining('- Fotgjengerfelt ved skolen')]]);
  });

  it('another Decidim locale on request; a malformed one is a 400', async () => {
    const res = await fetch(`${server.url}/api/workshops/${w.id}/report?format=decidim-json&locale=en`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } });
    expect(Object.keys(((await res.json()) as Array<Record<string, string>>)[0]!)).toEqual(['id', 'title/en', 'body/en']);
    const bad = await fetch(`${server.url}/api/workshops/${w.id}/report?format=decidim-json&locale=%3Cx%3E`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } });
    expect(bad.status).toBe(400);
  });

  it('Excel and the open-data package download; datapackage.json names the CSV the server gives', async () => {
    const xlsx = await get('decidim-xlsx', w.facilitatorToken);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    const pkg = (await (await get('datapackage', w.facilitatorToken)).json()) as { resources: Array<{ path: string }> };
    const csv = await get('open-data-csv', w.facilitatorToken);
    expect(csv.headers.get('content-disposition')).toContain(`filename="${pkg.resources[0]!.path}"`);
  });

  it('is for facilitators only', async () => {
    expect((await get('decidim-csv')).status).toBe(401);
    expect((await get('decidim-csv', await join(server, w.joinCode, 'Kari'))).status).toBe(403);
    expect((await get('datapackage', w.observerToken)).status).toBe(403);
  });
});
