import { type RunningServer, startServer } from './server.js';
import { SHARED_REDIS_URL, checkRedis, deleteRedisKeys, uniqueRedisPrefix } from './redis.js';
import { type TestDatabase, createTestDatabase, requirePostgres } from './postgres.js';

/**
 * N real server processes (`server/dist/main.js`, each on its own port) sharing one PostgreSQL
 * database and one Redis, as `npm start` with PORT, DATABASE_URL and REDIS_URL runs them in production.
 */
export interface Cluster {
  servers: RunningServer[];
  redisUrl: string;
  redisPrefix: string;
  databaseUrl: string;
  /** Stops every process, drops the database and the Redis keys (unless the caller owns them). */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** Default: the shared Redis (REDIS_URL or 127.0.0.1:6379) under a fresh key prefix. */
  redisUrl?: string;
  /** Default: a fresh PostgreSQL database, dropped by `stop`. */
  database?: TestDatabase;
  /** More environment for every process. */
  env?: Record<string, string>;
}

/**
 * Whether a cluster can run here: Redis and PostgreSQL both reachable. On CI (`CI=true`) a missing
 * service throws; elsewhere this returns the reason to skip with.
 */
export async function clusterServices(): Promise<true | string> {
  const redis = await checkRedis();
  if (redis !== true) return redis;
  if (!(await requirePostgres())) return 'PostgreSQL is not reachable';
  return true;
}

export async function startCluster(count: number, options: ClusterOptions = {}): Promise<Cluster> {
  const redisUrl = options.redisUrl ?? SHARED_REDIS_URL;
  const redisPrefix = uniqueRedisPrefix('cluster');
  const database = options.database ?? (await createTestDatabase());
  if (!database) throw new Error('PostgreSQL is not reachable (check clusterServices() first)');
  const env = { REDIS_URL: redisUrl, REDIS_PREFIX: redisPrefix, DATABASE_URL: database.url, ...options.env };
  const servers: RunningServer[] = [];
  // All at once, as a deployment starts them: schema migrations run under an advisory lock, so the
  // others wait for the first and then find nothing left to do.
  const started = await Promise.allSettled(Array.from({ length: count }, () => startServer({ env })));
  for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
  const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    const err: unknown = failed.reason;
    await Promise.all(servers.map((s) => s.stop()));
    if (!options.database) await database.drop();
    throw err;
  }
  return {
    servers,
    redisUrl,
    redisPrefix,
    databaseUrl: database.url,
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
      if (!options.database) await database.drop().catch(() => {});
      await deleteRedisKeys(redisUrl, redisPrefix);
    },
  };
}
