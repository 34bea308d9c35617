import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mountSmallDisk } from '../../../tests/harness/tmpfs.js';
import { groupCommit } from './groupCommit.js';
import { openSqliteStorage } from './SqliteStorage.js';
import { StorageError } from './StorageError.js';
import { openSqliteConnection } from './sqliteConnection.js';

// The document appends run on their own thread (sqliteAppendThread.ts) with their own connection to
// the file. These tests use real threads, a real file and, to hold a commit open, a real third
// connection that takes the file's write lock (as a checkpoint or another process would).

const opened: Array<{ close(): Promise<void> | void }> = [];
afterEach(async () => {
  for (const s of opened.splice(0).reverse()) await s.close();
});

const update = (text: string): Uint8Array => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

/** A store on a fresh folder whose append threads (each start) are recorded. */
function threadedStore(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-thread-'))) {
  const workers: Worker[] = [];
  const storage = openSqliteStorage(dir, { appendThread: { onStart: (w) => workers.push(w) } });
  opened.push(storage);
  return { storage, workers, dir };
}

/** Another connection holding the write lock until `release()`: the thread's commit waits (busy_timeout). */
function holdWriteLock(dir: string) {
  const db = new Database(path.join(dir, 'sammen.db'));
  db.exec('BEGIN IMMEDIATE');
  return {
    release() {
      if (!db.open) return;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

describe('appends on their own thread', () => {
  it('every connection runs synchronous=FULL, WAL, a busy timeout and secure_delete', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-conn-'));
    const db = openSqliteConnection(path.join(dir, 'x.db'));
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    db.close();
  });

  it('commits on the thread, in the order asked, each resolved after its commit; all of it there after a reopen', async () => {
    const { storage, workers, dir } = threadedStore();
    const grouped = groupCommit(storage.documents);
    const sent: Record<string, Uint8Array[]> = { a: [], b: [] };
    const order: number[] = [];
    const appends = Array.from({ length: 300 }, (_, i) => {
      const docId = i % 3 === 0 ? 'b' : 'a';
      const u = update(`${docId}${i}`);
      sent[docId]!.push(u);
      return grouped.append(docId, u).then((seq) => (order.push(i), seq));
    });
    const seqs = await Promise.all(appends);
    expect(workers).toHaveLength(1);
    expect(order).toEqual([...order].sort((x, y) => x - y)); // settled in the order asked
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]!).toBeGreaterThan(seqs[i - 1]!);
    await storage.close();
    const reopened = openSqliteStorage(dir, { appendThread: false });
    opened.push(reopened);
    expect((await reopened.documents.load('a')).updates).toEqual(sent.a);
    expect((await reopened.documents.load('b')).updates).toEqual(sent.b);
  });

  it('writes on the main connection and the thread take turns on the write lock: none fails, none waits for ever', async () => {
    const { storage } = threadedStore();
    const grouped = groupCommit(storage.documents);
    const appends: Array<Promise<number>> = [];
    const others: Array<Promise<unknown>> = [];
    for (let i = 0; i < 400; i++) {
      appends.push(grouped.append(`doc-${i % 4}`, update(String(i))));
      if (i % 4 === 0) {
        const id = `board-${i}`;
        others.push(storage.boards.create({ id, title: id }).then(() => storage.boards.touch(id)));
      }
      // Let the thread commit while the main connection writes (one turn of the event loop each time).
      if (i % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    const results = await Promise.allSettled([...appends, ...others]);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect((await storage.documents.load('doc-0')).updates).toHaveLength(100);
    expect(await storage.boards.get('board-396')).toMatchObject({ id: 'board-396' });
  });

  it('a thread that dies rejects what it had not committed with StorageError "unavailable"; the next append starts a new one', async () => {
    const { storage, workers, dir } = threadedStore();
    const [before, after] = [update('before'), update('after')];
    await storage.documents.append('d', before);
    const lock = holdWriteLock(dir);
    const inFlight = storage.documents.append('d', update('lost'));
    // Killed while its commit waits for the lock (the kill is asked before the lock is let go): nothing
    // of it can have been stored.
    const terminated = workers[0]!.terminate();
    lock.release();
    await terminated;
    const err = await inFlight.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('unavailable');
    await storage.documents.append('d', after);
    expect(workers).toHaveLength(2);
    expect((await storage.documents.load('d')).updates).toEqual([before, after]);
  });

  it('through the group commit, a batch of several the dying thread did not commit is retried one by one on a new thread', async () => {
    const { storage, workers, dir } = threadedStore();
    const grouped = groupCommit(storage.documents);
    await grouped.append('d', update('warm'));
    const lock = holdWriteLock(dir);
    const batch = ['x', 'y', 'z'].map(update);
    const appended = Promise.all(batch.map((u) => grouped.append('d', u)));
    await new Promise((r) => setImmediate(r)); // the three are one batch, handed to the thread
    const terminated = workers[0]!.terminate();
    lock.release();
    await terminated;
    const seqs = await appended;
    expect(workers).toHaveLength(2);
    expect(seqs[2]!).toBeGreaterThan(seqs[1]!);
    expect((await storage.documents.load('d')).updates.slice(1)).toEqual(batch);
  });

  it('a thread that cannot open the database rejects the append, never leaves it waiting', async () => {
    const { storage, workers, dir } = threadedStore();
    // The file's folder is gone under the running server (an unmounted volume): the thread cannot open it.
    fs.rmSync(dir, { recursive: true, force: true });
    const err = await storage.documents.append('d', update('x')).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('unavailable');
    expect(workers).toHaveLength(1);
  });

  it('close waits for the appends in flight to commit, then ends the thread; later appends are refused', async () => {
    const { storage, workers, dir } = threadedStore();
    const grouped = groupCommit(storage.documents);
    const sent = ['0', '1', '2', '3'].map(update);
    await grouped.append('d', sent[0]!);
    const lock = holdWriteLock(dir);
    const inFlight = sent.slice(1).map((u) => grouped.append('d', u));
    await new Promise((r) => setImmediate(r)); // the group commit handed them to the thread
    const closed = storage.close();
    const exited = new Promise((resolve) => workers[0]!.once('exit', resolve));
    lock.release();
    const seqs = await Promise.all(inFlight);
    await closed;
    await exited;
    expect(seqs).toHaveLength(3);
    const late = await storage.documents.append('d', update('late')).then(() => null, (e: unknown) => e);
    expect((late as StorageError).kind).toBe('unavailable');
    const reopened = openSqliteStorage(dir, { appendThread: false });
    opened.push(reopened);
    expect((await reopened.documents.load('d')).updates).toEqual(sent);
  });

  it('close ends the thread in a process with nothing else to do (it does not exit with the close unfinished)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-close-'));
    const store = JSON.stringify(new URL('./SqliteStorage.ts', import.meta.url).href);
    const script = `import { openSqliteStorage } from ${store};
      const s = openSqliteStorage(${JSON.stringify(dir)});
      await s.documents.append('d', new Uint8Array([1, 2, 3]));
      await s.close();
      console.log('closed');`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out.trim()).toBe('closed');
  });

  it('a delete asked after appends in flight runs after them: no row comes back; an append asked after it stays', async () => {
    const { storage, dir } = threadedStore();
    await storage.documents.append('d', update('old'));
    const lock = holdWriteLock(dir);
    const appended = storage.documents.append('d', update('in flight'));
    const deleted = storage.documents.delete('d');
    lock.release();
    await appended;
    await deleted;
    expect((await storage.documents.load('d')).updates).toEqual([]);
    // The same with the workshop deletion (main connection, one transaction).
    await storage.boards.create({ id: 'b1', title: 'x' });
    const lock2 = holdWriteLock(dir);
    const appended2 = storage.documents.append('b1', update('in flight'));
    const gone = storage.deleteBoard({ id: 'b1', workshopId: null });
    const after = update('after');
    const appendedAfter = storage.documents.append('b1', after);
    lock2.release();
    await Promise.all([appended2, gone, appendedAfter]);
    expect((await storage.documents.load('b1')).updates).toEqual([after]);
  });

  it('a compaction asked while appends are in flight folds exactly the rows up to its seq and keeps the rest', async () => {
    const { storage, dir } = threadedStore();
    const seqA = await storage.documents.append('d', update('a'));
    const lock = holdWriteLock(dir);
    const [late, snapshot] = [update('late'), update('snapshot')];
    const appended = storage.documents.append('d', late);
    const compacted = storage.documents.compact('d', snapshot, seqA, 1);
    lock.release();
    await Promise.all([appended, compacted]);
    expect(await storage.documents.load('d')).toMatchObject({ snapshot, updates: [late] });
  });
});

