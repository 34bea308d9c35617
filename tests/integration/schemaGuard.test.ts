import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Cluster, clusterServices, startCluster } from '../harness/cluster.js';
import { startServer } from '../harness/server.js';

/**
 * One board schema per Redis (server/src/cluster/schemaGuard.ts): a process refuses to start while a
 * process that writes another schema, or does not say which, is live on the same Redis, and waits for
 * one that has just been killed to drop out. Real server processes, real Redis and PostgreSQL; the
 * older release is stood in for by its beat in the set of processes (what it would write there).
 * Fails on CI when PostgreSQL or Redis is missing (skips elsewhere, saying why).
 */
const services = await clusterServices();

/** A beat as peerWatch.ts writes it, on Redis's clock. */
const BEAT = `local t = redis.call('TIME')
return redis.call('ZADD', KEYS[1], tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), ARGV[1])`;

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(services !== true)(`one board schema per Redis${services === true ? '' : ` (${services})`}`, () => {
  let cluster: Cluster;
  let redis: Redis;
  let key: string;
  let env: Record<string, string>;
  let beating: NodeJS.Timeout | null = null;

  /** Keeps `member` live in the set of processes, as a running process of an older release would. */
  const keepBeating = async (member: string): Promise<void> => {
    await redis.eval(BEAT, 1, key, member);
    beating = setInterval(() => void redis.eval(BEAT, 1, key, member).catch(() => {}), 500);
  };

  /** Waits until `count` processes of this schema are in the set. */
  const untilMembers = async (count: number): Promise<void> => {
    const end = Date.now() + 10_000;
    while ((await redis.zrange(key, 0, -1)).filter((m) => m.startsWith('s2.')).length < count) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${count} processes of schema 2 in the set`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  beforeAll(async () => {
    cluster = await startCluster(1);
    redis = new Redis(cluster.redisUrl);
    key = `${cluster.redisPrefix}bus:processes`;
    env = { REDIS_URL: cluster.redisUrl, REDIS_PREFIX: cluster.redisPrefix, DATABASE_URL: cluster.databaseUrl };
    // The running process has joined the set under its schema's name.
    await untilMembers(1);
  }, 60_000);

  afterEach(async () => {
    if (beating) clearInterval(beating);
    beating = null;
    const members = await redis.zrange(key, 0, -1);
    const fakes = members.filter((m) => !m.startsWith('s2.'));
    if (fakes.length > 0) await redis.zrem(key, ...fakes);
  });

  afterAll(async () => {
    redis?.disconnect();
    await cluster?.stop();
  });

  it('the running process names itself with the schema it writes', async () => {
    const members = await redis.zrange(key, 0, -1);
    expect(members).toHaveLength(1);
    expect(members[0]).toMatch(/^s2\.[0-9a-f-]{36}$/);
  });

  it('a process refuses to start while one of another schema is live, names it, and never joins', async () => {
    await keepBeating('s1.old-release');
    await expect(startServer({ env: { ...env, PEER_SCHEMA_WAIT_MS: '1500' } })).rejects.toThrow(
      /exited with 1[\s\S]*Refusing to start: this version writes board schema 2[\s\S]*s1\.old-release \(schema 1\)[\s\S]*Stop every Sammen process/,
    );
    // Only the running process and the stand-in: the refused one read the set without joining it.
    const members = await redis.zrange(key, 0, -1);
    expect(members).toHaveLength(2);
    expect(members).toContain('s1.old-release');
    expect(members.filter((m) => m.startsWith('s2.'))).toHaveLength(1);
    // The running process says so in its log, once.
    const running = cluster.servers[0]!;
    await until(() => running.logs.some((l) => l.includes('s1.old-release') && l.includes('another board schema')), 'the running process to log the other schema');
    await new Promise((r) => setTimeout(r, 2500)); // another beat or two
    expect(running.logs.filter((l) => l.includes('s1.old-release') && l.includes('another board schema'))).toHaveLength(1);
  }, 30_000);

  it('a process of a release from before the guard (no schema in its name) stops the start too', async () => {
    await keepBeating('0b6c1f9e-5d1a-4f7e-9a59-1d2f3c4b5a69');
    await expect(startServer({ env: { ...env, PEER_SCHEMA_WAIT_MS: '1000' } })).rejects.toThrow(/Refusing to start[\s\S]*an earlier release, which does not say its schema/);
  }, 30_000);

  it('waits for a just-killed older process to drop out of the set, then starts and serves', async () => {
    await redis.eval(BEAT, 1, key, 's1.killed'); // one beat, then silence: it was killed
    const started = Date.now();
    const late = await startServer({ env });
    try {
      // It waited for the beat to expire (3 beats of 2 s), not for its whole wait (20 s by default).
      expect(Date.now() - started).toBeGreaterThan(3000);
      expect(late.logs.some((l) => l.includes('waiting for them to stop'))).toBe(true);
      const health = await fetch(`${late.url}/health/ready`);
      expect(health.status).toBe(200);
      await untilMembers(2); // it joined once it had decided to run
    } finally {
      await late.stop();
    }
  }, 40_000);
});
