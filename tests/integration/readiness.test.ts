import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadinessReport } from '../../server/src/http/readiness.js';
import { type TestDatabase, createTestDatabase, requirePostgres } from '../harness/postgres.js';
import { type OwnRedis, startOwnRedis, uniqueRedisPrefix } from '../harness/redis.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { type TcpProxy, startTcpProxy } from '../harness/tcpProxy.js';

/**
 * Liveness and readiness of the real server on PostgreSQL and Redis, with each taken away for real:
 * PostgreSQL behind a TCP proxy the test closes (refused) or stalls (accepts, answers nothing), Redis a
 * redis-server of the test's own that it kills and starts again. Readiness names what failed, answers
 * even while the database hangs, and recovers by itself; liveness stays 200 throughout. A SIGTERM makes
 * readiness 503 at once while the server still serves (SHUTDOWN_DELAY_MS).
 * Fails on CI when PostgreSQL or redis-server is missing (skips elsewhere, saying why).
 */
const hasPostgres = await requirePostgres();
const ownRedis = hasPostgres ? await startOwnRedis() : 'PostgreSQL is missing';
if (typeof ownRedis === 'string') console.warn(`[skipped] ${ownRedis}`);

/** A probe that must answer on its own: a hung endpoint fails the test instead of waiting for ever. */
async function probe(server: RunningServer, path: string): Promise<{ status: number; body: ReadinessReport }> {
  const res = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(15_000) });
  return { status: res.status, body: (await res.json()) as ReadinessReport };
}

/** Probes until `wanted` holds (the server notices an outage at its next query, not at a set time). */
async function probeUntil(server: RunningServer, wanted: (r: { status: number; body: ReadinessReport }) => boolean) {
  let last: { status: number; body: ReadinessReport } | null = null;
  for (let i = 0; i < 200; i++) {
    last = await probe(server, '/health/ready');
    if (wanted(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`readiness never became what was wanted; last: ${JSON.stringify(last)}`);
}

/** Resolves once the server has logged a line that `match`es (fails the test after 10 s). */
async function logged(server: RunningServer, match: (line: string) => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (server.logs.some(match)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the expected log line never came');
}

describe.skipIf(!hasPostgres || typeof ownRedis === 'string')('readiness on PostgreSQL and Redis', () => {
  const redis = ownRedis as OwnRedis;
  let database: TestDatabase;
  let pgProxy: TcpProxy;
  let server: RunningServer;

  beforeAll(async () => {
    database = (await createTestDatabase())!;
    const pgUrl = new URL(database.url);
    pgProxy = await startTcpProxy({ host: pgUrl.hostname, port: Number(pgUrl.port || 5432) });
    server = await startServer({ env: { DATABASE_URL: pgProxy.via(database.url), REDIS_URL: redis.url, REDIS_PREFIX: uniqueRedisPrefix('ready') } });
  });
  afterAll(async () => {
    await server?.stop();
    await pgProxy?.close();
    await redis.stop();
    await database?.drop();
  });

  it('is 200 with every check named when the store and Redis answer', async () => {
    const ready = await probe(server, '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', failed: [], checks: { store: { ok: true }, redis: { ok: true } } });
    expect((await probe(server, '/health/live')).status).toBe(200);
  });

  it('PostgreSQL refusing connections: 503 naming the store, liveness still 200; back to 200 when it returns', async () => {
    await pgProxy.refuse();
    try {
      const down = await probeUntil(server, (r) => r.status === 503);
      expect(down.body).toMatchObject({ status: 'unavailable', failed: ['store'], checks: { store: { ok: false, error: 'failed' }, redis: { ok: true } } });
      // The cause is logged, never shown to whoever asks.
      expect(JSON.stringify(down.body)).not.toContain(String(pgProxy.port));
      // (The log line travels through the child's stdout: it may arrive just after the answer.)
      await logged(server, (l) => l.includes('not ready: a readiness check fails') && l.includes('"check":"store"'));
      expect((await probe(server, '/health')).status).toBe(200);
    } finally {
      await pgProxy.forward();
    }
    expect((await probeUntil(server, (r) => r.status === 200)).body.status).toBe('ready');
  });

  it('PostgreSQL hanging (connections accepted, nothing answered): 503 with a timeout, the probe still answers', async () => {
    await pgProxy.hang();
    try {
      // (The pooled connection the proxy just cut may first fail outright: wait for the stall itself.)
      const down = await probeUntil(server, (r) => r.status === 503 && r.body.checks.store?.ok === false && r.body.checks.store.error === 'timeout');
      expect(down.body).toMatchObject({ status: 'unavailable', failed: ['store'], checks: { redis: { ok: true } } });
      // Probes keep answering while the first check still hangs (they wait for that one run, not a new one).
      const again = await probe(server, '/health/ready');
      expect(again).toMatchObject({ status: 503, body: { failed: ['store'] } });
    } finally {
      await pgProxy.forward();
    }
    await probeUntil(server, (r) => r.status === 200);
  });

  it('Redis killed: still 200 but degraded, naming redis (every replica shares it); ready again once it runs', async () => {
    await redis.kill();
    const down = await probeUntil(server, (r) => r.body?.status === 'degraded');
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ status: 'degraded', failed: ['redis'], checks: { store: { ok: true }, redis: { ok: false } } });
    expect((await probe(server, '/health')).status).toBe(200);
    await redis.start();
    expect((await probeUntil(server, (r) => r.body?.status === 'ready')).body).toMatchObject({ status: 'ready', checks: { redis: { ok: true } } });
  });
});

describe('readiness during a shutdown', () => {
  it('after SIGTERM readiness is 503 at once while liveness and the API still answer (SHUTDOWN_DELAY_MS)', async () => {
    const server = await startServer({ env: { SHUTDOWN_DELAY_MS: '3000' } });
    try {
      expect((await probe(server, '/health/ready')).status).toBe(200);
      process.kill(server.pid, 'SIGTERM');
      await logged(server, (l) => l.includes('"msg":"shutting down"'));
      const stopping = await probe(server, '/health/ready');
      expect(stopping).toEqual({ status: 503, body: { status: 'stopping', failed: ['shutdown'], checks: {} } });
      expect((await probe(server, '/health')).status).toBe(200);
      const board = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Sent late"}' });
      expect(board.status).toBe(201);
    } finally {
      await server.stop();
    }
  });
});
