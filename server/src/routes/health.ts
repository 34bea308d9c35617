import type { FastifyPluginAsync } from 'fastify';
import type { Readiness } from '../http/readiness.js';

/**
 * Liveness and readiness, for load balancers, Docker and Kubernetes:
 * - `GET /health` (and `/health/live`): the process is up and answering; looks at nothing else, so a
 *   store or Redis outage never gets a healthy process restarted.
 * - `GET /health/ready`: the process should get new connections: the store answers a trivial read and
 *   (with REDIS_URL) Redis answers PING, each within 2 s, and no shutdown has begun. 200 when ready,
 *   503 otherwise, with a JSON body naming what failed. Never cached.
 */
export const healthRoutes: FastifyPluginAsync<{ readiness: Readiness }> = async (app, { readiness }) => {
  const live = async () => ({ status: 'ok' });
  // Probed every few seconds: not worth a log line each time (a failing check is logged when it starts).
  app.get('/health', { logLevel: 'warn' }, live);
  app.get('/health/live', { logLevel: 'warn' }, live);
  app.get('/health/ready', { logLevel: 'warn' }, async (_request, reply) => {
    const report = await readiness.report();
    return reply
      .code(report.status === 'ready' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(report);
  });
};
