import { type TestDatabase, createTestDatabase } from './postgres.js';
import { type OwnRedis, deleteRedisKeys, startOwnRedis, uniqueRedisPrefix } from './redis.js';
import { type RunningServer, startServer } from './server.js';
import { type TcpProxy, startTcpProxy } from './tcpProxy.js';

/**
 * Two real server processes on one fresh PostgreSQL database and a redis-server of the test's own:
 * A reaches Redis through a TCP proxy (so a test can cut only A's link), B directly (a test can also
 * kill and restart Redis itself). For tests of what happens while Redis is away.
 */
export interface OutagePair {
  redis: OwnRedis;
  proxy: TcpProxy;
  a: RunningServer;
  b: RunningServer;
  stop(): Promise<void>;
}

export async function startOutagePair(name: string, env: Record<string, string> = {}): Promise<OutagePair> {
  const own = await startOwnRedis();
  if (typeof own === 'string') throw new Error(own);
  const redis = own;
  const proxy = await startTcpProxy({ host: '127.0.0.1', port: redis.port });
  const database: TestDatabase = (await createTestDatabase())!;
  const prefix = uniqueRedisPrefix(name);
  const shared = { DATABASE_URL: database.url, REDIS_PREFIX: prefix, ...env };
  const [a, b] = await Promise.all([
    startServer({ env: { ...shared, REDIS_URL: proxy.via(redis.url) } }),
    startServer({ env: { ...shared, REDIS_URL: redis.url } }),
  ]);
  return {
    redis,
    proxy,
    a,
    b,
    async stop() {
      await Promise.all([a.stop(), b.stop()]);
      await proxy.close();
      await deleteRedisKeys(redis.url, prefix).catch(() => {});
      await redis.stop();
      await database.drop();
    },
  };
}
