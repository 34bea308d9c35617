import type { Redis } from 'ioredis';
import { redisKey } from '../cluster/redis.js';
import { FailureLimiter } from './failureLimiter.js';

/** Failed attempts per key in a sliding window (wrong join codes per address), wherever they were made. */
export interface FailureCounter {
  /** Whole seconds until `key` may try again; 0 when it may now. */
  retryAfterSeconds(key: string): Promise<number>;
  fail(key: string): Promise<void>;
}

/** This process's own count (one process). */
export function localFailures(maxFailures: number, windowMs: number): FailureCounter {
  const limiter = new FailureLimiter(maxFailures, windowMs);
  return {
    retryAfterSeconds: async (key) => limiter.retryAfterSeconds(key),
    fail: async (key) => limiter.fail(key),
  };
}

/**
 * The same sliding window in Redis, so that guessing join codes through several processes counts
 * once: a sorted set per key of failure times (Redis's clock), trimmed to the window on every look.
 * When Redis cannot answer, this process's own count decides.
 */
export function redisFailures(options: { redis: Redis; prefix: string; name: string; maxFailures: number; windowMs: number; onError?: (err: unknown) => void }): FailureCounter {
  const { redis, prefix, name, maxFailures, windowMs } = options;
  const fallback = new FailureLimiter(maxFailures, windowMs);
  const key = (k: string) => redisKey(prefix, 'failures', name, k);
  // Trims the window, then answers the wait in ms (0: free) from the oldest failure that still counts.
  const LOOK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]))
local n = redis.call('ZCARD', KEYS[1])
if n < tonumber(ARGV[2]) then return 0 end
local oldest = redis.call('ZRANGE', KEYS[1], n - tonumber(ARGV[2]), n - tonumber(ARGV[2]), 'WITHSCORES')
return tonumber(oldest[2]) + tonumber(ARGV[1]) - now
`;
  const FAIL = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now, now .. '-' .. ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1
`;
  return {
    async retryAfterSeconds(k) {
      try {
        const waitMs = Number(await redis.eval(LOOK, 1, key(k), windowMs, maxFailures));
        return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
      } catch (err) {
        options.onError?.(err);
        return fallback.retryAfterSeconds(k);
      }
    },
    async fail(k) {
      fallback.fail(k);
      try {
        await redis.eval(FAIL, 1, key(k), windowMs, Math.random().toString(36).slice(2));
      } catch (err) {
        options.onError?.(err);
      }
    },
  };
}
