import pg from 'pg';
import type { BoardCatalog, BoardRecord, DocumentStore, Storage, StoredDocument } from '../DocumentStore.js';
import { guardStore } from '../StorageError.js';
import { pgTemplateStore, pgVersionStore } from './pgCatalogStores.js';
import { fromPostgresError } from './pgErrors.js';
import { migratePostgres } from './pgMigrations.js';
import { pgStorageWrites } from './pgStorageWrites.js';
import { pgWorkshopStore } from './pgWorkshopStore.js';

export interface PostgresOptions {
  /** Connections in the pool (each process has its own pool). */
  poolSize?: number;
}

interface BoardRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
  workshop_id: string | null;
}
const toBoard = (r: BoardRow): BoardRecord => ({ id: r.id, title: r.title, createdAt: r.created_at, updatedAt: r.updated_at, workshopId: r.workshop_id });

/**
 * Everything in PostgreSQL (`DATABASE_URL=postgres://…`), so that several Sammen processes can share
 * one store. Durability: every write commits before its promise resolves, with synchronous_commit
 * forced on for our sessions (the server may default to off), so a resolved append is in the WAL on
 * disk. Schema migrations run at start under an advisory lock (pgMigrations.ts).
 */
export async function openPostgresStorage(url: string, options: PostgresOptions = {}): Promise<Storage> {
  const pool = new pg.Pool({ connectionString: withDurableCommits(url), max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // An idle connection that dies (server restart) is reported here; without a listener it would crash
  // the process. The next query gets a fresh connection or fails as `unavailable`.
  pool.on('error', () => {});

  try {
    const client = await pool.connect();
    try {
      await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => {});
    throw fromPostgresError(err);
  }

  async function inTransaction<T>(run: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await run(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw err;
    } finally {
      // A connection whose ROLLBACK failed is in an unknown state: close it rather than reuse it.
      client.release(broken);
    }
  }

  const documents: DocumentStore = {
    async append(docId, update) {
      const { rows } = await pool.query<{ seq: string }>('INSERT INTO doc_updates (doc_id, data) VALUES ($1, $2) RETURNING seq', [docId, Buffer.from(update)]);
      return Number(rows[0]!.seq);
    },
    async appendBatch(entries) {
      if (entries.length === 0) return [];
      // One statement in one transaction (autocommit): all rows or none, one WAL flush. `nextval` is
      // evaluated after the ORDER BY (PostgreSQL ≥ 9.6 computes volatile outputs after sorting), so
      // the sequence numbers grow in the order given; sorting them ascending restores that order.
      const { rows } = await pool.query<{ seq: string }>(
        `INSERT INTO doc_updates (seq, doc_id, data)
         SELECT nextval(pg_get_serial_sequence('doc_updates', 'seq')), d, u
         FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(d, u, n)
         ORDER BY n
         RETURNING seq`,
        [entries.map((e) => e.docId), entries.map((e) => Buffer.from(e.update))],
      );
      if (rows.length !== entries.length) throw new Error(`appendBatch stored ${rows.length} of ${entries.length} rows`);
      return rows.map((r) => Number(r.seq)).sort((a, b) => a - b);
    },
    async load(docId): Promise<StoredDocument> {
      // Snapshot and updates in ONE statement, so both come from one view of the database: a
      // compaction committing in between cannot make us miss the updates it folded into a snapshot
      // we did not read. One round trip, too (a cold board opens on it).
      const { rows } = await pool.query<{ snapshot: boolean; seq: string; data: Buffer }>(
        `SELECT true AS snapshot, upto_seq AS seq, data FROM doc_snapshots WHERE doc_id = $1
         UNION ALL
         SELECT false, seq, data FROM doc_updates WHERE doc_id = $1
         ORDER BY snapshot DESC, seq`,
        [docId],
      );
      const snap = rows[0]?.snapshot ? rows[0] : null;
      const updateRows = snap ? rows.slice(1) : rows;
      let bytes = snap ? snap.data.byteLength : 0;
      const updates = updateRows.map((r) => {
        bytes += r.data.byteLength;
        return new Uint8Array(r.data);
      });
      const last = updateRows.length ? updateRows[updateRows.length - 1]! : snap;
      return { snapshot: snap ? new Uint8Array(snap.data) : null, updates, lastSeq: last ? Number(last.seq) : 0, bytes };
    },
    async compact(docId, snapshot, uptoSeq, expectedRows) {
      await inTransaction(async (c) => {
        await c.query(
          `INSERT INTO doc_snapshots (doc_id, data, upto_seq) VALUES ($1, $2, $3)
           ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq`,
          [docId, Buffer.from(snapshot), uptoSeq],
        );
        // Only rows the snapshot was made from: later appends (seq > uptoSeq) stay.
        const { rowCount } = await c.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq <= $2', [docId, uptoSeq]);
        // A row with a lower seq that committed after the caller's read would be deleted unmerged:
        // roll back (see DocumentStore.compact).
        if (expectedRows !== undefined && rowCount !== expectedRows) throw new Error(`compaction expected ${expectedRows} rows up to ${uptoSeq}, found ${rowCount}; nothing changed`);
      });
    },
    async delete(docId) {
      await inTransaction(async (c) => {
        await c.query('DELETE FROM doc_snapshots WHERE doc_id = $1', [docId]);
        await c.query('DELETE FROM doc_updates WHERE doc_id = $1', [docId]);
      });
    },
  };

  const boards: BoardCatalog = {
    async create({ id, title, workshopId = null }) {
      const now = new Date().toISOString();
      await pool.query('INSERT INTO boards (id, title, created_at, updated_at, workshop_id) VALUES ($1, $2, $3, $3, $4)', [id, title, now, workshopId]);
      return { id, title, createdAt: now, updatedAt: now, workshopId };
    },
    async get(id) {
      const { rows } = await pool.query<BoardRow>('SELECT id, title, created_at, updated_at, workshop_id FROM boards WHERE id = $1', [id]);
      return rows[0] ? toBoard(rows[0]) : null;
    },
    async touch(id) {
      await pool.query('UPDATE boards SET updated_at = $1 WHERE id = $2', [new Date().toISOString(), id]);
    },
    async listIdleSince(cutoff) {
      const { rows } = await pool.query<BoardRow>('SELECT id, title, created_at, updated_at, workshop_id FROM boards WHERE updated_at < $1 ORDER BY updated_at', [cutoff]);
      return rows.map(toBoard);
    },
    async delete(id) {
      await pool.query('DELETE FROM boards WHERE id = $1', [id]);
    },
  };

  const guard = <T extends object>(store: T): T => guardStore(store as never, fromPostgresError) as T;
  let closed = false;
  return {
    documents: guard(documents),
    boards: guard(boards),
    workshops: guard(pgWorkshopStore(pool, inTransaction)),
    templates: guard(pgTemplateStore(pool)),
    versions: guard(pgVersionStore(pool)),
    ...guard(pgStorageWrites(inTransaction)),
    async eraseDeleted() {
      // A DELETE in PostgreSQL only marks rows dead; their bytes stay in the table's pages until
      // VACUUM removes them (and their index entries) and the space is reused. VACUUM FULL would
      // rewrite the files without them but locks each table against every read and write while it
      // runs, which on doc_updates stops every board of every process: so the small catalogue tables
      // (names, workshop state) get VACUUM FULL, the document tables a plain VACUUM. Copies in the
      // WAL, in free space not yet reused and in backups remain until PostgreSQL recycles them; see
      // docs/security.md for what an operator must do beyond this.
      // VACUUM FULL waits for its lock, and every query on the table queues behind it meanwhile: if it
      // cannot have the lock soon (a long transaction elsewhere), a plain VACUUM does what it can.
      let client: pg.PoolClient | null = null;
      try {
        client = await pool.connect();
        await client.query("SET lock_timeout = '2s'");
        try {
          await client.query('VACUUM FULL workshops, members, boards, board_versions');
        } catch (err) {
          if ((err as { code?: unknown }).code !== '55P03') throw err; // lock_not_available
          await client.query('VACUUM workshops, members, boards, board_versions');
        }
        await client.query('VACUUM doc_updates, doc_snapshots');
      } catch (err) {
        throw fromPostgresError(err);
      } finally {
        // lock_timeout stays set on this session: close it rather than hand it to the next query.
        client?.release(true);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/**
 * The URL with `synchronous_commit=on` as a session setting at connection start (no extra query),
 * whatever the server's default: a COMMIT then returns only once its WAL is flushed to disk. Options
 * already given (in the URL, or PGOPTIONS) are kept.
 */
export function withDurableCommits(url: string): string {
  const parsed = new URL(url);
  const given = parsed.searchParams.get('options') ?? process.env.PGOPTIONS ?? '';
  parsed.searchParams.set('options', `${given} -c synchronous_commit=on`.trim());
  return parsed.toString();
}
