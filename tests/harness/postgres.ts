import crypto from 'node:crypto';
import pg from 'pg';

/**
 * A real PostgreSQL for tests: each caller gets its own fresh, empty database and drops it after.
 *
 * Where: `TEST_DATABASE_URL` if set (any database on the server; it is only used to create and drop
 * others), else the PG* variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE), else
 * 127.0.0.1:5432, database `test`, trust auth as user `postgres` and then `root`.
 *
 * When PostgreSQL cannot be reached:
 * - `process.env.CI === 'true'`: every function here THROWS (a CI run must fail loudly, not skip).
 * - otherwise `createTestDatabase()` returns null and `requirePostgres()` returns false after printing
 *   why, so a test file can `describe.skipIf(!(await requirePostgres()))(…)`.
 *
 * Usage:
 *   const hasPostgres = await requirePostgres();
 *   describe.skipIf(!hasPostgres)('…', () => {
 *     let db: TestDatabase;
 *     beforeAll(async () => { db = (await createTestDatabase())!; });
 *     afterAll(() => db.drop());
 *   });
 */
export interface TestDatabase {
  /** postgres://… of the new database (what DATABASE_URL takes). */
  url: string;
  /** Drops the database (closing any connection still open to it). Safe to call twice. */
  drop(): Promise<void>;
}

const inCi = () => process.env.CI === 'true';

/** Candidate admin URLs, in the order tried. */
function adminUrls(): string[] {
  if (process.env.TEST_DATABASE_URL) return [process.env.TEST_DATABASE_URL];
  const host = process.env.PGHOST || '127.0.0.1';
  const port = process.env.PGPORT || '5432';
  const database = process.env.PGDATABASE || 'test';
  const password = process.env.PGPASSWORD ? `:${encodeURIComponent(process.env.PGPASSWORD)}` : '';
  const users = process.env.PGUSER ? [process.env.PGUSER] : ['postgres', 'root'];
  return users.map((user) => `postgres://${encodeURIComponent(user)}${password}@${host}:${port}/${database}`);
}

let admin: Promise<{ url: string } | { reason: string }> | null = null;

/** The first admin URL that accepts a connection, or why none did (found once per process). */
function findAdmin(): Promise<{ url: string } | { reason: string }> {
  admin ??= (async () => {
    const reasons: string[] = [];
    for (const url of adminUrls()) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return { url };
      } catch (err) {
        reasons.push(`${redact(url)}: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        await client.end().catch(() => {});
      }
    }
    return { reason: `PostgreSQL is not reachable (${reasons.join('; ')})` };
  })();
  return admin;
}

const redact = (url: string) => url.replace(/:[^:@/]*@/, ':***@');

/**
 * True when PostgreSQL is reachable. Not reachable: throws on CI, else prints the reason and returns
 * false (the caller skips).
 */
export async function requirePostgres(): Promise<boolean> {
  const found = await findAdmin();
  if ('url' in found) return true;
  if (inCi()) throw new Error(`${found.reason} — CI=true, so tests that need PostgreSQL fail instead of skipping`);
  console.warn(`[skipped] ${found.reason}; start PostgreSQL on 127.0.0.1:5432 (trust, database test) or set TEST_DATABASE_URL`);
  return false;
}

/** A fresh empty database `sammen_t_<random>`; null (not on CI) when PostgreSQL is unreachable. */
export async function createTestDatabase(): Promise<TestDatabase | null> {
  if (!(await requirePostgres())) return null;
  const { url: adminUrl } = (await findAdmin()) as { url: string };
  const name = `sammen_t_${crypto.randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      // FORCE (PostgreSQL 13+) ends sessions a killed server process may have left behind.
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
