import type { Redis } from 'ioredis';
import { redisKey } from './redis.js';

/**
 * Which boards are open on some process, for retention: a board that anyone has open must not be
 * deleted, whichever process deletes and whichever holds it.
 */
export interface OpenBoards {
  /** Notes that this process has `docIds` loaded now (called on open and every few seconds). */
  mark(docIds: readonly string[]): Promise<void>;
  /** Those of `docIds` that some process has marked recently. */
  openAnywhere(docIds: readonly string[]): Promise<Set<string>>;
  close(): Promise<void>;
}

/** One process: retention already skips what this process has loaded. */
export function createLocalOpenBoards(): OpenBoards {
  return { mark: async () => {}, openAnywhere: async () => new Set(), close: async () => {} };
}

/** A mark outlives the last refresh by this long: a process that dies stops protecting its boards. */
export const OPEN_MARK_MS = 60_000;
const REFRESH_MS = 15_000;

/**
 * `<prefix>open:<docId>` with a TTL, set by every process that has the board loaded and refreshed
 * every 15 s while it stays loaded (`loadedIds`); retention skips boards whose key exists.
 */
export function createRedisOpenBoards(options: { redis: Redis; prefix: string; loadedIds: () => string[] }): OpenBoards {
  const { redis, prefix } = options;
  const key = (docId: string) => redisKey(prefix, 'open', docId);
  const mark = async (docIds: readonly string[]): Promise<void> => {
    if (!docIds.length) return;
    const batch = redis.multi();
    for (const id of docIds) batch.set(key(id), '1', 'PX', OPEN_MARK_MS);
    await batch.exec();
  };
  const timer = setInterval(() => void mark(options.loadedIds()).catch(() => undefined), REFRESH_MS);
  timer.unref();
  return {
    mark,
    async openAnywhere(docIds) {
      if (!docIds.length) return new Set();
      const found = await redis.mget(docIds.map(key));
      return new Set(docIds.filter((_, i) => found[i] !== null));
    },
    async close() {
      clearInterval(timer);
    },
  };
}
