import Database from 'better-sqlite3';
import { StorageError } from './StorageError.js';

/**
 * Opens one connection to the SQLite file with the settings every connection needs. `synchronous`,
 * `busy_timeout` and `secure_delete` belong to the connection, not the file: the main connection and
 * the append thread's (sqliteAppendThread.ts) each set them, or one of them would commit without a
 * flush, fail at once on the other's write lock, or leave deleted bytes in free pages.
 */
export function openSqliteConnection(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  // Two connections write the file (WAL has one write lock): each waits for the other's commit, which
  // lasts one flush (or a checkpoint), rather than failing with SQLITE_BUSY.
  db.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten with zeros, not left in free pages: an erased workshop leaves no trace.
  db.pragma('secure_delete = ON');
  return db;
}

/**
 * The document append as one transaction over `db`: used on the main connection (`appendThread: false`)
 * and in the append thread, so both write exactly the same rows. Sequence numbers come from
 * AUTOINCREMENT, taken under SQLite's write lock: a row committed later always has a higher seq than
 * every row committed before it, whichever connection wrote it (compaction relies on it).
 */
export function sqliteAppendBatch(db: Database.Database): (entries: ReadonlyArray<{ docId: string; update: Uint8Array }>) => number[] {
  // `.run()`, never `.get()` on `INSERT … RETURNING`: `.get()` stops after the first row and did not
  // report a commit that failed on a full disk (the row was gone, the caller was told it was stored).
  const append = db.prepare<[string, Uint8Array]>('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)');
  // One transaction: synchronous=FULL flushes the WAL once at its commit, whatever its size. IMMEDIATE
  // takes the write lock at BEGIN (waiting through busy_timeout), never half-way.
  const tx = db.transaction((entries: ReadonlyArray<{ docId: string; update: Uint8Array }>) =>
    entries.map(({ docId, update }) => {
      const result = append.run(docId, update);
      if (result.changes !== 1) throw new StorageError('unavailable', new Error('append stored no row'));
      return Number(result.lastInsertRowid);
    }),
  );
  return (entries) => (entries.length ? tx.immediate(entries) : []);
}
