import type { FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS } from '@sammen/shared';
import type { LimitedAction } from '../config.js';
import { addressKey } from './addressKey.js';
import { sendError } from './errors.js';
import { type CreationQuota, localQuota } from './redisQuota.js';

/** An `onRequest` hook: runs before the body is read, so a refused 60 MiB import is never parsed. */
export type LimitHook = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

const WHAT: Record<LimitedAction, string> = {
  boards: 'boards',
  workshops: 'workshops',
  imports: 'backup imports',
  templates: 'saved templates',
};

/**
 * One hook per anonymous action (see Config.limits): 429 `rate_limited` with `Retry-After` when the
 * client's address, or the whole server, has used its hourly allowance.
 */
export function creationLimits(
  limits: Record<LimitedAction, { perAddress: number; total: number }>,
  onLimited: (action: LimitedAction, scope: 'address' | 'server') => void = () => {},
  /** Where the buckets live: this process's memory, or Redis shared by every process (REDIS_URL). */
  makeQuota: (action: LimitedAction, perAddress: number, total: number) => CreationQuota = (_action, perAddress, total) => localQuota(perAddress, total),
): Record<LimitedAction, LimitHook> {
  const hook = (action: LimitedAction): LimitHook => {
    const quota = makeQuota(action, limits[action].perAddress, limits[action].total);
    return async (request, reply) => {
      const answer = await quota.take(addressKey(request.ip));
      if (answer.ok) return undefined;
      onLimited(action, answer.scope);
      const who = answer.scope === 'address' ? 'from your address' : 'on this server';
      reply.header('retry-after', String(answer.retryAfterSeconds));
      return sendError(reply, ERRORS.RATE_LIMITED, `Too many new ${WHAT[action]} ${who}; try again in ${answer.retryAfterSeconds} seconds.`);
    };
  };
  return { boards: hook('boards'), workshops: hook('workshops'), imports: hook('imports'), templates: hook('templates') };
}

/**
 * At most `max` requests of a kind in flight at once (large uploads: a 64 MiB backup costs several
 * times its size in memory while it is parsed and checked). One more is answered 429 with a short
 * `Retry-After` before its body is read.
 */
export function atOnce(max: number, onLimited: () => void = () => {}): LimitHook {
  let active = 0;
  return async (_request, reply) => {
    if (active >= max) {
      onLimited();
      reply.header('retry-after', '5');
      return sendError(reply, ERRORS.RATE_LIMITED, 'The server is busy with other uploads; try again in a few seconds.');
    }
    active += 1;
    // 'close' comes once the answer is sent or the client has gone, whichever happens.
    reply.raw.once('close', () => (active -= 1));
    return undefined;
  };
}
