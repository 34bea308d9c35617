import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { openSqliteStorage } from './SqliteStorage.js';
import { storageContract } from './storageContract.js';

const newPlace = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-sqlite-'));
storageContract('SQLite', async (dir) => openSqliteStorage(dir), newPlace);

it('refuses a database written by a newer Sammen, saying what to do', () => {
  const dir = newPlace();
  const db = new Database(path.join(dir, 'sammen.db'));
  db.pragma('user_version = 99');
  db.close();
  expect(() => openSqliteStorage(dir)).toThrow(/newer|Upgrade Sammen/);
});

it('runs with full durability settings', async () => {
  const dir = newPlace();
  const storage = openSqliteStorage(dir);
  await storage.close();
  const db = new Database(path.join(dir, 'sammen.db'));
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  db.close();
});
