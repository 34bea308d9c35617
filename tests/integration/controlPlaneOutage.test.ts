import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { clusterServices } from '../harness/cluster.js';
import { type OutagePair, startOutagePair } from '../harness/outagePair.js';
import type { OwnRedis } from '../harness/redis.js';
import type { RunningServer } from '../harness/server.js';
import type { TcpProxy } from '../harness/tcpProxy.js';
import { type StickyNote, getElement, insertElement } from '@sammen/shared';
import { connectClient, synced, waitForDoc } from '../harness/yclient.js';

/**
 * Workshop commands while Redis is away, on two real processes sharing PostgreSQL: A reaches a
 * redis-server of the test's own through a TCP proxy, B directly. A command on A is answered at once
 * (telling the other processes does not wait in a queue for Redis to come back), and once Redis (or only
 * A's link) is back, the participant on B sees the change; a private note A's reveal could not see is
 * revealed by B once it hears of the reveal (lateReveals.ts). Fails on CI when a service is missing.
 */
const services = await clusterServices();

describe.skipIf(services !== true)(`workshop commands while Redis is away${services === true ? '' : ` (${services})`}`, () => {
  let pair: OutagePair;
  let redis: OwnRedis;
  let proxy: TcpProxy;
  let a: RunningServer;
  let b: RunningServer;
  let facilitator: ControlClient;
  let alice: ControlClient;
  let joinCode: string;
  let aliceToken: string;
  let boardId: string;

  beforeAll(async () => {
    pair = await startOutagePair('control-outage');
    ({ redis, proxy, a, b } = pair);
    const w = await createWorkshop(a);
    joinCode = w.joinCode;
    boardId = w.boardId;
    facilitator = await connectControl(a.url, w.facilitatorToken);
    aliceToken = await join(b, w.joinCode, 'Alice');
    alice = await connectControl(b.url, aliceToken);
    await facilitator.waitFor((v) => v.members.some((m) => m.name === 'Alice' && m.online));
  }, 60_000);
  afterAll(async () => {
    facilitator?.close();
    alice?.close();
    await pair?.stop();
  });

  it('Redis killed: a command on A is answered at once; B sees it once Redis is back', { timeout: 90_000 }, async () => {
    await redis.kill();
    // The answer comes while Redis is still down (the harness gives a command 10 s).
    expect(await facilitator.run({ type: 'timer.start', seconds: 90 })).toEqual({ ok: true });
    expect((await facilitator.waitFor((v) => v.timer.status === 'running')).timer.status).toBe('running');
    await redis.start();
    await alice.waitFor((v) => v.timer.status === 'running', 30_000);
  });

  it("only A's link down: a command on A is answered at once; B sees it, and who came online on A, once A's link is back", { timeout: 90_000 }, async () => {
    await proxy.refuse();
    expect(await facilitator.run({ type: 'lock.board', locked: true })).toEqual({ ok: true });
    // Bent arrives on A meanwhile: A counts him in memory, and writes the counts once Redis is back.
    const bent = await connectControl(a.url, await join(a, joinCode, 'Bent'));
    try {
      await facilitator.waitFor((v) => v.members.some((m) => m.name === 'Bent' && m.online));
      await proxy.forward();
      await alice.waitFor((v) => v.locks.board, 30_000);
      await alice.waitFor((v) => v.members.some((m) => m.name === 'Bent' && m.online), 30_000);
    } finally {
      bent.close();
    }
  });

  it("a private note stored on B while A's link is down, so A's reveal misses it, is revealed once the link is back", { timeout: 90_000 }, async () => {
    const note = (id: string): StickyNote => ({ id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: id });
    expect(await facilitator.run({ type: 'lock.board', locked: false })).toEqual({ ok: true });
    expect(await facilitator.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
    // Alice's private notes are open on both processes (a phone and a laptop), so A holds them loaded.
    const onB = connectClient(b.wsUrl, boardId, { token: aliceToken, privateDoc: true });
    const onA = connectClient(a.wsUrl, boardId, { token: aliceToken, privateDoc: true });
    try {
      await Promise.all([synced(onB), synced(onA)]);
      insertElement(onB.doc, note('in-time'));
      await waitForDoc(onA.doc, (d) => getElement(d, 'in-time') !== undefined);

      await proxy.refuse();
      insertElement(onB.doc, note('stored-on-b'));
      const checkB = connectClient(b.wsUrl, boardId, { token: aliceToken, privateDoc: true });
      await waitForDoc(checkB.doc, (d) => getElement(d, 'stored-on-b') !== undefined);
      checkB.destroy();
      // A reveals what A holds: its copy of Alice's notes has not heard of the second one.
      expect(await facilitator.run({ type: 'private.reveal' })).toEqual({ ok: true });
      expect(getElement(onA.doc, 'stored-on-b')).toBeUndefined();

      // Once A's link is back, B hears of the reveal and reveals what it holds of Alice's that was left.
      await proxy.forward();
      const board = connectClient(b.wsUrl, boardId, { token: aliceToken });
      try {
        await waitForDoc(board.doc, (d) => getElement(d, 'in-time') !== undefined && getElement(d, 'stored-on-b') !== undefined, 30_000);
        expect(getElement(board.doc, 'stored-on-b')).toMatchObject({ author: 'Alice' });
      } finally {
        board.destroy();
      }
    } finally {
      onA.destroy();
      onB.destroy();
    }
  });
});
