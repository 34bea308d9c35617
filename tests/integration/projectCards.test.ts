import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type Frame,
  type ProjectCard,
  type ProjectPhase,
  getElement,
  getElements,
  getProjectMoves,
  insertElement,
  portfolioCellAt,
  portfolioLayout,
  projectCardDefaults,
  updateElement,
} from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { closed, connectClient, rawSocket, synced, waitForDoc, type YClient } from '../harness/yclient.js';
import { encodeUpdateMessage } from '../harness/wire.js';

/**
 * The innovation lab's portfolio through the real server: 25 project cards on a board made from the
 * innovation-lab template, moved across phases by three people at once over the control channel
 * while they also edit the cards on the board. Every card ends where it was last moved, in its
 * portfolio cell, with every move recorded by the server under the mover's name; nobody can write a
 * record themselves; the CSV and XLSX exports and the report hold every card and its history.
 */

const AREAS = ['technical-environment', 'children-culture', 'social-health', 'staff', 'Kulturhuset'];
const PEOPLE = ['Anna', 'Bo', 'Cecilie'];
const CARDS = 25;

let server: RunningServer;
let w: Awaited<ReturnType<typeof createWorkshop>>;
const people: Array<{ name: string; control: ControlClient; board: YClient }> = [];
let facilitatorBoard: YClient;
/** What each card's moves should be, in order, as [person, phase]. */
const plan = new Map<string, Array<[string, ProjectPhase]>>();

const card = (i: number): ProjectCard => ({
  ...projectCardDefaults,
  effects: i % 2 ? ['results'] : ['satisfaction', 'democracy'],
  learnings: [],
  id: `lab${i}`,
  type: 'project',
  index: `a${String(i).padStart(3, '0')}`,
  frameId: null,
  x: 5000 + i * 10,
  y: 5000,
  title: `Forsøg ${i}`,
  owner: PEOPLE[i % 3]!,
  area: AREAS[i % AREAS.length]!,
  createdAt: Date.now(),
});

beforeAll(async () => {
  server = await startServer();
  w = await createWorkshop(server, { title: 'Innovationslaboratorium', template: 'innovation-lab' });
  facilitatorBoard = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await synced(facilitatorBoard);
  facilitatorBoard.doc.transact(() => {
    for (let i = 0; i < CARDS; i++) insertElement(facilitatorBoard.doc, card(i));
  });
  for (const name of PEOPLE) {
    const token = await join(server, w.joinCode, name);
    const board = connectClient(server.wsUrl, w.boardId, { token });
    await synced(board);
    await waitForDoc(board.doc, (d) => getElement(d, `lab${CARDS - 1}`) !== undefined);
    people.push({ name, control: await connectControl(server.url, token), board });
  }
  // Each card gets two or three moves, from different people, in an order that differs per card.
  for (let i = 0; i < CARDS; i++) {
    const steps: Array<[string, ProjectPhase]> = [
      [PEOPLE[i % 3]!, 'consolidate'],
      [PEOPLE[(i + 1) % 3]!, i % 4 === 0 ? 'mobilise' : 'realise'],
    ];
    if (i % 3 === 0) steps.push([PEOPLE[(i + 2) % 3]!, 'consolidate']);
    plan.set(`lab${i}`, steps);
  }
}, 60_000);

afterAll(async () => {
  for (const p of people) {
    p.control.close();
    p.board.destroy();
  }
  facilitatorBoard?.destroy();
  await server?.stop();
});

