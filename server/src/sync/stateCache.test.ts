import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MESSAGE_SYNC_STEP_2_V2 } from '@sammen/shared';
import { decodeMessage } from './messages.js';
import { StateCache } from './stateCache.js';

const payload = (message: Uint8Array): Uint8Array => {
  const decoded = decodeMessage(message);
  if (decoded.kind !== 'update') throw new Error('expected sync step 2');
  return decoded.update;
};

/** The V2 update inside Sammen's V2 sync step 2 (`@sammen/shared` syncStep2V2.ts). */
const payloadV2 = (message: Uint8Array): Uint8Array => {
  const decoder = decoding.createDecoder(message);
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC_STEP_2_V2);
  return decoding.readVarUint8Array(decoder);
};

describe('StateCache', () => {
  it('answers a page that reads V2 in V2: the same document, cached apart from V1, diffs too', () => {
    const doc = new Y.Doc();
    doc.getMap('elements').set('a', { text: 'Hvad er vigtigt for dig?' });
    const cache = new StateCache(doc);
    const empty = Y.encodeStateVector(new Y.Doc());
    const v1 = cache.syncStep2(empty);
    const v2 = cache.syncStep2(empty, true);
    expect(cache.syncStep2(empty, true)).toBe(v2);
    expect(cache.syncStep2(empty)).toBe(v1);
    const replica = new Y.Doc();
    Y.applyUpdateV2(replica, payloadV2(v2));
    expect(replica.getMap('elements').toJSON()).toEqual({ a: { text: 'Hvad er vigtigt for dig?' } });

    doc.getMap('elements').set('b', 2);
    const sv = Y.encodeStateVector(replica);
    const diffV2 = cache.syncStep2(sv, true);
    const diffV1 = cache.syncStep2(sv); // a V1 client with the same state vector gets V1, not the cached V2
    expect(decodeMessage(diffV1).kind).toBe('update');
    Y.applyUpdateV2(replica, payloadV2(diffV2));
    expect(replica.getMap('elements').toJSON()).toEqual(doc.getMap('elements').toJSON());
    doc.getMap('elements').set('c', 3);
    expect(payloadV2(cache.syncStep2(empty, true)).byteLength).toBeGreaterThan(payloadV2(v2).byteLength); // renewed
  });


  it('answers every empty state vector with one cached encoding, renewed after a change', () => {
    const doc = new Y.Doc();
    doc.getMap('elements').set('a', 1);
    const cache = new StateCache(doc);
    const empty = Y.encodeStateVector(new Y.Doc());
    const first = cache.syncStep2(empty);
    expect(cache.syncStep2(empty)).toBe(first); // the same buffer: encoded once
    doc.getMap('elements').set('b', 2);
    const second = cache.syncStep2(empty);
    expect(second).not.toBe(first);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, payload(second));
    expect(replica.getMap('elements').toJSON()).toEqual({ a: 1, b: 2 });
  });

  it('answers a client that has part of the board with exactly what it lacks', () => {
    const doc = new Y.Doc();
    const cache = new StateCache(doc);
    doc.getMap('elements').set('a', 1);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    doc.getMap('elements').set('b', 2);
    const sv = Y.encodeStateVector(replica);
    const diff = cache.syncStep2(sv);
    expect(cache.syncStep2(sv)).toBe(diff);
    expect(payload(diff).byteLength).toBeLessThan(Y.encodeStateAsUpdate(doc).byteLength);
    Y.applyUpdate(replica, payload(diff));
    expect(replica.getMap('elements').toJSON()).toEqual({ a: 1, b: 2 });
  });

  it('does not send structs that wait for a missing dependency; they come once they integrate', () => {
    const source = new Y.Doc();
    source.getMap('elements').set('a', 1);
    const sv = Y.encodeStateVector(source);
    const first = Y.encodeStateAsUpdate(source);
    source.getMap('elements').set('b', 2);
    const gap = Y.encodeStateAsUpdate(source, sv); // depends on the first change
    const doc = new Y.Doc();
    doc.getMap('elements').set('own', 0);
    const cache = new StateCache(doc);
    Y.applyUpdate(doc, gap);
    expect(doc.store.pendingStructs).not.toBeNull();
    const replica = new Y.Doc();
    Y.applyUpdate(replica, payload(cache.syncStep2(new Uint8Array([0]))));
    expect(replica.store.pendingStructs).toBeNull();
    expect(replica.getMap('elements').toJSON()).toEqual({ own: 0 });
    Y.applyUpdate(doc, first);
    const after = new Y.Doc();
    Y.applyUpdate(after, payload(cache.syncStep2(new Uint8Array([0]))));
    expect(after.getMap('elements').toJSON()).toEqual({ own: 0, a: 1, b: 2 });
  });

  it('answers clients that know nothing with a seeded full state (the stored snapshot) until the document changes', () => {
    const source = new Y.Doc();
    source.getMap('elements').set('a', 1);
    const snapshot = Y.encodeStateAsUpdate(source);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    const cache = new StateCache(doc);
    cache.seedFull(snapshot);
    const seeded = cache.syncStep2(new Uint8Array([0]));
    expect(Buffer.from(payload(seeded)).equals(Buffer.from(snapshot))).toBe(true);
    expect(cache.syncStep2(new Uint8Array([0]))).toBe(seeded);
    doc.getMap('elements').set('b', 2);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, payload(cache.syncStep2(new Uint8Array([0]))));
    expect(replica.getMap('elements').toJSON()).toEqual({ a: 1, b: 2 });
  });

  it('ignores a seed while the document holds pending structs', () => {
    const source = new Y.Doc();
    source.getMap('elements').set('a', 1);
    const sv = Y.encodeStateVector(source);
    source.getMap('elements').set('b', 2);
    const gap = Y.encodeStateAsUpdate(source, sv);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, gap);
    const cache = new StateCache(doc);
    cache.seedFull(gap);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, payload(cache.syncStep2(new Uint8Array([0]))));
    expect(replica.store.pendingStructs).toBeNull();
  });

  it('throws on a state vector that is not one', () => {
    const cache = new StateCache(new Y.Doc());
    expect(() => cache.syncStep2(new Uint8Array([5, 1]))).toThrow();
  });
});
