import { randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type StickyNote, getElement, insertElement, updateElement } from '@sammen/shared';
import { findInFiles } from '../harness/bytes.js';
import { connectControl, createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { connectClient, synced, waitForDoc } from '../harness/yclient.js';

const note = (id: string, text: string): StickyNote => ({
  id, type: 'note', index: `a${id}`, frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text,
});
const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
});
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * A used workshop whose every kind of content carries a unique marker: board notes edited many times
 * (so compaction drops old rows), an unrevealed private note, a revealed one, a participant's name, a
 * vote with ballots, a named version. Returns the markers and the workshop.
 */
async function usedWorkshop(server: RunningServer, body: Record<string, unknown> = {}) {
  const tag = randomBytes(6).toString('hex');
  const m = { title: `Tittel${tag}`, name: `Navn${tag}`, board: `Tavle${tag}`, secret: `Hemmelig${tag}`, shown: `Vist${tag}`, version: `Versjon${tag}` };
  const w = await createWorkshop(server, { title: m.title, facilitatorName: `Fasi${tag}`, ...body });
  const aliceToken = await join(server, w.joinCode, m.name);
  const fac = await connectControl(server.url, w.facilitatorToken);
  const alice = await connectControl(server.url, aliceToken);
  const board = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await synced(board);
  insertElement(board.doc, note('n1', m.board));
  for (let i = 0; i < 12; i++) updateElement(board.doc, 'n1', { text: `${m.board} ${i}` });
  const watcher = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await waitForDoc(watcher.doc, (d) => (getElement(d, 'n1') as StickyNote | undefined)?.text === `${m.board} 11`);
  watcher.destroy();
  expect(await fac.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
  const mine = connectClient(server.wsUrl, w.boardId, { token: aliceToken, privateDoc: true });
  await synced(mine);
  insertElement(mine.doc, note('p1', m.shown));
  const again = connectClient(server.wsUrl, w.boardId, { token: aliceToken, privateDoc: true });
  await waitForDoc(again.doc, (d) => getElement(d, 'p1') !== undefined);
  expect(await fac.run({ type: 'private.reveal' })).toEqual({ ok: true });
  expect(await fac.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
  insertElement(mine.doc, note('p2', m.secret));
  await waitForDoc(again.doc, (d) => getElement(d, 'p2') !== undefined);
  expect(await fac.run({ type: 'vote.start', elementIds: ['n1', 'p1'], dotsPerPerson: 2, allowMultiplePerElement: true })).toEqual({ ok: true });
  expect(await alice.run({ type: 'vote.place', elementId: 'n1' })).toEqual({ ok: true });
  const version = await fetch(`${server.url}/api/workshops/${w.id}/versions`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...auth(w.facilitatorToken) }, body: JSON.stringify({ name: m.version }),
  });
  expect(version.status).toBe(201);
  for (const c of [mine, again, board]) c.destroy();
  fac.close();
  alice.close();
  return { w, aliceToken, markers: Object.values(m) };
}

describe('erasure leaves no trace in DATA_DIR', () => {
  it('after DELETE /api/workshops/:id no byte of its notes, names, votes or versions is in any file, running and stopped', async () => {
    const server = await startServer({ env: { COMPACT_AFTER_UPDATES: '5' } });
    servers.push(server);
    const { w, markers } = await usedWorkshop(server);
    // Another workshop stays: erasure is not "delete the database".
    const other = await usedWorkshop(server);
    expect(findInFiles(server.dataDir, markers).map((f) => f.needle)).toEqual(expect.arrayContaining(markers));

    const res = await fetch(`${server.url}/api/workshops/${w.id}`, { method: 'DELETE', headers: auth(w.facilitatorToken) });
    expect(res.status).toBe(204);
    expect(findInFiles(server.dataDir, markers)).toEqual([]);
    await server.stop();
    expect(findInFiles(server.dataDir, markers)).toEqual([]);
    expect(findInFiles(server.dataDir, [other.markers[2]!]).length).toBeGreaterThan(0);
  }, 60_000);

  it('retention: the facilitator chooses within the maximum, participants are told, and expiry deletes every trace', async () => {
    const server = await startServer({ env: { RETENTION_DEFAULT_DAYS: '7', RETENTION_MAX_DAYS: '30', COMPACT_AFTER_UPDATES: '5' } });
    servers.push(server);
    const post = (body: unknown) => fetch(`${server.url}/api/workshops`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const tooLong = await post({ title: 'Lang', language: 'da', retentionDays: 31 });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as { message: string }).message).toMatch(/1 to 30/);
    expect((await post({ title: 'For evigt', language: 'da', retentionDays: 0 })).status).toBe(400);
    expect(await (await post({ title: 'Standard', language: 'nb' })).json()).toMatchObject({ retentionDays: 7 });

    const { w, aliceToken, markers } = await usedWorkshop(server, { retentionDays: 2 });
    const joined = await fetch(`${server.url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: w.joinCode, name: 'Bo' }) });
    expect(await joined.json()).toMatchObject({ retentionDays: 2 });
    // …and before giving a name, on the join page.
    const info = await fetch(`${server.url}/api/join/info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: w.joinCode.toLowerCase() }) });
    expect(await info.json()).toEqual({ title: expect.stringMatching(/^Tittel/), language: 'da', retentionDays: 2 });
    expect((await fetch(`${server.url}/api/join/info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'ZZZZZZ' }) })).status).toBe(404);
    expect(await (await fetch(`${server.url}/api/session`, { headers: auth(aliceToken) })).json()).toMatchObject({ retentionDays: 2 });

    // Three days pass without a change (the board's last change is moved back while the server is down).
    await server.stop();
    const db = new Database(path.join(server.dataDir, 'sammen.db'));
    db.prepare('UPDATE boards SET updated_at = ? WHERE id = ?').run(new Date(Date.now() - 3 * 24 * 3600_000).toISOString(), w.boardId);
    db.close();
    expect(findInFiles(server.dataDir, markers).length).toBeGreaterThan(0);
    await server.restart(); // the retention check runs when the server is ready
    const deadline = Date.now() + 10_000;
    while ((await fetch(`${server.url}/api/session`, { headers: auth(w.facilitatorToken) })).status !== 401) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setImmediate(r));
    }
    expect(findInFiles(server.dataDir, markers)).toEqual([]);
    await server.stop();
    expect(findInFiles(server.dataDir, markers)).toEqual([]);
  }, 60_000);
});
