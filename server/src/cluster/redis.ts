import { Redis } from 'ioredis';

/** Minimal logger (pino's shape), so this module does not depend on Fastify. */
export interface RedisLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface RedisConnectOptions {
  /** REDIS_URL (`redis://…` or `rediss://…`). */
  url: string;
  /** What this connection is for (shown in logs and `CLIENT LIST`), e.g. `bus-publish`. */
  role: string;
  log?: RedisLogger;
  /**
   * Commands sent while Redis is away wait for the reconnect (true, the default for writers whose
   * order matters) or fail at once (false: a caller that has its own catch-up and must not block).
   */
  queueWhileOffline?: boolean;
}

/**
 * One Redis connection with the settings every Sammen part uses: reconnect for ever with a capped
 * backoff (Redis restarting must not take the server down), no per-command retry limit for queued
 * commands (they are sent, in order, after the reconnect), and connection trouble logged once per
 * outage, not once per retry. Blocking reads (XREAD BLOCK) and pub/sub subscribers need a connection
 * of their own; call this once per such use.
 */
export function connectRedis(options: RedisConnectOptions): Redis {
  const queue = options.queueWhileOffline ?? true;
  const redis = new Redis(options.url, {
    connectionName: `sammen-${options.role}`,
    // 50 ms, 100 ms, … at most 2 s between attempts, for ever.
    retryStrategy: (times) => Math.min(times * 50, 2000),
    maxRetriesPerRequest: queue ? null : 0,
    enableOfflineQueue: queue,
    // Blocked readers are woken by the reconnect; no command may hang on a half-open socket for ever.
    keepAlive: 10_000,
    lazyConnect: false,
  });
  let down = false;
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    options.log?.warn({ err: err.message, role: options.role }, 'Redis connection lost; reconnecting');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    options.log?.info({ role: options.role }, 'Redis connection back');
  });
  return redis;
}

/**
 * A Lua script with one key, called by its SHA (ioredis's defineCommand: EVALSHA, and EVAL once when
 * Redis answers NOSCRIPT, e.g. after a restart). `redis.eval` would send the script's text with every
 * call: on the bus's publish path, once per board update.
 */
export function defineScript(redis: Redis, name: string, lua: string): (key: string, ...args: Array<string | number | Buffer>) => Promise<unknown> {
  redis.defineCommand(name, { numberOfKeys: 1, lua });
  const command = (redis as unknown as Record<string, (...args: Array<string | number | Buffer>) => Promise<unknown>>)[name]!;
  return (key, ...args) => command.call(redis, key, ...args);
}

/** A key or channel name under this deployment's REDIS_PREFIX (which ends with `:`). */
export function redisKey(prefix: string, ...parts: string[]): string {
  return prefix + parts.join(':');
}

/**
 * PING within `timeoutMs`, failing at once when the connection is not up (a PING must not wait in the
 * offline queue of a writer connection, nor hang on a half-open socket).
 */
export async function pingRedis(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status !== 'ready') throw new Error(`Redis not connected (${redis.status})`);
  await withTimeout(redis.ping(), timeoutMs);
}

/**
 * `promise`, or a rejection after `ms`. For commands that must not wait for a reconnect: one written
 * just before the connection dropped is resent after the reconnect (however long that takes).
 */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/** How long a close waits for Redis to answer before it drops the connection. */
const CLOSE_TIMEOUT_MS = 2000;

/** Closes a connection, waiting for queued commands when Redis is up, and at once when it is not. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    try {
      // 'ready' can outlive a server that just died (the socket's end not yet seen): never wait for ever.
      await withTimeout(redis.quit(), CLOSE_TIMEOUT_MS);
      return;
    } catch {
      // fall through to a hard disconnect
    }
  }
  redis.disconnect();
}
