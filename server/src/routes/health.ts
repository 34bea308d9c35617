import type { FastifyPluginAsync } from 'fastify';

/** `GET /health`: the process is up and answering (for load balancers and compose health checks). */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', async () => ({ status: 'ok' }));
};
