import { connectRedis, closeRedis, type RedisLogger, withTimeout } from './redis.js';
import { readLiveProcesses } from './redisBus.js';
import { waitForOneSchema } from './schemaGuard.js';

/** How long the start waits for Redis to answer at all before it starts without the check. */
const CONNECT_TIMEOUT_MS = 3000;

/**
 * Before a process joins the others on Redis: waits until no live process writes another board schema,
 * and throws SchemaMismatchError (the start fails, naming them) when one still does after `waitMs`.
 * Reads the set of processes without joining it, so a process that refuses never counts as a peer.
 */
export async function checkSchemaAtStart(options: { url: string; prefix: string; own: number; waitMs: number; log?: RedisLogger }): Promise<void> {
  const redis = connectRedis({ url: options.url, role: 'schema-check', queueWhileOffline: false });
  redis.on('error', () => {}); // reported below, once, as "starting without the check"
  try {
    const up = await withTimeout(
      new Promise<void>((resolve) => (redis.status === 'ready' ? resolve() : redis.once('ready', () => resolve()))),
      CONNECT_TIMEOUT_MS,
    ).then(
      () => true,
      () => false,
    );
    await waitForOneSchema({
      livePeers: () => (up ? withTimeout(readLiveProcesses(redis, options.prefix), CONNECT_TIMEOUT_MS) : Promise.reject(new Error('Redis did not answer'))),
      own: options.own,
      waitMs: options.waitMs,
      ...(options.log ? { log: options.log } : {}),
    });
  } finally {
    await closeRedis(redis);
  }
}
