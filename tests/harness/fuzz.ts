import fc from 'fast-check';

/** One change to a JSON value: at the `at`-th node (in document order, modulo the node count). */
export interface Mutation {
  at: number;
  op: 'replace' | 'delete' | 'wrap' | 'long' | 'deep' | 'number' | 'duplicate';
  value: unknown;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'wrap', 'long', 'deep', 'number', 'duplicate'),
  value: fc.jsonValue({ maxDepth: 3 }),
});

/**
 * Stands for JSON nested 20,000 deep; `toPayload` puts the nesting in only when the body is written,
 * so that no test tool (fast-check's printer, the mutator) has to recurse through it.
 */
export const DEEP = '\u0000deeply-nested\u0000';
const DEEP_JSON = '['.repeat(20_000) + ']'.repeat(20_000);

/** The request body for a value or a raw text. */
export function toPayload(body: { kind: 'json'; value: unknown } | { kind: 'text'; value: string }): string {
  if (body.kind === 'text') return body.value;
  return (JSON.stringify(body.value) ?? '').split(JSON.stringify(DEEP)).join(DEEP_JSON);
}

const STRANGE_NUMBERS = [-1, 0, -0, 1e308, -1e308, 2 ** 53 + 1, 0.5, 1e-300, 4294967296];

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number } | null;

/** Every node of a JSON tree with the slot that holds it (null for the root). */
function slots(root: unknown): Slot[] {
  const out: Slot[] = [null];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const entries: Array<[string | number, unknown]> = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, child] of entries) {
      out.push({ parent: node as Record<string, unknown>, key });
      walk(child);
    }
  };
  walk(root);
  return out;
}

/** The value with the mutations applied (a copy; the original is untouched). */
export function mutate<T>(original: T, mutations: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(original);
  for (const m of mutations) {
    const all = slots(root);
    const slot = all[m.at % all.length]!;
    const current = slot ? (slot.parent as Record<string | number, unknown>)[slot.key] : root;
    let next: unknown;
    switch (m.op) {
      case 'replace': next = m.value; break;
      case 'wrap': next = [current]; break;
      case 'long': next = typeof current === 'string' ? current.repeat(2000).slice(0, 200_000) || 'x'.repeat(100_000) : 'x'.repeat(100_000); break;
      case 'deep': next = DEEP; break;
      case 'number': next = STRANGE_NUMBERS[m.at % STRANGE_NUMBERS.length]; break;
      case 'duplicate': next = Array.isArray(current) ? [...current, ...current] : current; break;
      case 'delete': next = undefined; break;
    }
    if (!slot) root = next;
    else if (m.op === 'delete' && Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
    else if (m.op === 'delete') delete (slot.parent as Record<string, unknown>)[slot.key as string];
    else (slot.parent as Record<string | number, unknown>)[slot.key] = next;
  }
  return root;
}

/** A body for a JSON endpoint: random JSON, a mutated valid body, or text that may not be JSON at all. */
export function bodyArb(valid: unknown): fc.Arbitrary<{ kind: 'json'; value: unknown } | { kind: 'text'; value: string }> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'json' as const, value })) },
    { weight: 5, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 4 }).map((ms) => ({ kind: 'json' as const, value: mutate(valid, ms) })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(fc.string(), fc.constant(JSON.stringify(valid)).chain((s) => fc.nat({ max: Math.max(0, s.length - 1) }).map((n) => s.slice(0, n))))
        .map((value) => ({ kind: 'text' as const, value })),
    },
  );
}

/** Fastify's route tree (`printRoutes({ commonPrefix: false })`) as method + path pairs. */
export function parseRouteTree(tree: string): Array<{ method: string; url: string }> {
  const stack: string[] = [];
  const routes: Array<{ method: string; url: string }> = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim()).filter(Boolean)) routes.push({ method, url: stack.join('') });
  }
  return routes;
}
