import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActionCard, type Element, type Frame, type StickyNote, getElements, insertElement } from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { connectClient, synced, waitForDoc } from '../harness/yclient.js';

/**
 * A scripted workshop against the built server, through the facilitator's commands: step 1 (collect)
 * runs, step 2 (vote) runs, step 3 (actions) never runs. Every report format this side owns (HTML,
 * Markdown, CSV, the letter) must hold each note, cluster, vote count and filled action, nothing of the
 * empty action cards, "not run" for step 3 and the times steps 1 and 2 ran.
 */
let server: RunningServer;
let w: Awaited<ReturnType<typeof createWorkshop>>;
let fac: ControlClient;
let ranWindow: { from: number; to: number };

const frame = (id: string, title: string, extra: Partial<Frame> = {}): Frame => ({
  id, type: 'frame', index: `a${id}`, frameId: null, x: 0, y: 0, width: 1200, height: 800, title, fill: 'white', ...extra,
});
const note = (id: string, text: string, frameId: string, x: number, y: number): StickyNote => ({
  id, type: 'note', index: `b${id}`, frameId, x, y, width: 160, height: 160, color: 'yellow', text,
});
const NOTES = { n1: 'Cykelsti til skolen', n2: 'Bus om aftenen', n3: 'Flere træer ved søen', n4: 'Bænke i parken', n5: 'Legeplads til de store' };
const CLUSTERS = { c1: 'Hverdagsliv og mobilitet', c2: 'Natur og ophold' };
const ACTION: Partial<ActionCard> = { what: 'Sikker skolevej', who: ['municipality', 'citizen'], whoDetail: 'Vejafdelingen', firstStep: 'Trafiktælling ved skolen', when: 'Marts 2027', sourceId: 'c1' };
// An empty card (templates bring six) with one field someone typed into: still no proposal, so none of it prints.
const EMPTY_TRACE = 'Spor-af-tomt-kort';
const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const report = async (format: string) => {
  const res = await fetch(`${server.url}/api/workshops/${w.id}/report?format=${format}`, auth(w.facilitatorToken));
  expect(res.status).toBe(200);
  return res.text();
};
/** Every clock time ("10.02") in Copenhagen between two instants, as the report writes them. */
const timesBetween = (from: number, to: number) => {
  const fmt = new Intl.DateTimeFormat('da', { timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
  const out = new Set<string>();
  for (let t = from - 60_000; t <= to + 60_000; t += 30_000) out.add(fmt.format(new Date(t)));
  return [...out];
};

beforeAll(async () => {
  server = await startServer();
  w = await createWorkshop(server, { language: 'da', title: 'Hvad er vigtigt for dig?', place: 'Medborgerhuset, Viby', question: 'Hvad skal gøre bydelen bedre at bo i?' });
  const board = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await synced(board);
  const elements: Element[] = [
    frame('f1', 'Idéer'),
    frame('c1', CLUSTERS.c1, { variant: 'cluster', frameId: 'f1', x: 20, y: 80, width: 560, height: 300 }),
    frame('c2', CLUSTERS.c2, { variant: 'cluster', frameId: 'f1', x: 620, y: 80, width: 560, height: 300 }),
    note('n1', NOTES.n1, 'c1', 40, 120),
    note('n2', NOTES.n2, 'c1', 240, 120),
    note('n3', NOTES.n3, 'c2', 640, 120),
    note('n4', NOTES.n4, 'c2', 840, 120),
    note('n5', NOTES.n5, 'f1', 40, 500),
  ];
  for (const el of elements) insertElement(board.doc, el);
  const base: ActionCard = { id: 'a1', type: 'action', index: 'c1', frameId: null, x: 0, y: 1000, width: 420, height: 220, color: 'white', what: '', who: [], whoDetail: '', firstStep: '', when: '', sourceId: null };
  insertElement(board.doc, { ...base, ...ACTION });
  for (let i = 2; i <= 7; i++) insertElement(board.doc, { ...base, id: `a${i}`, index: `c${i}`, y: 1000 + i * 250, ...(i === 2 ? { when: EMPTY_TRACE, whoDetail: EMPTY_TRACE } : {}) });
  const watcher = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await waitForDoc(watcher.doc, (d) => getElements(d).length === elements.length + 7);
  watcher.destroy();
  board.destroy();

  fac = await connectControl(server.url, w.facilitatorToken);
  const step = { participantText: '', facilitatorNotes: '', minutes: 20, private: false };
  const steps = [
    { ...step, id: 's1', title: 'Skriv idéer', frameId: 'f1', level: 'consult', promise: 'Byrådet får alle idéer' },
    { ...step, id: 's2', title: 'Prioritér', frameId: 'f1', level: 'involve', promise: 'De tre vigtigste indgår i planen' },
    { ...step, id: 's3', title: 'Aftal handlinger', frameId: null, level: 'cocreate', promise: 'Vi følger op på handlingerne' },
  ];
  expect(await fac.run({ type: 'agenda.set', steps })).toEqual({ ok: true });
  // Preparing alone: looking at step 3 before anyone has joined is not running it.
  expect(await fac.run({ type: 'agenda.goto', index: 2 })).toEqual({ ok: true });
  expect(await fac.run({ type: 'agenda.goto', index: 0 })).toEqual({ ok: true });
  const from = Date.now();
  const a = await connectControl(server.url, await join(server, w.joinCode, 'Alice'));
  const b = await connectControl(server.url, await join(server, w.joinCode, 'Bent'));
  expect(await fac.run({ type: 'agenda.next' })).toEqual({ ok: true });
  expect(await fac.run({ type: 'vote.start', elementIds: ['n1', 'n2', 'n3', 'n4', 'n5'], dotsPerPerson: 3, allowMultiplePerElement: true, title: 'Hvad er vigtigst?' })).toEqual({ ok: true });
  for (const [c, ids] of [[a, ['n1', 'n1', 'n3']], [b, ['n1', 'n2', 'n5']]] as const) for (const id of ids) expect(await c.run({ type: 'vote.place', elementId: id })).toEqual({ ok: true });
  expect(await fac.run({ type: 'vote.reveal' })).toEqual({ ok: true });
  // The first participant's arrival started step 1's run; back to step 1 ends step 2's: both ran, step 3 never did.
  expect(await fac.run({ type: 'agenda.prev' })).toEqual({ ok: true });
  a.close();
  b.close();
  // The last participant leaving ends step 1's second run. A command queues behind that bookkeeping.
  await fac.waitFor((v) => v.members.every((m) => m.role !== 'participant' || !m.online));
  expect(await fac.run({ type: 'timer.pause' })).toEqual({ ok: true });
  ranWindow = { from, to: Date.now() };
});
afterAll(async () => {
  fac?.close();
  await server.stop();
});

const DOTS = { n1: 3, n2: 1, n3: 1, n4: 0, n5: 1 };

describe('report from the one model (HTML, Markdown, CSV, letter)', () => {
  it('HTML and Markdown: every note, cluster with its dots, the vote, the filled action; nothing of empty cards; step 3 not run; run times', async () => {
    for (const format of ['html', 'md']) {
      const text = (await report(format)).replace(/<figure[\s\S]*?<\/figure>/g, '').replace(/!\[.*\]\(data:[^)]*\)/g, '');
      for (const t of [...Object.values(NOTES), ...Object.values(CLUSTERS), ACTION.what!, ACTION.whoDetail!, ACTION.firstStep!, ACTION.when!]) expect(text, `${format}: ${t}`).toContain(t);
      expect(text).toContain('Medborgerhuset, Viby');
      expect(text).toContain('Hvad skal gøre bydelen bedre at bo i?');
      expect(text).toContain('4 prikker'); // cluster c1: n1 3 + n2 1
      expect(text).toContain('Hvad er vigtigst?');
      for (const [id, n] of Object.entries(DOTS)) if (n) expect(text, `${format}: dots of ${id}`).toContain(`${NOTES[id as keyof typeof NOTES]}${format === 'html' ? '</span> <strong>' : ' '}(${n === 1 ? '1 prik' : `${n} prikker`})`);
      expect(text).not.toContain(EMPTY_TRACE);
      expect(text).not.toContain('()');
      expect(text).not.toMatch(/Hvem:?\s*(<\/dt>)?\s*(<dd>)?\s*(\n|<\/dd>|$)/);
      expect(text).not.toMatch(/\.\./);
      // Step 3 never ran: shown as such, never as kept.
      expect(text).toMatch(/Aftal handlinger.*Ikke gennemført.*Nej, punktet blev ikke gennemført/s);
      // Steps 1 and 2 ran: their times, from the server's clock, in Copenhagen time.
      const times = timesBetween(ranWindow.from, ranWindow.to);
      const runs = text.match(/(\d\d[.:]\d\d)–(\d\d[.:]\d\d) \(\d+ min\.\)/g) ?? [];
      expect(runs.length, `${format}: a time span for step 1 and for step 2`).toBeGreaterThanOrEqual(2);
      for (const r of runs) expect(times).toContain(r.slice(0, 5));
      // Everyone left, so no step is still running: step 1 ran twice, step 2 once.
      expect(runs).toHaveLength(3);
      expect(text).not.toContain('fra kl.');
    }
  });

  it('CSV: a row per note with its dots and cluster, a row for the filled action only', async () => {
    const rows = parseCsv((await report('csv')).replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
    const notes = rows.filter((r) => r['Type'] === 'Seddel');
    expect(notes.map((r) => [r['Tekst'], r['Prikker']]).sort()).toEqual(Object.entries(NOTES).map(([id, t]) => [t, String(DOTS[id as keyof typeof DOTS])]).sort());
    expect(notes.find((r) => r['Tekst'] === NOTES.n1)?.['Gruppe']).toBe(CLUSTERS.c1);
    expect(notes.find((r) => r['Tekst'] === NOTES.n4)?.['Gruppe']).toBe(CLUSTERS.c2);
    const actions = rows.filter((r) => r['Type'] === 'Handling');
    expect(actions).toEqual([expect.objectContaining({ Tekst: ACTION.what, Gruppe: CLUSTERS.c1, Prikker: '4', Hvem: 'Kommunen, Borgere, Vejafdelingen', 'Første skridt': ACTION.firstStep, Hvornår: ACTION.when })]);
    expect(JSON.stringify(rows)).not.toContain(EMPTY_TRACE);
  });

  it('letter to participants: promises and what was done, the themes, what came first, the action with its owners', async () => {
    const res = await fetch(`${server.url}/api/workshops/${w.id}/report?format=letter`, auth(w.facilitatorToken));
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('Det skete der med jeres input: Hvad er vigtigt for dig?');
    expect(html).toContain('i Medborgerhuset, Viby');
    expect(html).toContain('Byrådet får alle idéer<br>Gjort.');
    expect(html).toContain('Vi følger op på handlingerne<br>Vi nåede ikke dette punkt, så løftet gælder ikke.');
    expect(html).toContain('I skrev 5 sedler, som vi samlede i 2 temaer:');
    expect(html).toContain(`${CLUSTERS.c1} (2 sedler)`);
    expect(html).toContain(`${CLUSTERS.c1}</span> (4 prikker)`);
    expect(html).toContain('Sikker skolevej (Kommunen, Borgere, Vejafdelingen)');
    expect(html).toContain('Første skridt: Trafiktælling ved skolen · Hvornår: Marts 2027');
    expect(html).not.toContain(EMPTY_TRACE);
    expect(html).not.toContain('()');
  });

  it('refuses an unknown format and keeps the letter for facilitators', async () => {
    expect((await fetch(`${server.url}/api/workshops/${w.id}/report?format=letter`, auth(w.observerToken))).status).toBe(403);
    expect((await fetch(`${server.url}/api/workshops/${w.id}/report?format=odt`, auth(w.facilitatorToken))).status).toBe(400);
  });
});
