import type { FastifyInstance } from 'fastify';
import { jsonDepth } from '../values/jsonDepth.js';

/**
 * Deepest JSON a request may hold. Sammen's deepest body (a backup: file → content → workshop → state
 * → agenda → step → field) is about ten levels; validators and checksums recurse, so a body of a few
 * hundred kilobytes nested 100,000 deep would otherwise overflow the stack in whichever reads it first.
 */
export const MAX_JSON_DEPTH = 64;


/**
 * Fastify's own JSON parser (which refuses `__proto__` and `constructor` tricks), plus a depth limit:
 * a body nested deeper than MAX_JSON_DEPTH is answered 400 before any route sees it.
 */
export function installJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, typeof body === 'string' ? body : body.toString('utf8'), (err: Error | null, value?: unknown) => {
      if (err) return done(err, undefined);
      if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
        return done(Object.assign(new Error(`The JSON is nested too deeply: at most ${MAX_JSON_DEPTH} levels.`), { statusCode: 400 }), undefined);
      }
      done(null, value);
    });
  });
}