// A real 1 MiB filesystem, filled by concurrent appends through the group commit on the thread.
const disk = mountSmallDisk(1024 * 1024);
afterAll(() => {
  if (typeof disk !== 'string') disk.unmount();
});

describe.skipIf(typeof disk === 'string')(`appends on their own thread, full disk${typeof disk === 'string' ? ` (skipped: ${disk})` : ''}`, () => {
  it('rejects what does not fit with StorageError "full"; every resolved append is there after a reopen, in order', async () => {
    const dir = (disk as Exclude<typeof disk, string>).dir;
    const { storage, workers } = threadedStore(dir);
    const grouped = groupCommit(storage.documents);
    const acknowledged: Array<{ i: number; update: Uint8Array }> = [];
    const failures: unknown[] = [];
    for (let wave = 0; wave < 100 && failures.length === 0; wave++) {
      // Ten at a time: one transaction of several updates, retried one by one when it does not fit.
      await Promise.all(
        Array.from({ length: 10 }, (_, j) => {
          const i = wave * 10 + j;
          const u = bigUpdate(i);
          return grouped.append('doc', u).then(
            () => acknowledged.push({ i, update: u }),
            (err: unknown) => failures.push(err),
          );
        }),
      );
    }
    expect(workers.length).toBeGreaterThanOrEqual(1);
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) expect(f).toMatchObject({ name: 'StorageError', kind: 'full' });
    expect(acknowledged.length).toBeGreaterThan(20);
    await storage.close();
    const reopened = openSqliteStorage(dir, { appendThread: false });
    opened.push(reopened);
    expect((await reopened.documents.load('doc')).updates).toEqual(acknowledged.sort((x, y) => x.i - y.i).map((a) => a.update));
  });
});

/** An update of about 3 KB that does not compress. */
function bigUpdate(i: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, `${i}:` + Buffer.from(crypto.getRandomValues(new Uint8Array(2200))).toString('base64'));
  return Y.encodeStateAsUpdate(doc);
}
