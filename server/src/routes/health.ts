import type { FastifyPluginAsync } from 'fastify';
import type { Readiness } from '../http/readiness.js';

/**
 * Liveness and readiness, for load balancers, Docker and Kubernetes:
 * - `GET /health` (and `/health/live`): the process is up and answering; looks at nothing else, so a
 *   store or Redis outage never gets a healthy process restarted.
 * - `GET /health/ready`: the process should get new connections: the store answers a trivial read
 *   within 2 s and no shutdown has begun. 200 when ready, 503 otherwise, with a JSON body naming what
 *   failed. Redis (with REDIS_URL) is probed too, but its failure only makes the body say `degraded`
 *   (still 200): every replica shares it, and the boards still work on each process. Never cached.
 */
export const healthRoutes: FastifyPluginAsync<{ readiness: Readiness }> = async (app, { readiness }) => {
  const live = async () => ({ status: 'ok' });
  // Probed every few seconds: not worth a log line each time (a failing check is logged when it starts).
  app.get('/health', { logLevel: 'warn' }, live);
  app.get('/health/live', { logLevel: 'warn' }, live);
  app.get('/health/ready', { logLevel: 'warn' }, async (_request, reply) => {
    const report = await readiness.report();
    return reply
      .code(report.status === 'ready' || report.status === 'degraded' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(report);
  });
};
