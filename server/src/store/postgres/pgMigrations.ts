import type pg from 'pg';

/**
 * The PostgreSQL schema, one entry per version; applied versions are recorded in
 * `sammen_schema_migrations`. Never edit an entry that has shipped: add one.
 * Text columns that are sorted or compared use COLLATE "C" (byte order), as SQLite does, so both
 * stores list in the same order; times are ISO strings as in SQLite (compared as text).
 */
export const PG_MIGRATIONS: readonly string[] = [
  `CREATE TABLE boards (
     id text COLLATE "C" PRIMARY KEY,
     title text NOT NULL,
     created_at text COLLATE "C" NOT NULL,
     updated_at text COLLATE "C" NOT NULL,
     workshop_id text
   );
   CREATE INDEX boards_by_updated ON boards (updated_at);
   CREATE TABLE doc_snapshots (
     doc_id text COLLATE "C" PRIMARY KEY,
     data bytea NOT NULL,
     upto_seq bigint NOT NULL
   );
   CREATE TABLE doc_updates (
     seq bigserial PRIMARY KEY,
     doc_id text COLLATE "C" NOT NULL,
     data bytea NOT NULL
   );
   CREATE INDEX doc_updates_by_doc ON doc_updates (doc_id, seq);
   CREATE TABLE workshops (
     id text COLLATE "C" PRIMARY KEY,
     board_id text COLLATE "C" NOT NULL UNIQUE,
     title text NOT NULL,
     language text NOT NULL,
     join_code text COLLATE "C" UNIQUE,
     observer_token text COLLATE "C" UNIQUE,
     state text NOT NULL,
     state_revision bigint NOT NULL DEFAULT 0,
     created_at text COLLATE "C" NOT NULL,
     retention_days integer
   );
   CREATE TABLE members (
     id text COLLATE "C" PRIMARY KEY,
     workshop_id text COLLATE "C" NOT NULL REFERENCES workshops (id),
     role text NOT NULL,
     name text NOT NULL,
     token_hash text COLLATE "C" NOT NULL UNIQUE,
     created_at text COLLATE "C" NOT NULL,
     removed boolean NOT NULL DEFAULT false
   );
   CREATE INDEX members_by_workshop ON members (workshop_id);
   CREATE TABLE templates (
     id text COLLATE "C" PRIMARY KEY,
     owner_key_hash text NOT NULL,
     data text NOT NULL,
     created_at text COLLATE "C" NOT NULL,
     updated_at text COLLATE "C" NOT NULL
   );
   CREATE TABLE board_versions (
     id text COLLATE "C" PRIMARY KEY,
     board_id text COLLATE "C" NOT NULL,
     name text NOT NULL,
     created_at text COLLATE "C" NOT NULL,
     data bytea NOT NULL
   );
   CREATE INDEX board_versions_by_board ON board_versions (board_id, created_at);`,
];

/** Any fixed number: the advisory lock that serialises schema migrations of every Sammen process. */
const MIGRATION_LOCK = 0x5a_4d_4d_45; // "SMME"

/**
 * Brings the schema up to date in ONE transaction that first takes a transaction-level advisory lock:
 * several processes starting at once queue on the lock, and each one after the first finds the
 * versions applied and does nothing. A crash half-way rolls the whole migration back.
 */
export async function migratePostgres(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS sammen_schema_migrations (
         version integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM sammen_schema_migrations');
    const current = rows[0]?.v ?? 0;
    if (current > PG_MIGRATIONS.length) {
      throw new Error(`The database in use has schema ${current}; this Sammen knows up to ${PG_MIGRATIONS.length}. Upgrade Sammen.`);
    }
    for (let v = current; v < PG_MIGRATIONS.length; v++) {
      await client.query(PG_MIGRATIONS[v]!);
      await client.query('INSERT INTO sammen_schema_migrations (version) VALUES ($1)', [v + 1]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
