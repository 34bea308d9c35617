import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createLocalBus } from '../sync/Bus.js';
import { RoomManager } from '../sync/RoomManager.js';
import { type RetentionPolicy, chooseRetention, importedRetention, purgeExpired } from './retention.js';
import { openSqliteStorage } from './SqliteStorage.js';
import { initialWorkshopState } from '../workshops/types.js';

const update = () => {
  const d = new Y.Doc();
  d.getText('t').insert(0, 'x');
  return Y.encodeStateAsUpdate(d);
};
const DAY = 24 * 3600_000;

describe('retention', () => {
  it('deletes each board when its own retention has run out, with workshop, members, private notes and versions', async () => {
    const storage = openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-retention-')));
    const rooms = new RoomManager({
      store: storage.documents, gate: { check: () => ({ ok: true }) }, bus: createLocalBus(),
      log: { info() {}, warn() {}, error() {} }, maxDocBytes: 1 << 20, compactAfterUpdates: 100, idleUnloadMs: 1000,
    });
    const workshop = async (id: string, retentionDays: number | null) => {
      await storage.boards.create({ id: `b-${id}`, title: id, workshopId: id });
      await storage.workshops.create(
        { id, boardId: `b-${id}`, title: id, language: 'da', joinCode: `CODE${id}`, observerToken: `o-${id}`, state: initialWorkshopState(), createdAt: '2020-01-01T00:00:00Z', retentionDays },
        { id: `m-${id}`, workshopId: id, role: 'facilitator', name: 'F', tokenHash: `h-${id}`, createdAt: '2020-01-01T00:00:00Z', removed: false },
      );
      await storage.documents.append(`b-${id}`, update());
      await storage.documents.append(`private:b-${id}:m-${id}`, update());
      await storage.versions.save({ id: `v-${id}`, boardId: `b-${id}`, name: 'v', createdAt: '2020', state: update() });
    };
    await workshop('w7', 7);
    await workshop('w30', 30);
    await workshop('keep', 0);
    await workshop('old', null); // made before per-workshop retention: the server's default
    await storage.boards.create({ id: 'open', title: 'open' });
    const policy: RetentionPolicy = { openBoardDays: 0, defaultDays: 14, maxDays: 0 };
    const now = Date.now();

    expect(await purgeExpired(storage, rooms, policy, now + 5 * DAY)).toEqual([]);
    expect(await purgeExpired(storage, rooms, policy, now + 8 * DAY)).toEqual(['b-w7']);
    expect(await purgeExpired(storage, rooms, policy, now + 15 * DAY)).toEqual(['b-old']);
    expect((await purgeExpired(storage, rooms, { ...policy, openBoardDays: 20 }, now + 31 * DAY)).sort()).toEqual(['b-w30', 'open']);
    expect(await purgeExpired(storage, rooms, policy, now + 3650 * DAY)).toEqual([]); // "keep" is kept
    for (const id of ['w7', 'w30', 'old']) {
      expect(await storage.workshops.get(id)).toBeNull();
      expect(await storage.workshops.listMembers(id)).toEqual([]);
      expect((await storage.documents.load(`b-${id}`)).updates).toEqual([]);
      expect((await storage.documents.load(`private:b-${id}:m-${id}`)).updates).toEqual([]);
      expect(await storage.versions.list(`b-${id}`)).toEqual([]);
    }
    expect(await storage.workshops.get('keep')).not.toBeNull();
    await rooms.close();
    await storage.close();
  });

  it('a facilitator chooses within the operator maximum; imports are shortened to it', () => {
    const free: RetentionPolicy = { openBoardDays: 0, defaultDays: 0, maxDays: 0 };
    const capped: RetentionPolicy = { openBoardDays: 0, defaultDays: 30, maxDays: 90 };
    expect(chooseRetention(undefined, free)).toEqual({ ok: true, days: 0 });
    expect(chooseRetention(0, free)).toEqual({ ok: true, days: 0 });
    expect(chooseRetention(undefined, capped)).toEqual({ ok: true, days: 30 });
    expect(chooseRetention(90, capped)).toEqual({ ok: true, days: 90 });
    expect(chooseRetention(91, capped)).toMatchObject({ ok: false, message: expect.stringMatching(/1 to 90/) });
    expect(chooseRetention(0, capped)).toMatchObject({ ok: false });
    expect(importedRetention(0, capped)).toBe(90);
    expect(importedRetention(365, capped)).toBe(90);
    expect(importedRetention(undefined, capped)).toBe(30);
    expect(importedRetention(12, capped)).toBe(12);
  });
});
