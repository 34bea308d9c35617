import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { clusterServices } from '../harness/cluster.js';
import { type OutagePair, startOutagePair } from '../harness/outagePair.js';
import type { OwnRedis } from '../harness/redis.js';
import type { RunningServer } from '../harness/server.js';
import type { TcpProxy } from '../harness/tcpProxy.js';

/**
 * Workshop commands while Redis is away, on two real processes sharing PostgreSQL: A reaches a
 * redis-server of the test's own through a TCP proxy, B directly. A command on A is answered at once
 * (telling the other processes does not wait in a queue for Redis to come back), and once Redis (or only
 * A's link) is back, the participant on B sees the change. Fails on CI when a service is missing.
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

  beforeAll(async () => {
    pair = await startOutagePair('control-outage');
    ({ redis, proxy, a, b } = pair);
    const w = await createWorkshop(a);
    joinCode = w.joinCode;
    facilitator = await connectControl(a.url, w.facilitatorToken);
    alice = await connectControl(b.url, await join(b, w.joinCode, 'Alice'));
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
});
