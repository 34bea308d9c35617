import { expect, it } from 'vitest';
import type { DocumentStore } from '../store/DocumentStore.js';
import { Metrics } from './metrics.js';

const sources = { boardConnections: () => 0, controlConnections: () => 0, loadedDocuments: () => [] };

/** A store whose appends succeed until `failing` is set (the wrapper is what is tested here). */
function store() {
  const state = { failing: false, seq: 0 };
  const documents: DocumentStore = {
    append: async () => {
      if (state.failing) throw new Error('disk full');
      return ++state.seq;
    },
    appendBatch: async (entries) => entries.map(() => ++state.seq),
    load: async () => ({ snapshot: null, updates: [], lastSeq: 0, bytes: 0 }),
    compact: async () => undefined,
    delete: async () => undefined,
  };
  return { state, documents };
}

const value = async (metrics: Metrics, name: string) => (await metrics.registry.getSingleMetric(name)!.get()).values;

it('counts and times every append; a refused append counts as a failure and still reaches the caller', async () => {
  const metrics = new Metrics(sources);
  const inner = store();
  const documents = metrics.instrumentDocuments(inner.documents);
  expect(await documents.append('b', new Uint8Array([1]))).toBe(1);
  expect(await documents.append('b', new Uint8Array([2]))).toBe(2);
  inner.state.failing = true;
  await expect(documents.append('b', new Uint8Array([3]))).rejects.toThrow('disk full');
  expect((await value(metrics, 'sammen_stored_updates_total'))[0]!.value).toBe(2);
  expect((await value(metrics, 'sammen_store_failures_total'))[0]!.value).toBe(1);
  const count = (await value(metrics, 'sammen_store_append_seconds')).find((v) => (v as { metricName?: string }).metricName === 'sammen_store_append_seconds_count');
  expect(count!.value).toBe(3);
  // Everything else passes through to the store itself.
  expect(await documents.load('b')).toEqual({ snapshot: null, updates: [], lastSeq: 0, bytes: 0 });
});

it('names refusals and closes by their reason', async () => {
  const metrics = new Metrics(sources);
  metrics.refused('gate');
  metrics.closed(4403);
  metrics.closed(4999);
  const closed = await value(metrics, 'sammen_closed_connections_total');
  expect(closed.map((v) => [v.labels.reason, v.value])).toEqual([
    ['forbidden', 1],
    ['code_4999', 1],
  ]);
  expect((await value(metrics, 'sammen_refused_messages_total'))[0]).toMatchObject({ labels: { reason: 'gate' }, value: 1 });
});
