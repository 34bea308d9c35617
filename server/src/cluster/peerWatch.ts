import type { Redis } from 'ioredis';
import { type RedisLogger, withTimeout } from './redis.js';

/**
 * Beat, refresh the set of live processes and return it, on Redis's clock (the processes' clocks may
 * differ): a process is live while its last beat is younger than ARGV[2] ms.
 */
const BEAT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 10)
return redis.call('ZRANGE', KEYS[1], 0, -1)`;

/** The live processes, without beating (a process that has not decided to run yet). */
const LIVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
return redis.call('ZRANGEBYSCORE', KEYS[1], now - tonumber(ARGV[1]), '+inf')`;

/** The processes whose last beat is younger than `windowMs`, on Redis's clock. */
export async function livePeers(redis: Redis, key: string, windowMs: number): Promise<string[]> {
  return (await redis.eval(LIVE, 1, key, windowMs)) as string[];
}

/**
 * Which other processes are alive. A process killed between storing an update and publishing it
 * leaves the others without that update and without a gap to see in any stream; when its beat stops,
 * `onPeerGone` lets the bus catch every loaded board up from the store. A graceful shutdown leaves
 * the set at once (and the others catch up too, which costs a read and loses nothing).
 */
export function watchPeers(options: {
  redis: Redis;
  key: string;
  processId: string;
  intervalMs: number;
  onPeerGone(peer: string): void;
  /** Every beat's live peers (not this process). */
  onBeat?(live: readonly string[]): void;
  log?: RedisLogger;
}): { stop(): Promise<void> } {
  const { redis, key, processId, intervalMs } = options;
  let known = new Set<string>();
  let running = false;
  const beat = async (): Promise<void> => {
    if (running || redis.status !== 'ready') return;
    running = true;
    try {
      const live = new Set((await redis.eval(BEAT, 1, key, processId, intervalMs * 3)) as string[]);
      live.delete(processId);
      for (const peer of known) {
        if (live.has(peer)) continue;
        options.log?.info({ peer }, 'a server process stopped beating: catching its boards up from the store');
        options.onPeerGone(peer);
      }
      known = live;
      options.onBeat?.([...live]);
    } catch {
      // Redis away: the bus's reconnect catches everything up anyway.
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void beat(), intervalMs);
  timer.unref();
  void beat();
  return {
    async stop() {
      clearInterval(timer);
      // Bounded: a Redis that died a moment ago still reads 'ready'; the beat expires on its own anyway.
      if (redis.status === 'ready') await withTimeout(redis.zrem(key, processId), 2000).catch(() => {});
    },
  };
}
