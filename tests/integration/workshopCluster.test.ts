import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type StickyNote, getElement, getElements, insertElement, notesToReveal } from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { type TestDatabase, createTestDatabase, requirePostgres } from '../harness/postgres.js';
import { SHARED_REDIS_URL, checkRedis, deleteRedisKeys, startOwnRedis, uniqueRedisPrefix } from '../harness/redis.js';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { type YClient, closed, connectClient, rawSocket, synced, waitForDoc } from '../harness/yclient.js';
import { encodeUpdateMessage } from '../harness/wire.js';

// Workshops served by three real server processes on one PostgreSQL and one Redis: the facilitator
// on A, participants on B and C. On CI (CI=true) a missing PostgreSQL or Redis fails these tests.
const redis = await checkRedis();
const hasPostgres = await requirePostgres();
if (redis !== true) console.warn(`[skipped] ${redis}`);

const note = (id: string, extra: Partial<StickyNote> = {}): StickyNote => ({
  id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: id, ...extra,
});
/** Per-address allowance of new open boards, the same for every process. */
const BOARDS_PER_ADDRESS = 5;

describe.skipIf(redis !== true || !hasPostgres)('workshops across processes (PostgreSQL + Redis)', () => {
  let db: TestDatabase;
  let prefix: string;
  let A: RunningServer;
  let B: RunningServer;
  let C: RunningServer;
  const open: Array<{ destroy?: () => void; close?: () => void }> = [];
  const track = <T extends { destroy?: () => void; close?: () => void }>(x: T): T => (open.push(x), x);

  beforeAll(async () => {
    db = (await createTestDatabase())!;
    prefix = uniqueRedisPrefix('workshopCluster');
    const env = { DATABASE_URL: db.url, REDIS_URL: SHARED_REDIS_URL, REDIS_PREFIX: prefix, BOARDS_PER_ADDRESS_PER_HOUR: String(BOARDS_PER_ADDRESS) };
    A = await startServer({ env }); // first: creates the schema
    [B, C] = await Promise.all([startServer({ env }), startServer({ env })]);
  }, 180_000); // three processes starting on a busy 2-core machine

  afterAll(async () => {
    for (const x of open) (x.destroy ?? x.close)?.call(x);
    await Promise.all([A, B, C].map((s) => s?.stop()));
    await db?.drop();
    if (prefix) await deleteRedisKeys(SHARED_REDIS_URL, prefix);
  }, 30_000);

  const board = async (server: RunningServer, boardId: string, token: string, privateDoc = false): Promise<YClient> => {
    const client = track(connectClient(server.wsUrl, boardId, { token, privateDoc }));
    await synced(client);
    return client;
  };
  const control = async (server: RunningServer, token: string): Promise<ControlClient> => track(await connectControl(server.url, token));
  const closeCode = (client: YClient) => new Promise<number>((resolve) => client.provider.on('connection-close', (e) => e && resolve(e.code)));
  const notes = (doc: Y.Doc) => getElements(doc).filter((e) => e.type === 'note');

  it('a private round revealed from A: the notes written on B and C appear once everywhere, and the private documents are empty after', async () => {
    const w = await createWorkshop(A);
    const alice = await join(B, w.joinCode, 'Alice');
    const bent = await join(C, w.joinCode, 'Bent');
    const fac = await control(A, w.facilitatorToken);
    const aliceControl = await control(B, alice);
    const bentControl = await control(C, bent);

    // Who is online and the timer cross processes too.
    await fac.waitFor((v) => v.members.filter((m) => m.role === 'participant' && m.online).length === 2);
    expect(await fac.run({ type: 'timer.start', seconds: 120 })).toEqual({ ok: true });
    const [onB, onC] = await Promise.all([aliceControl, bentControl].map((c) => c.waitFor((v) => v.timer.status === 'running')));
    expect(onB!.timer.endsAt).toBe(onC!.timer.endsAt);
    expect(onB!.timer.endsAt! - onB!.serverNow).toBeGreaterThan(110_000);
    // Follow me and reactions are the same for everyone: broadcast through the socket.io adapter.
    const viewport = { x: 120, y: -40, width: 1280, height: 720 };
    const followedOnC = bentControl.next<typeof viewport>('follow');
    const reactionOnB = aliceControl.next<{ emoji: string }>('reaction');
    expect(await fac.run({ type: 'follow.start', viewport })).toEqual({ ok: true });
    expect(await followedOnC).toEqual(viewport);
    expect(await bentControl.run({ type: 'react', emoji: '👍' })).toEqual({ ok: true });
    expect(await reactionOnB).toMatchObject({ emoji: '👍', name: 'Bent' });
    expect(await fac.run({ type: 'follow.stop' })).toEqual({ ok: true });

    expect(await fac.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
    await Promise.all([aliceControl, bentControl].map((c) => c.waitFor((v) => v.private.active)));
    const alicePrivate = await board(B, w.boardId, alice, true);
    const bentPrivate = await board(C, w.boardId, bent, true);
    insertElement(alicePrivate.doc, note('a1', { text: 'Flere cykelstier' }));
    insertElement(bentPrivate.doc, note('b1', { text: 'Bænke ved søen' }));
    // Stored: a fresh copy on A (read from PostgreSQL) holds them.
    for (const [token, id] of [[alice, 'a1'], [bent, 'b1']] as const) {
      const check = await board(A, w.boardId, token, true);
      await waitForDoc(check.doc, (d) => getElement(d, id) !== undefined);
      check.destroy();
    }
    const aliceBoard = await board(B, w.boardId, alice);
    const bentBoard = await board(C, w.boardId, bent);
    const facBoard = await board(A, w.boardId, w.facilitatorToken);
    expect(notes(aliceBoard.doc)).toEqual([]);
    expect(JSON.stringify(fac.view())).not.toContain('cykelstier');

    const aliceRevealed = aliceControl.next<{ count: number }>('revealed');
    expect(await fac.run({ type: 'private.reveal' })).toEqual({ ok: true });
    expect(await aliceRevealed).toEqual({ count: 1 });
    const both = (d: Y.Doc) => getElement(d, 'a1') !== undefined && getElement(d, 'b1') !== undefined;
    await Promise.all([aliceBoard, bentBoard, facBoard].map((c) => waitForDoc(c.doc, both)));
    await Promise.all([alicePrivate, bentPrivate].map((c) => waitForDoc(c.doc, (d) => notesToReveal(d).length === 0)));
    await Promise.all([fac, aliceControl, bentControl].map((c) => c.waitFor((v) => !v.private.active)));
    expect(getElement(bentBoard.doc, 'a1')).toMatchObject({ text: 'Flere cykelstier', author: 'Alice' });
    // Once: each note exactly once on every process's copy, and in the store (a fresh client on C).
    const fresh = await board(C, w.boardId, w.facilitatorToken);
    for (const doc of [aliceBoard.doc, bentBoard.doc, facBoard.doc, fresh.doc]) expect(notes(doc).map((n) => n.id).sort()).toEqual(['a1', 'b1']);
    const again = await board(A, w.boardId, alice, true);
    expect(notesToReveal(again.doc)).toEqual([]);
    // The next round, started on A, empties the private documents the notes were written on (B and C).
    expect(await fac.run({ type: 'private.start', reveal: 'anonymous' })).toEqual({ ok: true });
    await Promise.all([alicePrivate, bentPrivate].map((c) => waitForDoc(c.doc, (d) => getElements(d).length === 0)));
  });

  it('a vote hammered with dots from the same members on two processes at once never exceeds the budget', async () => {
    const w = await createWorkshop(A);
    const fac = await control(A, w.facilitatorToken);
    const DOTS = 3;
    const members = await Promise.all(['Anna', 'Bo', 'Carl', 'Dina', 'Eik', 'Frida'].map((name, i) => join(i % 2 ? C : B, w.joinCode, name)));
    // Every member holds a socket on B and one on C: two processes race for the same ballot.
    const sockets = await Promise.all(members.map(async (token) => [await control(B, token), await control(C, token)] as const));
    expect(await fac.run({ type: 'vote.start', elementIds: ['n1', 'n2', 'n3'], dotsPerPerson: DOTS, allowMultiplePerElement: true })).toEqual({ ok: true });
    await Promise.all(sockets.flat().map((s) => s.waitFor((v) => v.vote?.status === 'open')));

    const PER_SOCKET = 5;
    const answers = await Promise.all(
      sockets.map(async (pair) => (await Promise.all(pair.flatMap((s) => Array.from({ length: PER_SOCKET }, (_, i) => s.run({ type: 'vote.place', elementId: `n${(i % 3) + 1}` }))))).map((r) => (r.ok ? 'ok' : r.error))),
    );
    for (const mine of answers) {
      expect(mine.filter((a) => a === 'ok')).toHaveLength(DOTS);
      expect(mine.filter((a) => a !== 'ok').every((a) => a === 'no_dots_left')).toBe(true);
    }
    // Each member's own view on either process shows exactly the budget.
    for (const [onB, onC] of sockets) {
      await onB.waitFor((v) => v.vote?.myDots.length === DOTS && v.vote.voters === members.length);
      await onC.waitFor((v) => v.vote?.myDots.length === DOTS);
    }
    expect(await fac.run({ type: 'vote.reveal' })).toEqual({ ok: true });
    const revealed = await sockets[0]![1].waitFor((v) => v.vote?.status === 'revealed');
    expect(revealed.vote!.results!.reduce((n, r) => n + r.count, 0)).toBe(DOTS * members.length);
  });

  it('a lock set on A refuses a participant writing on B and on C with 4403', async () => {
    const w = await createWorkshop(A);
    const alice = await join(B, w.joinCode, 'Alice');
    const bent = await join(C, w.joinCode, 'Bent');
    const fac = await control(A, w.facilitatorToken);
    const watchers = [await control(B, alice), await control(C, bent)];
    expect(await fac.run({ type: 'lock.board', locked: true })).toEqual({ ok: true });
    await Promise.all(watchers.map((c) => c.waitFor((v) => v.locks.board)));
    for (const [server, token] of [[B, alice], [C, bent]] as const) {
      const crafted = new Y.Doc();
      insertElement(crafted, note(`during-lock-${server.port}`));
      const ws = await rawSocket(server.wsUrl, `${w.boardId}?token=${token}`);
      const closing = closed(ws);
      ws.send(encodeUpdateMessage(Y.encodeStateAsUpdate(crafted)));
      expect(await closing).toMatchObject({ code: 4403, reason: expect.stringMatching(/locked/) });
    }
    // Unlocked on A: B takes the participant's note again.
    expect(await fac.run({ type: 'lock.board', locked: false })).toEqual({ ok: true });
    await watchers[0]!.waitFor((v) => !v.locks.board);
    const aliceBoard = await board(B, w.boardId, alice);
    insertElement(aliceBoard.doc, note('after-lock'));
    const facBoard = await board(A, w.boardId, w.facilitatorToken);
    await waitForDoc(facBoard.doc, (d) => getElement(d, 'after-lock') !== undefined);
  });

  it("a member removed on A loses their sockets on B and C at once; a renewed observer link closes the observer's on C", async () => {
    const w = await createWorkshop(A);
    const alice = await join(B, w.joinCode, 'Alice');
    const bent = await join(B, w.joinCode, 'Bent');
    const fac = await control(A, w.facilitatorToken);
    const aliceControl = await control(B, alice);
    const aliceBoard = await board(C, w.boardId, alice);
    const alicePrivate = await board(B, w.boardId, alice, true);
    const bentBoard = await board(C, w.boardId, bent);
    const observerBoard = await board(C, w.boardId, w.observerToken);
    const closes = [closeCode(aliceBoard), closeCode(alicePrivate)];
    const removed = aliceControl.next('removed');
    const disconnected = new Promise<string>((resolve) => aliceControl.socket.once('disconnect', resolve));

    expect(await fac.run({ type: 'member.remove', memberId: aliceControl.view().me.memberId! })).toEqual({ ok: true });
    await removed;
    expect(await disconnected).toBe('io server disconnect');
    expect(await Promise.all(closes)).toEqual([4401, 4401]);
    aliceBoard.provider.disconnect();
    alicePrivate.provider.disconnect();
    for (const server of [A, B, C]) {
      await expect(rawSocket(server.wsUrl, `${w.boardId}?token=${alice}`)).rejects.toThrow('HTTP 403');
      await expect(connectControl(server.url, alice)).rejects.toThrow('unauthorized');
    }
    // Bent stays, on the same process as Alice's board.
    insertElement(bentBoard.doc, note('bent-stays'));
    await waitForDoc((await board(A, w.boardId, w.facilitatorToken)).doc, (d) => getElement(d, 'bent-stays') !== undefined);

    const observerClosed = closeCode(observerBoard);
    expect(await fac.run({ type: 'links.renew', link: 'observer' })).toEqual({ ok: true });
    expect(await observerClosed).toBe(4401);
    observerBoard.provider.disconnect();
    await expect(rawSocket(C.wsUrl, `${w.boardId}?token=${w.observerToken}`)).rejects.toThrow('HTTP 403');
  });

  it('a workshop deleted on A closes every socket on B and C and is gone everywhere', async () => {
    const w = await createWorkshop(A);
    const alice = await join(B, w.joinCode, 'Alice');
    const bent = await join(C, w.joinCode, 'Bent');
    const controls = [await control(B, alice), await control(C, bent), await control(C, w.observerToken)];
    const boards = [await board(B, w.boardId, alice), await board(C, w.boardId, bent), await board(B, w.boardId, alice, true), await board(C, w.boardId, w.observerToken)];
    insertElement(boards[2]!.doc, note('secret'));
    const boardCloses = boards.map(closeCode);
    const controlCloses = controls.map((c) => new Promise<string>((resolve) => c.socket.once('disconnect', resolve)));

    const res = await fetch(`${A.url}/api/workshops/${w.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${w.facilitatorToken}` } });
    expect(res.status).toBe(204);
    expect(await Promise.all(boardCloses)).toEqual([4410, 4410, 4410, 4410]);
    expect(await Promise.all(controlCloses)).toEqual(['io server disconnect', 'io server disconnect', 'io server disconnect']);
    for (const b of boards) b.provider.disconnect();
    for (const server of [A, B, C]) {
      await expect(join(server, w.joinCode, 'Late')).rejects.toThrow('404');
      await expect(connectControl(server.url, bent)).rejects.toThrow('unauthorized');
      await expect(rawSocket(server.wsUrl, `${w.boardId}?token=${alice}`)).rejects.toThrow('HTTP 404');
    }
  });

  it('the per-address allowance of new boards is one allowance across the processes', async () => {
    const servers = [A, B, C];
    for (let i = 0; i < BOARDS_PER_ADDRESS; i++) await createBoard(servers[i % 3]!);
    for (const server of servers) {
      const res = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'one too many' }) });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('wrong join codes count across the processes: the lockout comes after 30 in all, not 30 on each', async () => {
    const wrong = (server: RunningServer) =>
      fetch(`${server.url}/api/join/info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'ZZZZZZ' }) });
    let attempts = 0;
    // Round the processes until one says 429 (earlier tests here may have spent a few).
    while ((await wrong([A, B, C][attempts % 3]!)).status === 404) {
      attempts += 1;
      expect(attempts).toBeLessThan(30);
    }
    for (const server of [A, B, C]) expect((await wrong(server)).status).toBe(429);
  });
});

describe.skipIf(redis !== true || !hasPostgres)('workshops across processes when Redis restarts', () => {
  it('the processes hear each other again: views, who is online and a removal cross after Redis comes back empty', async () => {
    const own = await startOwnRedis(); // throws on CI when redis-server is missing
    if (typeof own === 'string') return console.warn(`[skipped] ${own}`);
    const db = (await createTestDatabase())!;
    const env = { DATABASE_URL: db.url, REDIS_URL: own.url };
    const A = await startServer({ env });
    const B = await startServer({ env });
    const clients: ControlClient[] = [];
    try {
      const w = await createWorkshop(A);
      const alice = await join(B, w.joinCode, 'Alice');
      const fac = await connectControl(A.url, w.facilitatorToken);
      const aliceControl = await connectControl(B.url, alice);
      clients.push(fac, aliceControl);
      await fac.waitFor((v) => v.members.some((m) => m.name === 'Alice' && m.online));

      await own.kill();
      await own.start(); // empty: no subscriptions, no online counts, nothing
      expect(await fac.run({ type: 'timer.start', seconds: 90 })).toEqual({ ok: true });
      await aliceControl.waitFor((v) => v.timer.status === 'running', 20_000);
      expect(await fac.run({ type: 'lock.board', locked: true })).toEqual({ ok: true });
      await aliceControl.waitFor((v) => v.locks.board, 20_000);
      // Alice's socket on B stayed open through the outage: she is still online on A.
      await fac.waitFor((v) => v.members.some((m) => m.name === 'Alice' && m.online), 20_000);
      const removed = aliceControl.next('removed', 20_000);
      expect(await fac.run({ type: 'member.remove', memberId: aliceControl.view().me.memberId! })).toEqual({ ok: true });
      await removed;
    } finally {
      for (const c of clients) c.close();
      await Promise.all([A.stop(), B.stop()]);
      await own.stop();
      await db.drop();
    }
  }, 180_000);
});
