import type { Redis } from 'ioredis';
import { redisKey } from '../cluster/redis.js';
import { Quota, type QuotaAnswer } from './quota.js';

/** A creation allowance (see `Quota`): in memory for one process, in Redis for several. */
export interface CreationQuota {
  take(address: string): Promise<QuotaAnswer>;
}

/** The in-memory buckets behind the async interface. */
export function localQuota(perAddress: number, total: number, now?: () => number): CreationQuota {
  const quota = new Quota(perAddress, total, now);
  return { take: async (address) => quota.take(address) };
}

/**
 * The same two token buckets as `Quota` (per address, whole server), kept in Redis so that every
 * process behind the balancer spends one allowance. One Lua script reads, refills and takes both
 * atomically, on Redis's clock (`TIME`), so processes with skewed clocks agree; a refusal writes
 * nothing. A bucket idle for an hour is full again, which is what a missing key means: keys expire then.
 */
const TAKE = `
local function level(key, cap, now)
  local v = redis.call('HMGET', key, 'tokens', 'at')
  local tokens = tonumber(v[1]) or cap
  local at = tonumber(v[2]) or now
  return math.min(cap, tokens + math.max(0, now - at) * cap / 3600000)
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local capA = tonumber(ARGV[1])
local capS = tonumber(ARGV[2])
local a = level(KEYS[1], capA, now)
local s = level(KEYS[2], capS, now)
if a < 1 then return {0, tostring(a), 'address'} end
if s < 1 then return {0, tostring(s), 'server'} end
redis.call('HSET', KEYS[1], 'tokens', tostring(a - 1), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], 3600000)
redis.call('HSET', KEYS[2], 'tokens', tostring(s - 1), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[2], 3600000)
return {1, '', ''}
`;

type TakeResult = [number, string, string];

/**
 * `name` tells the actions apart (boards, workshops, …). When Redis cannot answer, this process's own
 * buckets decide (a Redis outage must not stop a municipality's workshop being created, nor open the
 * door to a flood from one address).
 */
export function redisQuota(options: { redis: Redis; prefix: string; name: string; perAddress: number; total: number; onError?: (err: unknown) => void }): CreationQuota {
  const { redis, prefix, name, perAddress, total } = options;
  const fallback = new Quota(perAddress, total);
  const serverKey = redisKey(prefix, 'quota', name, 'server');
  return {
    async take(address) {
      try {
        const [ok, tokens, scope] = (await redis.eval(TAKE, 2, redisKey(prefix, 'quota', name, 'address', address), serverKey, perAddress, total)) as TakeResult;
        if (ok === 1) return { ok: true };
        const cap = scope === 'address' ? perAddress : total;
        return { ok: false, scope: scope === 'address' ? 'address' : 'server', retryAfterSeconds: Math.max(1, Math.ceil(((1 - Number(tokens)) * 3600) / cap)) };
      } catch (err) {
        options.onError?.(err);
        return fallback.take(address);
      }
    },
  };
}
