import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_SCALES, type RoleResult, getRoleResults } from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { type YClient, connectClient, synced, waitForDoc } from '../harness/yclient.js';

/**
 * The politician's role self-assessment through the real server and real control-channel and board
 * clients: nine politicians place a Today and a Goal marker on every row of the Kommune grid (and sort
 * a few words). The server refuses one moving another's marker and placing a second marker of a kind
 * on a row; nobody sees anyone else's markers before the reveal; the reveal's counts are the planted
 * ones, on the board and in the report's table.
 */

const ROWS = ROLE_SCALES.kommune.rows;
/** Politician i's Today and Goal column on row r: a planted pattern whose counts are easy to state. */
const todayOf = (i: number, r: number) => (r === 0 ? 0 : i % 3);
const goalOf = (i: number, r: number) => (r === 0 ? 2 : i % 3);

let server: RunningServer;
let w: Awaited<ReturnType<typeof createWorkshop>>;
let fac: ControlClient;
let board: YClient;
const politicians: ControlClient[] = [];

beforeAll(async () => {
  server = await startServer();
  w = await createWorkshop(server, { title: 'Politikerrollen' });
  fac = await connectControl(server.url, w.facilitatorToken);
  for (let i = 0; i < 9; i++) politicians.push(await connectControl(server.url, await join(server, w.joinCode, `Politiker ${i + 1}`)));
  board = connectClient(server.wsUrl, w.boardId, { token: w.observerToken });
  await synced(board);
}, 60_000);

afterAll(async () => {
  for (const p of politicians) p.close();
  fac?.close();
  board?.destroy();
  await server?.stop();
});

describe('politician role markers', () => {
  it('nine politicians place Today and Goal on every row; each sees only their own markers', async () => {
    expect(await fac.run({ type: 'role.start' })).toEqual({ ok: true });
    for (const [i, p] of politicians.entries()) {
      for (const [r, row] of ROWS.entries()) {
        expect(await p.run({ type: 'role.place', scale: 'kommune', row, kind: 'today', column: todayOf(i, r) })).toEqual({ ok: true });
        expect(await p.run({ type: 'role.place', scale: 'kommune', row, kind: 'goal', column: goalOf(i, r) })).toEqual({ ok: true });
      }
      expect(await p.run({ type: 'role.place', scale: 'sort', row: 'rules', kind: 'place', column: i < 7 ? 0 : 1 })).toEqual({ ok: true });
    }
    const view = await politicians[0]!.waitFor((v) => (v.roleRound?.progress.markers ?? 0) === 9 * 17);
    expect(view.roleRound!.myMarkers).toHaveLength(17);
    expect(view.roleRound!.result).toBeNull();
    expect(view.roleRound!.progress.people).toBe(9);
    const facView = await fac.waitFor((v) => v.roleRound !== null);
    expect(facView.roleRound!.myMarkers).toEqual([]);
    // Nothing of the round is on the board before the reveal.
    expect(getRoleResults(board.doc)).toEqual([]);
  });

  it('the server refuses moving another politician’s marker and placing a second marker of a kind on a row', async () => {
    const [a, b] = politicians;
    const bMarker = (await b!.waitFor((v) => (v.roleRound?.myMarkers.length ?? 0) > 0)).roleRound!.myMarkers.find((m) => m.row === 'task' && m.kind === 'today')!;
    expect(await a!.run({ type: 'role.move', markerId: bMarker.id, column: 2 })).toMatchObject({ ok: false, error: 'not_your_marker' });
    // The facilitator may not move it either: the marker is the politician's.
    expect(await fac.run({ type: 'role.move', markerId: bMarker.id, column: 2 })).toMatchObject({ ok: false, error: 'not_your_marker' });
    expect(await a!.run({ type: 'role.place', scale: 'kommune', row: 'task', kind: 'today', column: 2 })).toMatchObject({ ok: false, error: 'already_placed' });
    expect(await a!.run({ type: 'role.place', scale: 'kommune', row: 'nope', kind: 'today', column: 2 })).toMatchObject({ ok: false, error: 'invalid' });
    // The owner moves their own marker, and back again.
    expect(await b!.run({ type: 'role.move', markerId: bMarker.id, column: 2 })).toEqual({ ok: true });
    expect(await b!.run({ type: 'role.move', markerId: bMarker.id, column: bMarker.column })).toEqual({ ok: true });
    const still = await b!.waitFor((v) => v.roleRound!.myMarkers.find((m) => m.id === bMarker.id)!.column === bMarker.column);
    expect(still.roleRound!.myMarkers).toHaveLength(17);
  });

  it('a participant cannot reveal; the facilitator’s reveal counts every row right, on the board and for everyone', async () => {
    expect(await politicians[0]!.run({ type: 'role.reveal' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await fac.run({ type: 'role.reveal' })).toEqual({ ok: true });
    await waitForDoc(board.doc, (d) => getRoleResults(d).length === 1);
    const result: RoleResult = getRoleResults(board.doc)[0]!;
    expect(JSON.stringify(result)).not.toMatch(/Politiker|owner/);
    expect(result.people).toBe(9);
    const kommune = result.scales.find((s) => s.scale === 'kommune')!.rows;
    expect(kommune[0]).toMatchObject({ row: 'seen-as', counts: { today: [9, 0, 0], goal: [0, 0, 9] }, meanToday: 1, meanGoal: 3, gap: 2, pairs: 9, moving: 9 });
    for (const row of kommune.slice(1)) expect(row).toMatchObject({ counts: { today: [3, 3, 3], goal: [3, 3, 3] }, gap: 0, pairs: 9, moving: 0 });
    expect(result.scales.find((s) => s.scale === 'sort')!.rows.find((r) => r.row === 'rules')!.counts).toEqual({ place: [7, 2] });
    const seen = await politicians[4]!.waitFor((v) => v.roleRound?.status === 'revealed');
    expect(seen.roleRound!.result).toEqual(result);
    expect(await politicians[0]!.run({ type: 'role.place', scale: 'shifts', row: 'authority', kind: 'today', column: 0 })).toMatchObject({ ok: false, error: 'role_closed' });
  });

  it('the report carries the table and the largest gap, in Markdown and HTML', async () => {
    const get = (format: string) => fetch(`${server.url}/api/workshops/${w.id}/report?format=${format}`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } });
    const md = await (await get('md')).text();
    expect(md).toContain('## Politikerrollen: hvor står vi');
    expect(md).toContain('| Kommunen betragtes som | 9 · 0 · 0 | 0 · 0 · 9 | \\+2,0 | 9 af 9 |'); // a leading + is escaped (Markdown list marker); it renders as +
    expect(md).toContain('| Politikernes opgave er | 3 · 3 · 3 | 3 · 3 · 3 | 0,0 | 0 af 9 |');
    expect(md).toContain('- Kommunen betragtes som: +2,0 (9 af 9 vil flytte sig)');
    expect(md).toContain('| Regler | 7 | 2 |');
    expect(md).not.toContain('Politiker 1');
    const html = await (await get('html')).text();
    expect(html).toContain('<td>Kommunen betragtes som</td><td>9 · 0 · 0</td><td>0 · 0 · 9</td><td>+2,0</td>');
    for (const format of ['pdf', 'docx']) expect((await get(format)).status).toBe(200);
  }, 60_000);
});
