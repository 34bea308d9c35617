import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLocalBus } from '../sync/Bus.js';
import { RoomManager } from '../sync/RoomManager.js';
import { purgeIdleBoards } from './retention.js';
import { openSqliteStorage } from './SqliteStorage.js';
import { initialWorkshopState } from '../workshops/types.js';

const update = () => {
  const d = new Y.Doc();
  d.getText('t').insert(0, 'x');
  return Y.encodeStateAsUpdate(d);
};

it('deletes boards idle past the retention period with their workshop, private notes and versions; keeps the rest', async () => {
  const storage = openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-retention-')));
  const rooms = new RoomManager({
    store: storage.documents, gate: { check: () => ({ ok: true }) }, bus: createLocalBus(),
    log: { info() {}, warn() {}, error() {} }, maxDocBytes: 1 << 20, compactAfterUpdates: 100, idleUnloadMs: 1000,
  });
  await storage.boards.create({ id: 'old', title: 'old', workshopId: 'w1' });
  await storage.workshops.create(
    { id: 'w1', boardId: 'old', title: 'old', language: 'da', joinCode: 'ABCDEF', observerToken: 'o', state: initialWorkshopState(), createdAt: '2020-01-01T00:00:00Z' },
    { id: 'm1', workshopId: 'w1', role: 'facilitator', name: 'F', tokenHash: 'h', createdAt: '2020-01-01T00:00:00Z', removed: false },
  );
  await storage.documents.append('old', update());
  await storage.documents.append('private:old:m1', update());
  await storage.versions.save({ id: 'v1', boardId: 'old', name: 'v', createdAt: '2020', state: update() });
  await storage.boards.create({ id: 'fresh', title: 'fresh' });
  await storage.documents.append('fresh', update());

  const day = 24 * 3600_000;
  // 30 days from now, with 10 days' retention: both are idle; only a purge with 0 days does nothing.
  expect(await purgeIdleBoards(storage, rooms, 0, Date.now() + 30 * day)).toEqual([]);
  await storage.boards.touch('fresh');
  const deleted = await purgeIdleBoards(storage, rooms, 10, Date.now() + 5 * day);
  expect(deleted).toEqual([]);
  expect(await purgeIdleBoards(storage, rooms, 10, Date.now() + 30 * day)).toEqual(expect.arrayContaining(['old', 'fresh']));
  expect(await storage.boards.get('old')).toBeNull();
  expect(await storage.workshops.get('w1')).toBeNull();
  expect(await storage.workshops.listMembers('w1')).toEqual([]);
  expect((await storage.documents.load('old')).updates).toEqual([]);
  expect((await storage.documents.load('private:old:m1')).updates).toEqual([]);
  expect(await storage.versions.list('old')).toEqual([]);
  await rooms.close();
  await storage.close();
});
