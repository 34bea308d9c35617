import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BoardCatalog, BoardRecord, DocumentStore, Storage, StorageWrites, StoredDocument } from './DocumentStore.js';
import { guardStore } from './StorageError.js';
import { type AppendThreadOptions, SqliteAppendThread } from './sqliteAppendThread.js';
import { openSqliteConnection, sqliteAppendBatch } from './sqliteConnection.js';
import { sqliteStorageWrites } from './sqliteStorageWrites.js';
import { sqliteTemplateStore } from './sqliteTemplateStore.js';
import { sqliteVersionStore } from './sqliteVersionStore.js';
import { sqliteWorkshopStore } from './sqliteWorkshopStore.js';

/** Schema of the SQLite file, stamped in `PRAGMA user_version`; each entry upgrades from the index. */
const SQL_MIGRATIONS: readonly string[] = [
  `CREATE TABLE boards (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE doc_snapshots (
     doc_id TEXT PRIMARY KEY,
     data BLOB NOT NULL,
     upto_seq INTEGER NOT NULL
   );
   CREATE TABLE doc_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX doc_updates_by_doc ON doc_updates (doc_id, seq);`,
  `ALTER TABLE boards ADD COLUMN workshop_id TEXT;
   CREATE TABLE workshops (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL UNIQUE,
     title TEXT NOT NULL,
     language TEXT NOT NULL,
     join_code TEXT UNIQUE,
     observer_token TEXT UNIQUE,
     state TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE members (
     id TEXT PRIMARY KEY,
     workshop_id TEXT NOT NULL REFERENCES workshops (id),
     role TEXT NOT NULL,
     name TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     removed INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX members_by_workshop ON members (workshop_id);`,
  `CREATE TABLE templates (
     id TEXT PRIMARY KEY,
     owner_key_hash TEXT NOT NULL,
     data TEXT NOT NULL,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );`,
  `CREATE TABLE board_versions (
     id TEXT PRIMARY KEY,
     board_id TEXT NOT NULL,
     name TEXT NOT NULL,
     created_at TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX board_versions_by_board ON board_versions (board_id, created_at);`,
  // Per-workshop retention in days (0 keeps it); NULL for workshops made before: the server's default.
  `ALTER TABLE workshops ADD COLUMN retention_days INTEGER;`,
  // Revision of the workshop state, for compare-and-set between processes sharing a store.
  `ALTER TABLE workshops ADD COLUMN state_revision INTEGER NOT NULL DEFAULT 0;`,
];

export interface SqliteStorageOptions {
  fileName?: string;
  /**
   * Commit document appends on their own thread (default): the flush of each commit then does not
   * block the event loop. `false` commits them on the main connection, as before issue 12 (the
   * comparison in bench/appendThread.ts; a test that only reads a file back). The thread starts with
   * the first append, so a store that never appends never starts one.
   */
  appendThread?: boolean | AppendThreadOptions;
}

/**
 * The embedded default store: one SQLite file under DATA_DIR. WAL with synchronous=FULL, so a
 * committed append survives a crash or power loss; an append resolves only after its commit.
 *
 * Two connections: document appends (the hot path, every board edit) are committed by the append
 * thread (sqliteAppendThread.ts), everything else — loads, compaction, deletion, workshops, boards —
 * on the main connection. WAL lets both read at once; writes take turns on the file's write lock
 * (busy_timeout on both; each transaction is short and never waits on the other thread while
 * holding it, so neither can deadlock). The writes on the main connection that touch document rows
 * (compaction, deletion, creation of a workshop with content) are ordered with the appends: each
 * waits until every batch handed to the thread before it has committed, and the batches after it wait
 * for it. So a deletion never runs before an append that was asked before it (no row comes back after
 * the delete), and a compaction's `uptoSeq`/`expectedRows` see what they would on one connection.
 */
