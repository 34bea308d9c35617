import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, requirePostgres } from '../harness/postgres.js';

const hasPostgres = await requirePostgres();

describe.skipIf(!hasPostgres)('test database harness', () => {
  it('creates a fresh empty database and drops it', async () => {
    const db = (await createTestDatabase())!;
    const client = new pg.Client({ connectionString: db.url });
    // drop() below ends this session on purpose; pg reports that as an 'error' event (57P01), which
    // without a listener is an uncaught exception that fails the whole test run.
    const ended: Error[] = [];
    client.on('error', (err) => ended.push(err));
    await client.connect();
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'");
    expect(rows[0]!.n).toBe('0');
    const name = (await client.query<{ d: string }>('SELECT current_database() AS d')).rows[0]!.d;
    expect(name).toMatch(/^sammen_t_[0-9a-f]{12}$/);
    // drop() ends open sessions too (a killed server may leave some)
    await db.drop();
    await client.end().catch(() => {});
    const again = new pg.Client({ connectionString: db.url });
    await expect(again.connect()).rejects.toThrow(/does not exist/);
  });
});
