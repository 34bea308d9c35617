import { Worker } from 'node:worker_threads';
import { StorageError } from './StorageError.js';

/** A batch on its way to the append thread: the updates packed end to end in one transferred buffer. */
export interface AppendRequest {
  id: number;
  docIds: string[];
  /** End offset of each update in `bytes` (the first starts at 0). */
  ends: number[];
  bytes: ArrayBuffer;
}

/** The thread's answer to one batch: its sequence numbers, or why nothing of it was stored. */
export type AppendReply =
  | { id: number; seqs: number[] }
  | { id: number; error: { message: string; code: string | undefined; storageKind: 'full' | 'unavailable' | undefined } };

export interface AppendThreadOptions {
  /** Called with each worker as it starts (tests use it to kill the thread). */
  onStart?: (worker: Worker) => void;
}

type Entries = ReadonlyArray<{ docId: string; update: Uint8Array }>;

/**
 * The SQLite document appends on their own thread (issue 12): better-sqlite3 is synchronous, and a
 * commit with synchronous=FULL waits for the disk's flush (~0.3 ms on a quiet SSD, far more on a busy
 * or networked disk) — on the main thread that stopped every socket's reads and sends for as long.
 * Here a worker with its own connection to the same file commits each batch; the main thread only
 * copies the updates into one buffer, hands it over (transferred, not cloned) and waits for the answer.
 *
 * A batch resolves only after its transaction committed on the worker (the same synchronous=FULL),
 * with the sequence numbers in the order given; it rejects with what SQLite reported (the caller's
 * guard classifies it: SQLITE_FULL → StorageError 'full'). If the worker dies, every batch it had not
 * answered rejects with StorageError 'unavailable' — none waits for ever — and the next batch starts a
 * new worker. A batch that was committing when it died is in doubt (stored or not, as a COMMIT whose
 * connection drops): it was not acknowledged, so nobody was shown it; if it was stored, it is merged
 * again harmlessly (Yjs updates are idempotent) when the document is next loaded or its sender resends.
 */
export class SqliteAppendThread {
  private worker: Worker | null = null;
  private failure: unknown = null;
  private readonly pending = new Map<number, { resolve(seqs: number[]): void; reject(err: unknown): void }>();
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly options: AppendThreadOptions = {},
  ) {}

  /** Commits `entries` in one transaction on the thread; see the class comment for what it resolves. */
  appendBatch(entries: Entries): Promise<number[]> {
    if (this.closed) return Promise.reject(new StorageError('unavailable', new Error('the store is closed')));
    if (entries.length === 0) return Promise.resolve([]);
    const request = pack(this.nextId++, entries);
    const worker = this.worker ?? this.start();
    return new Promise<number[]>((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      // A batch in flight keeps the process alive until it is answered; an idle thread does not.
      worker.ref();
      worker.postMessage(request, [request.bytes]);
    });
  }

  /** Waits for every batch sent so far to be answered, then closes the thread's connection and ends it. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    // Messages are handled in order: 'close' comes after the last batch's commit. Referenced until it
    // has ended, or a process with nothing else to do would exit with the close still waiting.
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref();
    worker.postMessage('close');
    await exited;
  }

  private start(): Worker {
    const worker = spawnAppendWorker(this.file);
    this.worker = worker;
    this.failure = null;
    worker.unref();
    worker.on('message', (reply: AppendReply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('seqs' in reply) waiter.resolve(reply.seqs);
      else waiter.reject(toError(reply.error));
    });
    // An uncaught error in the thread (its connection could not open, a bug): the exit that follows
    // rejects what waits, with this as the cause.
    worker.on('error', (err) => (this.failure = err));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      const cause = this.failure ?? new Error(`the SQLite append thread stopped (exit code ${code})`);
      for (const waiter of this.pending.values()) waiter.reject(new StorageError('unavailable', cause));
      this.pending.clear();
    });
    this.options.onStart?.(worker);
    return worker;
  }
}

/** The updates end to end in one new buffer (one copy; the Room keeps its own to apply and send). */
function pack(id: number, entries: Entries): AppendRequest {
  let total = 0;
  for (const e of entries) total += e.update.byteLength;
  const bytes = new ArrayBuffer(total);
  const view = new Uint8Array(bytes);
  const ends: number[] = [];
  let at = 0;
  for (const e of entries) {
    view.set(e.update, at);
    at += e.update.byteLength;
    ends.push(at);
  }
  return { id, docIds: entries.map((e) => e.docId), ends, bytes };
}

/** The thread's error as the driver's (with its SQLite code, classified by the store's guard). */
function toError(error: Extract<AppendReply, { error: unknown }>['error']): Error {
  if (error.storageKind) return new StorageError(error.storageKind, new Error(error.message));
  return Object.assign(new Error(error.message), error.code ? { code: error.code } : {});
}

/**
 * The worker for sqliteAppendWorker: its .js file when running from the build; from the TypeScript
 * sources (vitest, tsx), a worker has no loader for .ts files, so it registers tsx first.
 */
function spawnAppendWorker(file: string): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = JSON.stringify(new URL('./sqliteAppendWorker.ts', here).href);
    return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`, { eval: true, workerData: { file } });
  }
  return new Worker(new URL('./sqliteAppendWorker.js', here), { workerData: { file } });
}
