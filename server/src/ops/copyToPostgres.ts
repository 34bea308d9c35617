import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import { openPostgresStorage } from '../store/postgres/PostgresStorage.js';

/**
 * The tables both stores share, in an order that satisfies PostgreSQL's foreign keys, with the
 * columns to copy. Both schemas are the same apart from types (SQLite's 0/1 is PostgreSQL's boolean).
 */
const TABLES: ReadonlyArray<{ name: string; columns: string[] }> = [
  { name: 'boards', columns: ['id', 'title', 'created_at', 'updated_at', 'workshop_id'] },
  { name: 'doc_snapshots', columns: ['doc_id', 'data', 'upto_seq'] },
  { name: 'doc_updates', columns: ['seq', 'doc_id', 'data'] },
  { name: 'workshops', columns: ['id', 'board_id', 'title', 'language', 'join_code', 'observer_token', 'state', 'state_revision', 'created_at', 'retention_days'] },
  { name: 'members', columns: ['id', 'workshop_id', 'role', 'name', 'token_hash', 'created_at', 'removed'] },
  { name: 'templates', columns: ['id', 'owner_key_hash', 'data', 'created_at', 'updated_at'] },
  { name: 'board_versions', columns: ['id', 'board_id', 'name', 'created_at', 'data'] },
];
const ROWS_PER_INSERT = 200;

/**
 * `npm run copy-to-postgres`: moves a server from its SQLite file (DATA_DIR) to PostgreSQL
 * (DATABASE_URL) — every board, document with its sequence numbers, workshop, member, template and
 * version, secrets included. Stop the server first. The PostgreSQL database must hold no Sammen data
 * yet; everything is written in one transaction, so a failed copy leaves it empty. Returns the rows
 * copied per table (checked against the counts read).
 */
export async function copyToPostgres(dataDir: string, databaseUrl: string): Promise<Record<string, number>> {
  const file = path.join(dataDir, 'sammen.db');
  if (!fs.existsSync(file)) throw new Error(`no Sammen database at ${file} (set DATA_DIR to the server's data folder)`);
  // Opening each store as the server does brings the SQLite file to the current schema and creates
  // PostgreSQL's.
  await openSqliteStorage(dataDir).close();
  await (await openPostgresStorage(databaseUrl)).close();

  const source = new Database(file, { readonly: true, fileMustExist: true });
  const target = new pg.Client({ connectionString: databaseUrl });
  await target.connect();
  const copied: Record<string, number> = {};
  try {
    await target.query('BEGIN');
    const existing = await target.query<{ n: string }>(`SELECT (${TABLES.map((t) => `(SELECT count(*) FROM ${t.name})`).join(' + ')}) AS n`);
    if (Number(existing.rows[0]!.n) > 0) throw new Error('the PostgreSQL database holds Sammen data already; copy into an empty database');
    // One read transaction: every table as of the same moment.
    source.exec('BEGIN');
    for (const table of TABLES) {
      let batch: unknown[][] = [];
      let count = 0;
      const flush = async () => {
        if (!batch.length) return;
        const width = table.columns.length;
        const values = batch.map((_, r) => `(${table.columns.map((_c, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
        await target.query(`INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES ${values}`, batch.flat());
        count += batch.length;
        batch = [];
      };
      for (const row of source.prepare(`SELECT ${table.columns.join(', ')} FROM ${table.name}`).raw().iterate() as Iterable<unknown[]>) {
        batch.push(table.name === 'members' ? row.map((v, i) => (table.columns[i] === 'removed' ? v === 1 : v)) : row);
        if (batch.length >= ROWS_PER_INSERT) await flush();
      }
      await flush();
      const expected = (source.prepare(`SELECT count(*) AS n FROM ${table.name}`).get() as { n: number }).n;
      if (count !== expected) throw new Error(`${table.name}: copied ${count} rows of ${expected}`);
      copied[table.name] = count;
    }
    source.exec('COMMIT');
    // New appends continue after the highest copied sequence number.
    await target.query("SELECT setval(pg_get_serial_sequence('doc_updates', 'seq'), GREATEST((SELECT max(seq) FROM doc_updates), 1), (SELECT count(*) > 0 FROM doc_updates))");
    await target.query('COMMIT');
    return copied;
  } catch (err) {
    await target.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    if (source.inTransaction) source.exec('ROLLBACK');
    source.close();
    await target.end();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('usage: DATA_DIR=./data DATABASE_URL=postgres://… npm run copy-to-postgres   (stop the server first)');
    process.exit(2);
  }
  copyToPostgres(path.resolve(process.env.DATA_DIR || './data'), databaseUrl).then(
    (counts) => console.log(`copied to PostgreSQL: ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
