import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import { type MemberRecord, initialWorkshopState } from './types.js';
import { WorkshopCache } from './workshopCache.js';

const member = (id: string, extra: Partial<MemberRecord> = {}): MemberRecord => ({
  id, workshopId: 'w', role: 'participant', name: id, tokenHash: `h-${id}`, createdAt: '2026-01-01T00:00:00Z', removed: false, ...extra,
});

async function setUp() {
  const storage = openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-cache-')));
  await storage.boards.create({ id: 'b', title: 'b', workshopId: 'w' });
  await storage.workshops.create(
    { id: 'w', boardId: 'b', title: 'W', language: 'da', joinCode: 'CODE', observerToken: 'o', state: initialWorkshopState(), createdAt: '2026-01-01T00:00:00Z', retentionDays: 0 },
    member('f', { role: 'facilitator' }),
  );
  return { storage, cache: new WorkshopCache(storage.workshops) };
}

it('a read that started before a newer change never replaces it', async () => {
  const { storage, cache } = await setUp();
  const stale = (await cache.read('w'))!;
  const locked = { ...stale.workshop.state, locks: { board: true, frames: [] } };
  const revision = await storage.workshops.compareAndSetState('w', stale.workshop.stateRevision, locked);
  expect(revision).toBe(stale.workshop.stateRevision + 1);
  cache.keep({ workshop: { ...stale.workshop, state: locked, stateRevision: revision! }, members: stale.members });
  cache.keep(stale); // the old read arrives late
  expect(cache.peek('w')!.workshop.state.locks.board).toBe(true);
  await cache.refresh('w');
  expect(cache.peek('w')!.workshop.stateRevision).toBe(revision);
  await storage.close();
});

it('members merge: a removal is never undone by an old read, a member who just joined is not dropped', async () => {
  const { storage, cache } = await setUp();
  const before = (await cache.read('w'))!;
  await storage.workshops.addMember(member('alice'));
  await storage.workshops.updateMember('alice', { removed: true });
  await cache.read('w');
  expect(cache.peek('w')!.members.find((m) => m.id === 'alice')?.removed).toBe(true);
  cache.keep(before); // a read from before Alice joined and was removed
  expect(cache.peek('w')!.members.find((m) => m.id === 'alice')?.removed).toBe(true);
  cache.keep({ workshop: before.workshop, members: [...before.members, member('bent')] }); // joined here a moment ago
  await cache.refresh('w'); // the store has not heard of Bent in this test
  expect(cache.peek('w')!.members.map((m) => m.id).sort()).toEqual(['alice', 'bent', 'f']);
  await storage.close();
});

it('refreshes coalesce: a burst of calls reads at most twice more, and a deleted workshop leaves the cache', async () => {
  const { storage, cache } = await setUp();
  await cache.load('w');
  let reads = 0;
  const get = storage.workshops.get.bind(storage.workshops);
  storage.workshops.get = async (id) => (reads++, get(id));
  await Promise.all(Array.from({ length: 20 }, () => cache.refresh('w')));
  expect(reads).toBeLessThanOrEqual(2);
  await storage.workshops.delete('w');
  await cache.refresh('w');
  expect(cache.peek('w')).toBeUndefined();
  await storage.close();
});
