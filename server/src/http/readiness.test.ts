import { expect, it } from 'vitest';
import { Readiness } from './readiness.js';

const never = () => new Promise<void>(() => {});

it('ready when every check answers; a failing or silent check is named, its cause only logged', async () => {
  const changes: Array<[string, string | null]> = [];
  let storeUp = true;
  const readiness = new Readiness(
    [
      { name: 'store', run: async () => { if (!storeUp) throw new Error('connect ECONNREFUSED 10.0.0.5:5432'); } },
      { name: 'redis', run: async () => {} },
    ],
    { timeoutMs: 50, onChange: (name, err) => changes.push([name, err?.message ?? null]) },
  );
  expect(await readiness.report()).toMatchObject({ status: 'ready', failed: [], checks: { store: { ok: true }, redis: { ok: true } } });
  storeUp = false;
  const down = await readiness.report();
  expect(down).toMatchObject({ status: 'unavailable', failed: ['store'], checks: { store: { ok: false, error: 'failed' }, redis: { ok: true } } });
  expect(JSON.stringify(down)).not.toContain('10.0.0.5');
  await readiness.report();
  storeUp = true;
  expect((await readiness.report()).status).toBe('ready');
  // Logged when it starts failing and when it answers again, not at every probe.
  expect(changes).toEqual([['store', 'connect ECONNREFUSED 10.0.0.5:5432'], ['store', null]]);
});

it('a hanging check times out, and later probes wait for the same run instead of starting more', async () => {
  let runs = 0;
  const readiness = new Readiness([{ name: 'store', run: () => { runs += 1; return never(); } }], { timeoutMs: 20 });
  const reports = await Promise.all([readiness.report(), readiness.report()]);
  expect(await readiness.report()).toMatchObject({ status: 'unavailable', failed: ['store'], checks: { store: { ok: false, error: 'timeout' } } });
  expect(reports.map((r) => r.status)).toEqual(['unavailable', 'unavailable']);
  expect(runs).toBe(1);
});

it('after stop() it is not ready at once, whatever the checks say', async () => {
  let runs = 0;
  const readiness = new Readiness([{ name: 'store', run: async () => void (runs += 1) }]);
  readiness.stop();
  expect(await readiness.report()).toEqual({ status: 'stopping', failed: ['shutdown'], checks: {} });
  expect(readiness.isStopping).toBe(true);
  expect(runs).toBe(0);
});

it('a check that is not required only degrades: the process stays ready (200) and names it', async () => {
  let redisUp = false;
  let storeUp = true;
  const readiness = new Readiness([
    { name: 'store', run: async () => { if (!storeUp) throw new Error('down'); } },
    { name: 'redis', required: false, run: async () => { if (!redisUp) throw new Error('down'); } },
  ]);
  expect(await readiness.report()).toMatchObject({ status: 'degraded', failed: ['redis'] });
  storeUp = false;
  expect(await readiness.report()).toMatchObject({ status: 'unavailable', failed: ['store', 'redis'] });
  storeUp = true;
  redisUp = true;
  expect(await readiness.report()).toMatchObject({ status: 'ready', failed: [] });
});