describe('project cards moved by three people at once', () => {
  it('end where they were moved, in their portfolio cells, with every move recorded under the mover’s name', async () => {
    // Round r of every card's plan is sent by its mover at the same time as everyone else's; each
    // person also renames cards on the board meanwhile (a client edit racing the server's moves).
    for (let round = 0; round < 3; round++) {
      const sends = [...plan].flatMap(([id, steps]) => {
        const step = steps[round];
        if (!step) return [];
        const person = people.find((p) => p.name === step[0])!;
        return [person.control.run({ type: 'project.move', elementId: id, phase: step[1] })];
      });
      const renames = people.map((p, k) =>
        Promise.resolve().then(() => {
          for (let i = k; i < CARDS; i += 3) updateElement(p.board.doc, `lab${i}`, { hypothesis: `Runde ${round} fra ${p.name}` });
        }),
      );
      const results = await Promise.all([...sends, ...renames]);
      for (const r of results) if (r) expect(r).toEqual({ ok: true });
    }

    const doc = facilitatorBoard.doc;
    const expectLast = (id: string) => plan.get(id)!.at(-1)![1];
    await waitForDoc(doc, (d) => [...plan.keys()].every((id) => (getElement(d, id) as ProjectCard | undefined)?.phase === expectLast(id)), 20_000);
    await waitForDoc(doc, (d) => [...plan].every(([id, steps]) => getProjectMoves(d).get(id)?.length === steps.length), 20_000);

    const portfolio = getElements(doc).find((e): e is Frame => e.type === 'frame' && e.variant === 'portfolio')!;
    expect(portfolio).toBeDefined();
    const cards = getElements(doc).filter((e): e is ProjectCard => e.type === 'project' && e.id.startsWith('lab'));
    expect(cards).toHaveLength(CARDS);
    const layout = portfolioLayout(portfolio, cards);
    const moves = getProjectMoves(doc);
    for (const c of cards) {
      const steps = plan.get(c.id)!;
      expect(c.phase).toBe(expectLast(c.id));
      expect(c.frameId).toBe(portfolio.id);
      // Where it is drawn is its cell: the server arranged the portfolio after each move.
      expect(portfolioCellAt(layout, c.x + 1, c.y + 1)).toEqual({ area: AREAS.slice(0, 4).includes(c.area) ? c.area : '', phase: c.phase });
      const log = moves.get(c.id)!;
      expect(log.map((m) => [m.by, m.to])).toEqual(steps);
      expect(log[0]!.from).toBe('mobilise');
      for (let k = 1; k < log.length; k++) {
        expect(log[k]!.from).toBe(log[k - 1]!.to);
        expect(log[k]!.at).toBeGreaterThanOrEqual(log[k - 1]!.at);
      }
      // The board edit made while it moved is kept.
      expect(c.hypothesis).toMatch(/^Runde 2 fra /);
    }
    // No two cards overlap.
    for (let a = 0; a < cards.length; a++)
      for (let b = a + 1; b < cards.length; b++) {
        const [p, q] = [cards[a]!, cards[b]!];
        expect(p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height).toBe(false);
      }
  }, 60_000);

  it('refuses anyone writing a move record themselves (the "who" is the server’s word)', async () => {
    const participant = await join(server, w.joinCode, 'Dorte');
    const crafted = new Y.Doc();
    crafted.getMap('projectLog').set('lab1', [{ at: 1, by: 'Anna', from: 'mobilise', to: 'realise' }]);
    const ws = await rawSocket(server.wsUrl, `${w.boardId}?token=${participant}`);
    const closing = closed(ws);
    ws.send(encodeUpdateMessage(Y.encodeStateAsUpdate(crafted)));
    expect((await closing).code).toBe(4403);
    expect(getProjectMoves(facilitatorBoard.doc).get('lab1')!.some((m) => m.at === 1)).toBe(false);
  });

  it('exports every card and its history as CSV and XLSX, and the report has the portfolio', async () => {
    const auth = { authorization: `Bearer ${w.facilitatorToken}` };
    const totalMoves = [...plan.values()].reduce((n, s) => n + s.length, 0);

    const csvRes = await fetch(`${server.url}/api/workshops/${w.id}/portfolio?format=csv`, { headers: auth });
    expect(csvRes.status).toBe(200);
    const rows: string[][] = parse((await csvRes.text()).replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false });
    const blank = rows.findIndex((r) => r.length === 1 && r[0] === '');
    const cardRows = rows.slice(1, blank);
    const historyRows = rows.slice(blank + 2);
    // The template's own (empty) card is a card too.
    expect(cardRows.filter((r) => r[0]!.startsWith('lab'))).toHaveLength(CARDS);
    for (let i = 0; i < CARDS; i++) expect(cardRows.find((r) => r[0] === `lab${i}`)).toContain(`Forsøg ${i}`);
    expect(historyRows.filter((r) => r[2] === 'Faseskift')).toHaveLength(totalMoves);
    expect(historyRows.filter((r) => r[2] === 'Faseskift').map((r) => r[4]).sort()).toEqual(
      [...plan.values()].flatMap((s) => s.map(([by]) => by)).sort(),
    );

    const xlsxRes = await fetch(`${server.url}/api/workshops/${w.id}/portfolio?format=xlsx`, { headers: auth });
    expect(xlsxRes.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsxRes.arrayBuffer());
    expect(book.getWorksheet('Projektkort')!.rowCount).toBe(cardRows.length + 1);
    expect(book.getWorksheet('Historik')!.rowCount).toBe(totalMoves + 1);

    const participant = await join(server, w.joinCode, 'Erik');
    expect((await fetch(`${server.url}/api/workshops/${w.id}/portfolio?format=csv`, { headers: { authorization: `Bearer ${participant}` } })).status).toBe(403);

    const md = await (await fetch(`${server.url}/api/workshops/${w.id}/report?format=md`, { headers: auth })).text();
    expect(md).toContain('## Portefølje af forsøgsprojekter');
    expect(md).toContain('Forsøg 7');
    expect(md).toMatch(/Flytninger|Mobilisering → Konsolidering/);
  }, 60_000);
});
