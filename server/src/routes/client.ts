import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** Paths the web app answers (keep in step with client/src/ui/router.ts). */
export const CLIENT_PAGES = ['/', '/b/:boardId', '/join', '/join/:code', '/new', '/accessibility', '/privacy'] as const;

/**
 * Serves the built client: hashed assets with long caching, and index.html for the app's own pages
 * (`/`, `/b/:boardId`, and later pages) so that the client's router takes over.
 */
export const clientRoutes: FastifyPluginAsync<{ clientDir: string }> = async (app, { clientDir }) => {
  const indexFile = path.join(clientDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.log.warn({ clientDir }, 'no built client found; run `npm run build` to serve the web app');
    app.get('/', async (_req, reply) => reply.type('text/plain').send('The Sammen client is not built. Run `npm run build`.'));
    return;
  }
  await app.register(fastifyStatic, {
    root: clientDir,
    index: false,
    wildcard: true,
    setHeaders(res, filePath) {
      if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const sendIndex = (_req: unknown, reply: { header(k: string, v: string): unknown; sendFile(f: string): unknown }) => {
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  };
  // The app's own pages; the client's router shows the right one. Everything else stays a 404.
  for (const page of CLIENT_PAGES) app.get(page, sendIndex as never);
};
