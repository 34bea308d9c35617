import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { openSqliteStorage } from './SqliteStorage.js';

const bytesOf = (dir: string): Buffer => Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));

it('a database deleted from before secure_delete keeps no old text once this Sammen has opened it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-scrub-'));
  const marker = `Gammel hemmelighed ${Date.now()}`;
  // Schema 4, as an older Sammen left it: a row deleted without secure_delete stays in a free page.
  const storage = openSqliteStorage(dir);
  await storage.close();
  const old = new Database(path.join(dir, 'sammen.db'));
  old.pragma('secure_delete = OFF');
  old.exec('DROP TABLE IF EXISTS scratch; CREATE TABLE scratch (t TEXT)');
  const insert = old.prepare('INSERT INTO scratch (t) VALUES (?)');
  for (let i = 0; i < 200; i++) insert.run(`${marker} ${'x'.repeat(200)}`);
  old.exec('DELETE FROM scratch; DROP TABLE scratch');
  old.pragma('wal_checkpoint(TRUNCATE)');
  old.exec('ALTER TABLE workshops DROP COLUMN state_revision');
  old.exec('ALTER TABLE workshops DROP COLUMN retention_days');
  old.pragma('user_version = 4');
  old.close();
  expect(bytesOf(dir).includes(Buffer.from(marker))).toBe(true);

  const reopened = openSqliteStorage(dir);
  expect(bytesOf(dir).includes(Buffer.from(marker))).toBe(false);
  await reopened.close();
  expect(bytesOf(dir).includes(Buffer.from(marker))).toBe(false);
});
