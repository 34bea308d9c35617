import type { DocumentStore } from './DocumentStore.js';

/** Most updates one transaction carries; the rest wait for the next one (a bound on a commit's length). */
export const MAX_BATCH_UPDATES = 2000;
/** Most bytes one transaction carries (unless a single update is larger on its own). */
export const MAX_BATCH_BYTES = 16 * 1024 * 1024;

interface Waiter {
  docId: string;
  update: Uint8Array;
  resolve(seq: number): void;
  reject(err: unknown): void;
}

/**
 * Group commit, the way PostgreSQL does it: every append that arrives while a commit is on its way to
 * disk waits, and all of them — from every document — go into the next transaction with one flush
 * (`appendBatch`). Each `append` still resolves only once its update is on disk, so nothing is
 * acknowledged early and nothing waits on a timer: under light load a commit starts as soon as the
 * current turn of the event loop is done (setImmediate, so the messages already read in this turn join
 * it); under heavy load a commit's length is the batching window. When a commit fails nothing of it
 * is stored; its updates are then tried one at a time, and each that fails again is rejected with the
 * store's error (StorageError) — so a nearly full disk is filled as far as it goes, as without batching.
 * With SQLite the commit itself runs on the append thread (sqliteAppendThread.ts): while a batch is
 * on its way to disk the event loop goes on reading, judging and sending, and gathers the next batch.
 *
 * Order: updates are committed in the order `append` was called, and the promises settle in that order.
 */
export function groupCommit(store: DocumentStore): DocumentStore {
  let waiting: Waiter[] = [];
  let committing = false;
  let scheduled = false;

  const schedule = (): void => {
    if (scheduled || committing || waiting.length === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void commit();
    });
  };

  const commit = async (): Promise<void> => {
    if (committing || waiting.length === 0) return;
    committing = true;
    const batch = takeBatch();
    try {
      const seqs = await store.appendBatch(batch.map(({ docId, update }) => ({ docId, update })));
      if (seqs.length !== batch.length) throw new Error(`appendBatch returned ${seqs.length} sequence numbers for ${batch.length} updates`);
      batch.forEach((w, i) => w.resolve(seqs[i]!));
    } catch (err) {
      // Nothing of the batch was stored. Alone, each may still fit (a nearly full disk takes a small
      // update after refusing several): try them one by one, as if they had come one at a time.
      if (batch.length === 1) batch[0]!.reject(err);
      else {
        for (const w of batch) {
          try {
            const [seq] = await store.appendBatch([{ docId: w.docId, update: w.update }]);
            w.resolve(seq!);
          } catch (alone) {
            w.reject(alone);
          }
        }
      }
    } finally {
      committing = false;
      schedule();
    }
  };

  const takeBatch = (): Waiter[] => {
    let count = 0;
    let bytes = 0;
    while (count < waiting.length && count < MAX_BATCH_UPDATES) {
      const size = waiting[count]!.update.byteLength;
      if (count > 0 && bytes + size > MAX_BATCH_BYTES) break;
      bytes += size;
      count += 1;
    }
    const batch = waiting.slice(0, count);
    waiting = waiting.slice(count);
    return batch;
  };

  return {
    append(docId, update) {
      return new Promise<number>((resolve, reject) => {
        waiting.push({ docId, update, resolve, reject });
        schedule();
      });
    },
    appendBatch: (entries) => store.appendBatch(entries),
    load: (docId) => store.load(docId),
    compact: (docId, snapshot, uptoSeq, expectedRows) => store.compact(docId, snapshot, uptoSeq, expectedRows),
    delete: (docId) => store.delete(docId),
  };
}
