import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type TestDatabase, createTestDatabase, requirePostgres } from '../../../tests/harness/postgres.js';
import type { Storage } from '../store/DocumentStore.js';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import { openPostgresStorage } from '../store/postgres/PostgresStorage.js';
import { initialWorkshopState } from '../workshops/types.js';
import { copyToPostgres } from './copyToPostgres.js';

const hasPostgres = await requirePostgres();

const update = (text: string): Uint8Array => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

/** Everything a reader of the store sees, through the Storage interface. */
async function contents(s: Storage) {
  return {
    boards: await Promise.all(['b-w1', 'open'].map((id) => s.boards.get(id))),
    docs: await Promise.all(['b-w1', 'open', 'private:b-w1:p1'].map((id) => s.documents.load(id))),
    workshop: await s.workshops.get('w1'),
    members: await s.workshops.listMembers('w1'),
    templates: await s.templates.list(),
    versions: await s.versions.list('b-w1'),
  };
}

describe.skipIf(!hasPostgres)('copy-to-postgres', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it('moves everything from the SQLite file to an empty PostgreSQL, sequence numbers included, and refuses a second time', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-copy-'));
    const sqlite = openSqliteStorage(dir);
    const template = JSON.parse(fs.readFileSync(new URL('../../templates/what-matters.json', import.meta.url), 'utf8'));
    await sqlite.createWorkshop({
      workshop: { id: 'w1', boardId: 'b-w1', title: 'Borgerpanel æøå', language: 'da', joinCode: 'ABC123', observerToken: 'obs', state: initialWorkshopState(), createdAt: '2026-01-01T00:00:00.000Z', retentionDays: 30 },
      members: [
        { id: 'f1', workshopId: 'w1', role: 'facilitator', name: 'Fie', tokenHash: 'h-f1', createdAt: '2026-01-01T00:00:00.000Z', removed: false },
        { id: 'p1', workshopId: 'w1', role: 'participant', name: 'Per', tokenHash: 'h-p1', createdAt: '2026-01-01T00:00:01.000Z', removed: false },
      ],
      documents: [{ docId: 'private:b-w1:p1', update: update('hemmelig') }],
      versions: [{ id: 'v1', boardId: 'b-w1', name: 'Før', createdAt: '2026-01-02T00:00:00.000Z', state: update('v') }],
    });
    for (let i = 0; i < 450; i++) await sqlite.documents.append('b-w1', update(`note ${i}`)); // more than one INSERT's worth
    const seq = await sqlite.documents.append('open', update('a'));
    await sqlite.documents.compact('open', update('a'), seq);
    const last = await sqlite.documents.append('open', update('b'));
    await sqlite.boards.create({ id: 'open', title: 'Åben' });
    await sqlite.templates.save({ id: 't1', ownerKeyHash: 'o', template, createdAt: '2026-01-03T00:00:00.000Z', updatedAt: '2026-01-03T00:00:00.000Z' });
    expect(await sqlite.removeMember({ workshopId: 'w1', memberId: 'p1', expectedRevision: 0, state: { ...initialWorkshopState(), question: 'Hvad?' } })).toBe(1);
    const before = await contents(sqlite);
    await sqlite.close();

    const database = (await createTestDatabase())!;
    databases.push(database);
    const counts = await copyToPostgres(dir, database.url);
    expect(counts).toEqual({ boards: 2, doc_snapshots: 1, doc_updates: 452, workshops: 1, members: 2, templates: 1, board_versions: 1 });

    const postgres = await openPostgresStorage(database.url);
    try {
      expect(await contents(postgres)).toEqual(before);
      expect(before.members[1]!.removed).toBe(true);
      expect(before.workshop!.stateRevision).toBe(1);
      // Appends continue after the copied sequence numbers.
      expect(await postgres.documents.append('open', update('c'))).toBeGreaterThan(last);
    } finally {
      await postgres.close();
    }
    await expect(copyToPostgres(dir, database.url)).rejects.toThrow(/holds Sammen data already/);
  });
});
