import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActionCard, type Element, type Frame, type StickyNote, getElements } from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { connectClient, seedBoard, synced } from '../harness/yclient.js';

const TRICKY = 'Mere <b>grønt</b> & "bænke", tak;\nog <script>alert(1)</script> æøå ÆØÅ';
let server: RunningServer;
let w: Awaited<ReturnType<typeof createWorkshop>>;
let fac: ControlClient;

const frame = (id: string, x: number, title: string, extra: Partial<Frame> = {}): Frame => ({
  id, type: 'frame', index: `a${id}`, frameId: null, x, y: 0, width: 900, height: 700, title, fill: 'white', ...extra,
});
const note = (id: string, text: string, frameId: string | null, x: number, author?: string): StickyNote => ({
  id, type: 'note', index: 'b0', frameId, x, y: 100, width: 200, height: 200, color: 'yellow', text, ...(author ? { author } : {}),
});
const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  server = await startServer();
  w = await createWorkshop(server, { language: 'da', title: 'Borgerpanel: grønne områder' });
  const elements: Element[] = [
    frame('f1', 0, 'Hvad er vigtigt for dig?'),
    frame('c1', 20, 'Grønne områder', { variant: 'cluster', frameId: 'f1', x: 20, y: 80, width: 500, height: 280 }),
    note('n1', TRICKY, 'c1', 40),
    note('n2', 'Flere træer', 'c1', 260, 'Alice'),
    note('n3', '=SUM(A1:A9)', 'f1', 600),
    frame('p1', 2000, 'Parkeringsplads', { variant: 'parking-lot' }),
    note('n4', 'Hvad med bussen?', 'p1', 2050),
  ];
  const action: ActionCard = {
    id: 'a1', type: 'action', index: 'c0', frameId: null, x: 0, y: 900, width: 420, height: 220, color: 'white',
    what: 'Plant 100 træer', who: ['citizen', 'municipality'], whoDetail: 'Grundejerforeningen', firstStep: 'Møde i marts', when: 'Forår 2027', sourceId: 'c1',
  };
  // An empty card, as templates bring them: a slot, not a proposal, so the report leaves it out.
  const emptyAction: ActionCard = { ...action, id: 'a2', index: 'c1', y: 1200, what: '', who: [], whoDetail: '', firstStep: '', when: '', sourceId: null };
  (await seedBoard(server.wsUrl, w.boardId, [...elements, action, emptyAction], w.facilitatorToken)).destroy();

  fac = await connectControl(server.url, w.facilitatorToken);
  const steps = [{ id: 's1', title: 'Hvad er vigtigt for dig?', participantText: 'Skriv', facilitatorNotes: 'Læs spørgsmålet højt', minutes: 10, frameId: 'f1', level: 'consult', promise: 'Byrådet får jeres prioriteringer', private: false }];
  expect(await fac.run({ type: 'agenda.set', steps })).toEqual({ ok: true });
  const a = await connectControl(server.url, await join(server, w.joinCode, 'Alice'));
  const b = await connectControl(server.url, await join(server, w.joinCode, 'Bent'));
  expect(await fac.run({ type: 'vote.start', elementIds: ['n1', 'n2', 'n3'], dotsPerPerson: 3, allowMultiplePerElement: true, title: 'Prioritering' })).toEqual({ ok: true });
  for (const [c, ids] of [[a, ['n1', 'n1', 'n2']], [b, ['n1', 'n3']]] as const) for (const id of ids) expect(await c.run({ type: 'vote.place', elementId: id })).toEqual({ ok: true });
  expect(await fac.run({ type: 'vote.reveal' })).toEqual({ ok: true });
  a.close();
  b.close();
});
afterAll(async () => {
  fac?.close();
  await server.stop();
});

async function report(format: string): Promise<Response> {
  return fetch(`${server.url}/api/workshops/${w.id}/report?format=${format}`, auth(w.facilitatorToken));
}

