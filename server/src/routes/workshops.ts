import rateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, createWorkshopBodySchema, formatZodError, joinBodySchema, joinInfoBodySchema } from '@sammen/shared';
import { sendError } from '../http/errors.js';
import { chooseRetention } from '../store/retention.js';
import { addressKey } from '../http/addressKey.js';
import { type FailureCounter, localFailures } from '../http/sharedFailures.js';
import type { LimitHook } from '../http/limits.js';
import type { TemplateSource } from '../templates/TemplateSource.js';
import type { WorkshopService } from '../workshops/WorkshopService.js';

/** The bearer token of a request: `Authorization: Bearer <token>`. */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

/** `POST /api/workshops`, `POST /api/join`, `GET /api/session`. */
export const workshopRoutes: FastifyPluginAsync<{
  workshops: WorkshopService;
  templates: TemplateSource;
  limit: LimitHook;
  /** Wrong join codes per address, counted across processes when Redis is there. */
  wrongCodes?: (maxFailures: number, windowMs: number) => FailureCounter;
  /** Redis for the per-route request limits (shared by every process), or none: this process counts. */
  redis?: Redis | null;
  redisPrefix?: string;
}> = async (app, { workshops, templates, limit, wrongCodes: makeWrongCodes = localFailures, redis, redisPrefix }) => {
  await app.register(rateLimit, {
    global: false,
    // Through Redis all processes count together; an unreachable Redis lets requests through (the
    // wrong-code lockout below still holds).
    ...(redis ? { redis, nameSpace: `${redisPrefix ?? ''}rate-limit:`, skipOnError: true } : {}),
  });

  app.post('/api/workshops', { onRequest: limit }, async (request, reply) => {
    const parsed = createWorkshopBodySchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, ERRORS.BAD_REQUEST, formatZodError(parsed.error));
    const retention = chooseRetention(parsed.data.retentionDays, workshops.retention);
    if (!retention.ok) return sendError(reply, ERRORS.BAD_REQUEST, retention.message);
    const body = { ...parsed.data, retentionDays: retention.days };
    let initial = {};
    if (body.template) {
      const built = await templates.instantiate(body.template, body.language);
      if (!built) return sendError(reply, ERRORS.TEMPLATE_NOT_FOUND);
      initial = built;
    }
    return reply.code(201).send(await workshops.create(body, initial));
  });

  // A join code has ~887 million values. A room full of citizens joins from one address, so only
  // wrong codes count against it: 30 wrong codes in 10 minutes and that address waits.
  const wrongCodes = makeWrongCodes(30, 10 * 60_000);
  const lockedOut = (reply: FastifyReply, seconds: number) =>
    sendError(reply.header('retry-after', String(seconds)), ERRORS.RATE_LIMITED, `Too many wrong codes from your address; try again in ${seconds} seconds.`);
  app.post('/api/join', { config: { rateLimit: { max: 600, timeWindow: '1 minute' } } }, async (request, reply) => {
    const address = addressKey(request.ip);
    const wait = await wrongCodes.retryAfterSeconds(address);
    if (wait > 0) return lockedOut(reply, wait);
    const parsed = joinBodySchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, ERRORS.BAD_REQUEST, formatZodError(parsed.error));
    const joined = await workshops.join(parsed.data.code, parsed.data.name);
    if (!joined) {
      await wrongCodes.fail(address);
      return sendError(reply, ERRORS.JOIN_CODE_NOT_FOUND);
    }
    return joined;
  });

  // Before a citizen gives a name: which workshop, and how long it is kept. Wrong codes count as above.
  app.post('/api/join/info', { config: { rateLimit: { max: 600, timeWindow: '1 minute' } } }, async (request, reply) => {
    const address = addressKey(request.ip);
    const wait = await wrongCodes.retryAfterSeconds(address);
    if (wait > 0) return lockedOut(reply, wait);
    const parsed = joinInfoBodySchema.safeParse(request.body);
    if (!parsed.success) return sendError(reply, ERRORS.BAD_REQUEST, formatZodError(parsed.error));
    const info = await workshops.joinInfo(parsed.data.code);
    if (!info) {
      await wrongCodes.fail(address);
      return sendError(reply, ERRORS.JOIN_CODE_NOT_FOUND);
    }
    return info;
  });

  app.get('/api/session', async (request, reply) => {
    const session = await workshops.resolveToken(bearerToken(request));
    if (!session) return sendError(reply, ERRORS.UNAUTHORIZED);
    const info = await workshops.sessionInfo(session);
    if (!info) return sendError(reply, ERRORS.UNAUTHORIZED);
    return info;
  });
};
