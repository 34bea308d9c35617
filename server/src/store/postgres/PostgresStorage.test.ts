import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type TestDatabase, createTestDatabase, requirePostgres } from '../../../../tests/harness/postgres.js';
import { storageContract } from '../storageContract.js';
import { openPostgresStorage, withDurableCommits } from './PostgresStorage.js';
import { PG_MIGRATIONS } from './pgMigrations.js';

// Fails on CI when PostgreSQL is unreachable; elsewhere skips with the reason printed.
const hasPostgres = await requirePostgres();

describe.skipIf(!hasPostgres)('PostgreSQL storage', () => {
  // One fresh database for this file (dropped after); each "place" of the contract is a schema in it,
  // so that reopening a place finds the same data and every test starts empty.
  let database: Promise<TestDatabase> | null = null;
  const testDatabase = () => (database ??= createTestDatabase().then((d) => d!));
  afterAll(async () => {
    if (database) await (await database).drop();
  });
  let places = 0;
  const placeUrl = async (place: string): Promise<string> => {
    const { url } = await testDatabase();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS ${place}`);
    await admin.end();
    const withSchema = new URL(url);
    withSchema.searchParams.set('options', `-c search_path=${place}`);
    return withSchema.toString();
  };

  storageContract('PostgreSQL', async (place) => openPostgresStorage(await placeUrl(place)), () => `place_${++places}`);

  it('refuses a database written by a newer Sammen, saying what to do', async () => {
    const url = await placeUrl('newer');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE sammen_schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    await client.query('INSERT INTO sammen_schema_migrations (version) VALUES ($1)', [PG_MIGRATIONS.length + 1]);
    await client.end();
    await expect(openPostgresStorage(url)).rejects.toThrow(/Upgrade Sammen/);
  });

  it('several processes starting at once migrate the schema once, without racing', async () => {
    const url = await placeUrl('racing');
    const stores = await Promise.all(Array.from({ length: 5 }, () => openPostgresStorage(url)));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ version: number }>('SELECT version FROM sammen_schema_migrations ORDER BY version');
    await client.end();
    expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
    await Promise.all(stores.map((s) => s.close()));
  });

  it('commits durably even where the database defaults to synchronous_commit=off, keeping options given', async () => {
    const url = await placeUrl('durable');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const name = (await admin.query<{ d: string }>('SELECT current_database() AS d')).rows[0]!.d;
    await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    await admin.end();
    const session = new pg.Client({ connectionString: withDurableCommits(url) });
    await session.connect();
    try {
      expect((await session.query('SHOW synchronous_commit')).rows[0]).toEqual({ synchronous_commit: 'on' });
      expect((await session.query('SHOW search_path')).rows[0]).toEqual({ search_path: 'durable' });
    } finally {
      await session.end();
    }
    const plain = new pg.Client({ connectionString: url });
    await plain.connect();
    expect((await plain.query('SHOW synchronous_commit')).rows[0]).toEqual({ synchronous_commit: 'off' }); // the test can fail
    await plain.end();
  });

  it('a server that cannot be reached is `unavailable`, not a crash', async () => {
    await expect(openPostgresStorage('postgres://postgres@127.0.0.1:1/none')).rejects.toMatchObject({ name: 'StorageError', kind: 'unavailable' });
  });

  it('a lost connection makes writes fail as `unavailable`, and the store works again afterwards', async () => {
    const url = await placeUrl('lost');
    const storage = await openPostgresStorage(url);
    try {
      await storage.documents.append('d1', new Uint8Array([1]));
      // Ends every session of this storage's pool from the outside, as a PostgreSQL restart would.
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query NOT ILIKE '%pg_terminate_backend%'");
      await admin.end();
      const failed = await storage.documents.append('d1', new Uint8Array([2])).then(() => null, (e: unknown) => e);
      // The idle connection may have been replaced already; if the append failed it must say why.
      if (failed) expect(failed).toMatchObject({ name: 'StorageError', kind: 'unavailable' });
      await storage.documents.append('d1', new Uint8Array([3]));
      const loaded = await storage.documents.load('d1');
      expect(loaded.updates.map((u) => u[0])).toEqual(failed ? [1, 3] : [1, 2, 3]);
    } finally {
      await storage.close();
    }
  });
});
