import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore, Storage } from './DocumentStore.js';
import { groupCommit } from './groupCommit.js';
import { openSqliteStorage } from './SqliteStorage.js';
import { StorageError } from './StorageError.js';

const opened: Storage[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const update = (text: string): Uint8Array => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

/**
 * A real SQLite store that records each transaction it is asked to commit, can hold a commit open
 * until released (a slow disk), and can be made to fail (a full one).
 */
function recordingStore() {
  const storage = openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-group-')));
  opened.push(storage);
  const real = storage.documents;
  const state = { batches: [] as string[][], hold: null as Promise<void> | null, failing: false };
  const store: DocumentStore = {
    ...real,
    appendBatch: async (entries) => {
      state.batches.push(entries.map((e) => e.docId));
      if (state.hold) await state.hold;
      if (state.failing) throw new StorageError('full', new Error('SQLITE_FULL'));
      return real.appendBatch(entries);
    },
  };
  return { store, real, state };
}

describe('group commit', () => {
  it('writes the appends of one turn, from every document, in one transaction, and resolves each in order', async () => {
    const { store, real, state } = recordingStore();
    const grouped = groupCommit(store);
    const a = [update('a1'), update('a2')];
    const b = update('b1');
    const settled: string[] = [];
    const seqs = await Promise.all([
      grouped.append('a', a[0]!).then((s) => (settled.push('a1'), s)),
      grouped.append('b', b).then((s) => (settled.push('b1'), s)),
      grouped.append('a', a[1]!).then((s) => (settled.push('a2'), s)),
    ]);
    expect(state.batches).toEqual([['a', 'b', 'a']]);
    expect(settled).toEqual(['a1', 'b1', 'a2']);
    expect(seqs[1]!).toBeGreaterThan(seqs[0]!);
    expect(seqs[2]!).toBeGreaterThan(seqs[1]!);
    expect((await real.load('a')).updates).toEqual(a);
    expect((await real.load('b')).updates).toEqual([b]);
  });

  it('appends that arrive while a commit is in flight go together into the next one', async () => {
    const { store, real, state } = recordingStore();
    const grouped = groupCommit(store);
    let release!: () => void;
    state.hold = new Promise<void>((r) => (release = r));
    const first = grouped.append('a', update('1'));
    await new Promise((r) => setImmediate(r)); // the first commit has started and is held
    expect(state.batches).toEqual([['a']]);
    let laterDone = false;
    const later = Promise.all([grouped.append('a', update('2')), grouped.append('b', update('3')), grouped.append('a', update('4'))]).then(
      (s) => ((laterDone = true), s),
    );
    await new Promise((r) => setImmediate(r));
    expect(state.batches).toEqual([['a']]); // no second transaction while the first is on its way
    expect(laterDone).toBe(false);
    state.hold = null;
    release();
    await first;
    await later;
    expect(state.batches).toEqual([['a'], ['a', 'b', 'a']]);
    expect((await real.load('a')).updates).toHaveLength(3);
  });

  it('after a failed commit each update is tried alone: what fits is stored, the rest rejected with the StorageError', async () => {
    const { store, real, state } = recordingStore();
    const small = update('s');
    const guarded: DocumentStore = {
      ...store,
      // A disk with room for one small update, not for the batch.
      appendBatch: async (entries) => {
        const bytes = entries.reduce((n, e) => n + e.update.byteLength, 0);
        if (bytes > small.byteLength) {
          state.batches.push(entries.map((e) => e.docId));
          throw new StorageError('full', new Error('SQLITE_FULL'));
        }
        return store.appendBatch(entries);
      },
    };
    const grouped = groupCommit(guarded);
    const big = update('x'.repeat(100));
    const results = await Promise.allSettled([grouped.append('a', big), grouped.append('b', small)]);
    expect(results[0]!.status).toBe('rejected');
    expect(((results[0] as PromiseRejectedResult).reason as StorageError).kind).toBe('full');
    expect(results[1]!.status).toBe('fulfilled');
    expect((await real.load('a')).updates).toEqual([]);
    expect((await real.load('b')).updates).toEqual([small]);
  });

  it('a failed commit rejects every update in it with the StorageError and stores none; the next commit works', async () => {
    const { store, real, state } = recordingStore();
    const grouped = groupCommit(store);
    state.failing = true;
    const results = await Promise.allSettled([grouped.append('a', update('x')), grouped.append('b', update('y'))]);
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StorageError);
      expect(((r as PromiseRejectedResult).reason as StorageError).kind).toBe('full');
    }
    expect((await real.load('a')).updates).toEqual([]);
    state.failing = false;
    const ok = update('z');
    await grouped.append('a', ok);
    expect((await real.load('a')).updates).toEqual([ok]);
  });
});
