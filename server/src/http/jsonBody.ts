import type { FastifyInstance } from 'fastify';

/**
 * Deepest JSON a request may hold. Sammen's deepest body (a backup: file → content → workshop → state
 * → agenda → step → field) is about ten levels; validators and checksums recurse, so a body of a few
 * hundred kilobytes nested 100,000 deep would otherwise overflow the stack in whichever reads it first.
 */
export const MAX_JSON_DEPTH = 64;

/** How deep a parsed JSON value nests (a scalar is 0), counted without recursion; stops past `limit`. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const inner = depth + 1;
    if (inner > deepest) deepest = inner;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, inner]);
  }
  return deepest;
}

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