export function openSqliteStorage(dataDir: string, options: SqliteStorageOptions | string = {}): Storage {
  const { fileName = 'sammen.db', appendThread = true } = typeof options === 'string' ? { fileName: options } : options;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, fileName);
  const db = openSqliteConnection(file);
  const before = db.pragma('user_version', { simple: true }) as number;
  migrate(db);
  // A file written before secure_delete (schema < 5) may hold deleted text in free pages: rebuild it once.
  if (before > 0 && before < SECURE_DELETE_SINCE) scrubFreePages(db);

  const q = {
    snapshot: db.prepare<[string], { data: Buffer; upto_seq: number }>('SELECT data, upto_seq FROM doc_snapshots WHERE doc_id = ?'),
    updates: db.prepare<[string], { seq: number; data: Buffer }>('SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq'),
    putSnapshot: db.prepare<[string, Buffer, number]>(
      `INSERT INTO doc_snapshots (doc_id, data, upto_seq) VALUES (?, ?, ?)
       ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq`,
    ),
    dropUpdates: db.prepare<[string, number]>('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?'),
    dropSnapshot: db.prepare<[string]>('DELETE FROM doc_snapshots WHERE doc_id = ?'),
    dropAllUpdates: db.prepare<[string]>('DELETE FROM doc_updates WHERE doc_id = ?'),
    createBoard: db.prepare<[string, string, string, string, string | null]>(
      'INSERT INTO boards (id, title, created_at, updated_at, workshop_id) VALUES (?, ?, ?, ?, ?)',
    ),
    getBoard: db.prepare<[string], { id: string; title: string; created_at: string; updated_at: string; workshop_id: string | null }>(
      'SELECT id, title, created_at, updated_at, workshop_id FROM boards WHERE id = ?',
    ),
    touchBoard: db.prepare<[string, string]>('UPDATE boards SET updated_at = ? WHERE id = ?'),
    idleBoards: db.prepare<[string], { id: string; title: string; created_at: string; updated_at: string; workshop_id: string | null }>(
      'SELECT id, title, created_at, updated_at, workshop_id FROM boards WHERE updated_at < ? ORDER BY updated_at',
    ),
    deleteBoard: db.prepare<[string]>('DELETE FROM boards WHERE id = ?'),
  };

  const compactTx = db.transaction((docId: string, snapshot: Uint8Array, uptoSeq: number, expectedRows?: number) => {
    q.putSnapshot.run(docId, Buffer.from(snapshot), uptoSeq);
    const dropped = q.dropUpdates.run(docId, uptoSeq).changes;
    // Throwing inside the transaction rolls the snapshot back too (see DocumentStore.compact).
    if (expectedRows !== undefined && dropped !== expectedRows) throw new Error(`compaction expected ${expectedRows} rows up to ${uptoSeq}, found ${dropped}; nothing changed`);
  });
  const readDocTx = db.transaction((docId: string) => ({ snap: q.snapshot.get(docId), rows: q.updates.all(docId) }));
  const deleteTx = db.transaction((docId: string) => {
    q.dropSnapshot.run(docId);
    q.dropAllUpdates.run(docId);
  });
  // The appends: on the thread (started with the first one), or on this connection.
  const thread = appendThread ? new SqliteAppendThread(file, appendThread === true ? {} : appendThread) : null;
  const appendOnMain = thread ? null : sqliteAppendBatch(db);
  const appendBatch = (entries: ReadonlyArray<{ docId: string; update: Uint8Array }>): Promise<number[]> | number[] =>
    thread ? thread.appendBatch(entries) : appendOnMain!(entries);
  // Appends, compaction, deletion and creation with content, each after those asked before it (see above).
  const inOrder = writeOrder();

  const documents: DocumentStore = {
    async append(docId, update) {
      const [seq] = await inOrder(() => appendBatch([{ docId, update }]));
      return seq!;
    },
    appendBatch: (entries) => inOrder(() => appendBatch(entries)),
    async load(docId): Promise<StoredDocument> {
      // Both reads in one transaction (one WAL snapshot): another process's compaction committing in
      // between would otherwise fold rows into a snapshot this read never sees.
      const { snap, rows } = readDocTx(docId);
      let bytes = snap ? snap.data.byteLength : 0;
      const updates = rows.map((r) => {
        bytes += r.data.byteLength;
        return new Uint8Array(r.data);
      });
      const lastSeq = rows.length ? rows[rows.length - 1]!.seq : (snap?.upto_seq ?? 0);
      return { snapshot: snap ? new Uint8Array(snap.data) : null, updates, lastSeq, bytes };
    },
    compact: (docId, snapshot, uptoSeq, expectedRows) => inOrder(() => compactTx(docId, snapshot, uptoSeq, expectedRows)),
    delete: (docId) => inOrder(() => deleteTx(docId)),
  };

  const boards: BoardCatalog = {
    async create({ id, title, workshopId = null }) {
      const now = new Date().toISOString();
      q.createBoard.run(id, title, now, now, workshopId);
      return { id, title, createdAt: now, updatedAt: now, workshopId };
    },
    async get(id): Promise<BoardRecord | null> {
      const row = q.getBoard.get(id);
      return row
        ? { id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at, workshopId: row.workshop_id }
        : null;
    },
    async touch(id) {
      q.touchBoard.run(new Date().toISOString(), id);
    },
    async listIdleSince(cutoff) {
      return q.idleBoards.all(cutoff).map((row) => ({ id: row.id, title: row.title, createdAt: row.created_at, updatedAt: row.updated_at, workshopId: row.workshop_id }));
    },
    async delete(id) {
      q.deleteBoard.run(id);
    },
  };

  const writes = sqliteStorageWrites(db);
  let closing: Promise<void> | null = null;
  // Every driver failure (full disk, read-only file, I/O error) leaves as a StorageError.
  return {
    documents: guardStore(documents),
    boards: guardStore(boards),
    workshops: guardStore(sqliteWorkshopStore(db)),
    templates: guardStore(sqliteTemplateStore(db)),
    versions: guardStore(sqliteVersionStore(db)),
    ...guardStore({
      createWorkshop: (creation) => inOrder(() => writes.createWorkshop(creation)),
      deleteBoard: (board) => inOrder(() => writes.deleteBoard(board)),
      removeMember: (change) => writes.removeMember(change),
    } satisfies StorageWrites),
    async eraseDeleted() {
      // The WAL still holds the pages as they were before the delete: copy the zeroed pages into the
      // database and cut the WAL to nothing. TRUNCATE waits for readers (busy_timeout) and reports busy.
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (result && result.busy !== 0) throw new Error('could not checkpoint the WAL after a deletion (a reader held it)');
    },
    close() {
      // After every write asked before it (an append in flight is committed, not dropped), the thread
      // first, then the main connection (the last to close checkpoints the WAL into the file).
      closing ??= inOrder(async () => {
        await thread?.close();
        if (db.open) db.close();
      });
      return closing;
    },
  };
}

/**
 * A queue for the writes that must not overtake each other (see openSqliteStorage): each runs once
 * every write queued before it has settled, whether it succeeded or failed.
 */
function writeOrder(): <T>(write: () => T | Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (write) => {
    const run = last.then(write);
    last = run.catch(() => undefined);
    return run;
  };
}

/** The schema version from which every deletion was made with secure_delete on. */
const SECURE_DELETE_SINCE = 5;

/** VACUUM rewrites the file without its free pages; the WAL that held the copy is then emptied. */
function scrubFreePages(db: Database.Database): void {
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SQL_MIGRATIONS.length) {
    throw new Error(`The database in use has schema ${version}; this Sammen knows up to ${SQL_MIGRATIONS.length}. Upgrade Sammen.`);
  }
  for (let v = version; v < SQL_MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(SQL_MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
