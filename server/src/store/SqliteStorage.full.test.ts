import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mountSmallDisk } from '../../../tests/harness/tmpfs.js';
import { openSqliteStorage } from './SqliteStorage.js';
import { StorageError, fromSqliteError } from './StorageError.js';

// A real 1 MiB filesystem: the store must report the first write it could not commit, and every
// write it did report must be there after reopening. (`.get()` on `INSERT … RETURNING` reported
// success for writes that were never committed.)
const disk = mountSmallDisk(1024 * 1024);
afterAll(() => {
  if (typeof disk !== 'string') disk.unmount();
});

/** An update of about 3 KB that does not compress (tmpfs does not compress, but be sure). */
function bigUpdate(i: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, `${i}:` + Buffer.from(crypto.getRandomValues(new Uint8Array(2200))).toString('base64'));
  return Y.encodeStateAsUpdate(doc);
}

describe.skipIf(typeof disk === 'string')(`SQLite on a full disk${typeof disk === 'string' ? ` (skipped: ${disk})` : ''}`, () => {
  it('rejects the first append it cannot commit with StorageError "full"; every resolved append survives a reopen', async () => {
    const dir = (disk as Exclude<typeof disk, string>).dir;
    const storage = openSqliteStorage(dir);
    const acknowledged: Uint8Array[] = [];
    let failure: unknown = null;
    for (let i = 0; i < 2000 && !failure; i++) {
      const update = bigUpdate(i);
      await storage.documents.append('doc', update).then(
        () => acknowledged.push(update),
        (err: unknown) => (failure = err),
      );
    }
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as StorageError).kind).toBe('full');
    expect(acknowledged.length).toBeGreaterThan(20);
    // Other writes fail the same way, as StorageError (the HTTP layer turns that into 507).
    await expect(storage.boards.create({ id: 'b'.repeat(21), title: 'x'.repeat(20_000) })).rejects.toBeInstanceOf(StorageError);
    await storage.close();

    const reopened = openSqliteStorage(dir);
    const loaded = await reopened.documents.load('doc');
    expect(loaded.updates.length).toBe(acknowledged.length);
    expect(loaded.updates).toEqual(acknowledged);
    await reopened.close();
  });
});

describe('storage failures are classified', () => {
  it('a write to a read-only database is "unavailable"', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-ro-'));
    openSqliteStorage(dir).close();
    const db = new Database(path.join(dir, 'sammen.db'), { readonly: true });
    let thrown: unknown;
    try {
      db.prepare("INSERT INTO boards (id, title, created_at, updated_at) VALUES ('a', 'b', 'c', 'd')").run();
    } catch (err) {
      thrown = err;
    }
    db.close();
    const classified = fromSqliteError(thrown);
    expect(classified).toBeInstanceOf(StorageError);
    expect((classified as StorageError).kind).toBe('unavailable');
  });

  it('a constraint violation is not a storage failure (it is a bug or a bad request)', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY)');
    db.prepare("INSERT INTO t VALUES ('a')").run();
    let thrown: unknown;
    try {
      db.prepare("INSERT INTO t VALUES ('a')").run();
    } catch (err) {
      thrown = err;
    }
    db.close();
    expect(fromSqliteError(thrown)).toBe(thrown);
  });
});
