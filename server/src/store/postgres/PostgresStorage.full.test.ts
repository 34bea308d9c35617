import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type TestDatabase, createTestDatabase, requirePostgres } from '../../../../tests/harness/postgres.js';
import { type SmallDisk, mountSmallDisk } from '../../../../tests/harness/tmpfs.js';
import { StorageError } from '../StorageError.js';
import { openPostgresStorage } from './PostgresStorage.js';

// PostgreSQL on a full disk, for real: a tablespace on a 512 KiB tmpfs holds the table of document updates
// of a database of our own (the WAL stays on the server's disk). The first append that cannot extend a table must be
// rejected as StorageError "full" (SQLSTATE 53100), and every append that resolved must be there.
// Needs root and the PostgreSQL server on this machine (as on CI, which fails when it cannot mount).
const hasPostgres = await requirePostgres();
const disk: SmallDisk | string = hasPostgres ? mountSmallDisk(512 * 1024) : 'no PostgreSQL';

/** The data folder of the PostgreSQL we talk to, if it is on this machine (else why not). */
async function localServerOwner(url: string): Promise<{ uid: number; gid: number } | string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const dataDir = (await client.query<{ d: string }>("SELECT current_setting('data_directory') AS d")).rows[0]!.d;
    if (!fs.existsSync(dataDir)) return `the PostgreSQL server's data folder ${dataDir} is not on this machine`;
    const { uid, gid } = fs.statSync(dataDir);
    return { uid, gid };
  } finally {
    await client.end();
  }
}

function bigUpdate(i: number): Uint8Array {
  const doc = new Y.Doc();
  // Random bytes as base64: PostgreSQL compresses large values (TOAST), and random data does not compress.
  doc.getText('t').insert(0, `${i}:` + crypto.randomBytes(2200).toString('base64'));
  return Y.encodeStateAsUpdate(doc);
}

describe.skipIf(typeof disk === 'string')(`PostgreSQL on a full disk${typeof disk === 'string' ? ` (skipped: ${disk})` : ''}`, () => {
  const tablespace = `sammen_full_${crypto.randomBytes(4).toString('hex')}`;
  let database: TestDatabase;
  let skipReason: string | null = null;
  const sql = async (query: string) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    database = (await createTestDatabase())!;
    const owner = await localServerOwner(database.url);
    if (typeof owner === 'string') {
      if (process.env.CI === 'true') throw new Error(owner);
      skipReason = owner;
      return;
    }
    const dir = (disk as SmallDisk).dir;
    fs.chownSync(dir, owner.uid, owner.gid);
    await sql(`CREATE TABLESPACE ${tablespace} LOCATION '${dir}'`);
    // The schema as Sammen makes it; then the updates table (with its TOAST table) moves to the small disk.
    await (await openPostgresStorage(database.url)).close();
    await sql(`ALTER TABLE doc_updates SET TABLESPACE ${tablespace}`);
  });
  afterAll(async () => {
    if (database) {
      if (!skipReason) {
        // The tablespace must be empty before it can go, and it must go before the disk is unmounted.
        await sql('DROP TABLE IF EXISTS doc_updates');
        await sql(`DROP TABLESPACE IF EXISTS ${tablespace}`);
      }
      await database.drop();
    }
    (disk as SmallDisk).unmount();
  });

  it('rejects the first append it cannot store with StorageError "full"; every resolved append is there', async (context) => {
    if (skipReason) return context.skip(skipReason);
    const storage = await openPostgresStorage(database!.url);
    const acknowledged: Uint8Array[] = [];
    let failure: unknown = null;
    for (let i = 0; i < 4000 && !failure; i++) {
      const update = bigUpdate(i);
      await storage.documents.append('doc', update).then(
        () => acknowledged.push(update),
        (err: unknown) => (failure = err),
      );
    }
    expect(failure).toBeInstanceOf(StorageError);
    expect(failure).toMatchObject({ kind: 'full', cause: { code: '53100' } });
    expect(acknowledged.length).toBeGreaterThan(20);
    // A batch fails whole, the same way.
    await expect(storage.documents.appendBatch([{ docId: 'doc2', update: bigUpdate(-1) }, { docId: 'doc2', update: bigUpdate(-2) }])).rejects.toMatchObject({ kind: 'full' });
    expect((await storage.documents.load('doc2')).updates).toEqual([]);
    await storage.close();

    const reopened = await openPostgresStorage(database!.url);
    const loaded = await reopened.documents.load('doc');
    expect(loaded.updates).toEqual(acknowledged);
    await reopened.close();
  });
});