describe('workshop report', () => {
  it('is for facilitators only', async () => {
    expect((await fetch(`${server.url}/api/workshops/${w.id}/report?format=md`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/workshops/${w.id}/report?format=md`, auth(w.observerToken))).status).toBe(403);
  });

  it('CSV: one row per note with step, frame, cluster, text, votes and signed author only', async () => {
    const res = await report('csv');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    expect(rows.filter((r) => r['Type'] === 'Seddel')).toHaveLength(4);
    const byText = new Map(rows.map((r) => [r['Tekst'], r]));
    // The filled action card is a row of its own; the empty one is not there at all.
    expect(rows.filter((r) => r['Type'] === 'Handling')).toEqual([
      expect.objectContaining({ Tekst: 'Plant 100 træer', Gruppe: 'Grønne områder', Prikker: '4', Hvem: 'Borgere, Kommunen, Grundejerforeningen', 'Første skridt': 'Møde i marts', Hvornår: 'Forår 2027' }),
    ]);
    expect(byText.get(TRICKY)).toMatchObject({ Gruppe: 'Grønne områder', Prikker: '3', 'Skrevet af': '', Ramme: 'Hvad er vigtigt for dig?' });
    expect(byText.get('Flere træer')).toMatchObject({ Prikker: '1', 'Skrevet af': 'Alice' });
    expect(byText.get("'=SUM(A1:A9)")).toMatchObject({ Prikker: '1', Gruppe: '' }); // never a formula
    expect(byText.get('Hvad med bussen?')).toMatchObject({ Prikker: '0' });
  });

  it('Markdown: clusters, counts, actions with their trail, parking lot; note text stays text', async () => {
    const md = await (await report('md')).text();
    expect(md).toContain('## Resumé');
    expect(md).toContain('### 1. Grønne områder\n\n*2 sedler · 4 prikker*');
    const html = await marked.parse(md);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>grønt</b>');
    const text = html.replace(/<br>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'");
    expect(text).toContain(TRICKY);
    expect(md).toMatch(/\| 1 \| Mere &lt;b&gt;grønt.*\| 3 \|/);
    expect(md).toContain('### Plant 100 træer\n\n- **Hvem:** Borgere, Kommunen, Grundejerforeningen\n- **Første skridt:** Møde i marts\n- **Hvornår:** Forår 2027\n- **Kommer fra:** Grønne områder (2 sedler, 4 prikker)');
    expect(md).toContain('## Parkeringsplads');
    expect(md).toContain('- Hvad med bussen?');
    // The step ran from when the participants arrived (until they left, or still).
    expect(md).toMatch(/\| 1\. Hvad er vigtigt for dig\? \| Høre \| Byrådet får jeres prioriteringer \| (fra kl\. \d\d[.:]\d\d|\d\d[.:]\d\d–\d\d[.:]\d\d \(\d+ min\.\)) \| Ja \|/);
  });

  it('HTML: printable page, escaped text, no script', async () => {
    const res = await report('html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="da">');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Mere &lt;b&gt;grønt&lt;/b&gt; &amp; &quot;bænke&quot;, tak;\nog &lt;script&gt;');
    expect(html).toContain('<svg');
    expect(html, 'the empty action card is not listed as "()"').not.toContain('()');
    expect(html.match(/<h3 class="note">Plant 100 træer<\/h3>/g)).toHaveLength(1);
  });

  it('PDF: the text of notes, clusters, counts and actions can be extracted (pdftotext)', async () => {
    const res = await report('pdf');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-pdf-')), 'report.pdf');
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of ['WORKSHOPRAPPORT Borgerpanel: grønne områder', '1. Grønne områder (2 sedler, 4 prikker)', 'Mere <b>grønt</b> & "bænke", tak; og <script>alert(1)</script> æøå ÆØÅ (3 prikker)', 'Flere træer (1 prik) – Alice', 'Plant 100 træer', 'Hvad med bussen?']) {
      expect(text).toContain(expected);
    }
  });
});

describe('named versions', () => {
  it('saves, lists and previews a version of the board', async () => {
    const created = await fetch(`${server.url}/api/workshops/${w.id}/versions`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${w.facilitatorToken}` }, body: JSON.stringify({ name: 'Efter afstemningen' }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const list = (await (await fetch(`${server.url}/api/workshops/${w.id}/versions`, auth(w.facilitatorToken))).json()) as Array<{ name: string }>;
    expect(list.map((v) => v.name)).toContain('Efter afstemningen');
    const version = (await (await fetch(`${server.url}/api/workshops/${w.id}/versions/${id}`, auth(w.facilitatorToken))).json()) as { elements: Element[] };
    expect(version.elements.map((e) => e.id).sort()).toEqual(['a1', 'a2', 'c1', 'f1', 'n1', 'n2', 'n3', 'n4', 'p1']);
  });
});

describe('backup and restore', () => {
  it('export → import gives an identical workshop', async () => {
    const backup = await (await fetch(`${server.url}/api/workshops/${w.id}/export`, auth(w.facilitatorToken))).json();
    const imported = await fetch(`${server.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(backup) });
    expect(imported.status).toBe(201);
    const copy = (await imported.json()) as { id: string; boardId: string; facilitatorToken: string };
    const again = (await (await fetch(`${server.url}/api/workshops/${copy.id}/export`, auth(copy.facilitatorToken))).json()) as any;
    const original = backup as any;
    expect(again.content.workshop.state.agenda).toEqual(original.content.workshop.state.agenda);
    expect(again.content.workshop.state.vote.results).toEqual(original.content.workshop.state.vote.results);
    expect(again.content.members.map((m: any) => [m.name, m.role])).toEqual(original.content.members.map((m: any) => [m.name, m.role]));
    expect(again.content.versions.map((v: any) => v.name)).toEqual(original.content.versions.map((v: any) => v.name));
    const c = connectClient(server.wsUrl, copy.boardId, { token: copy.facilitatorToken });
    const o = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
    await Promise.all([synced(c), synced(o)]);
    expect(getElements(c.doc)).toEqual(getElements(o.doc));
    c.destroy();
    o.destroy();
    const copyReport = await (await fetch(`${server.url}/api/workshops/${copy.id}/report?format=csv`, auth(copy.facilitatorToken))).text();
    expect(copyReport).toBe(await (await report('csv')).text());
  });

  it('refuses a truncated, tampered or foreign file and changes nothing', async () => {
    const text = await (await fetch(`${server.url}/api/workshops/${w.id}/export`, auth(w.facilitatorToken))).text();
    const post = (body: string) => fetch(`${server.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const truncated = await post(text.slice(0, Math.floor(text.length / 2)));
    expect(truncated.status).toBe(400);
    const tampered = JSON.parse(text);
    tampered.content.workshop.title = 'Forfalsket';
    const t = await post(JSON.stringify(tampered));
    expect(t.status).toBe(400);
    expect(((await t.json()) as { message: string }).message).toMatch(/checksum/);
    const foreign = await post(JSON.stringify(await (await fetch(`${server.url}/api/templates/citizen-conversation`)).json()));
    expect(foreign.status).toBe(400);
    expect(((await foreign.json()) as { message: string }).message).toMatch(/not a Sammen backup/);
  });
});
