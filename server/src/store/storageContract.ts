import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initialWorkshopState } from '../workshops/types.js';
import type { Storage } from './DocumentStore.js';
import { catalogStoresContract } from './storageContract.catalogs.js';
import { workshopStoreContract } from './storageContract.workshops.js';
import { storageWritesContract } from './storageContract.writes.js';

/**
 * The contract every Storage implementation must meet, run against each one (SQLite in
 * SqliteStorage.test.ts, PostgreSQL in postgres/PostgresStorage.test.ts): documents and boards here,
 * workshops, templates, versions and the writes that belong together in storageContract.*.ts.
 * `open` must return a storage over the same data each time it is called with the same `place`, so
 * that "reopen" means what it says.
 */
export function storageContract(name: string, open: (place: string) => Promise<Storage>, newPlace: () => string): void {
  describe(`${name} storage contract`, () => {
    const opened: Storage[] = [];
    const openTracked = async (place: string) => {
      const s = await open(place);
      opened.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
    });
    const openAt = async (place = newPlace()) => ({ storage: await openTracked(place), place });
    workshopStoreContract(openAt);
    catalogStoresContract(openAt);
    storageWritesContract(openAt);

    const update = (text: string): Uint8Array => {
      const doc = new Y.Doc();
      doc.getText('t').insert(0, text);
      return Y.encodeStateAsUpdate(doc);
    };

    it('loads an unknown document as empty', async () => {
      const s = await openTracked(newPlace());
      expect(await s.documents.load('nobody')).toEqual({ snapshot: null, updates: [], lastSeq: 0, bytes: 0 });
    });

    it('appends in order with growing sequence numbers, per document', async () => {
      const s = await openTracked(newPlace());
      const u1 = update('a');
      const u2 = update('b');
      const seq1 = await s.documents.append('d1', u1);
      await s.documents.append('other', update('x'));
      const seq2 = await s.documents.append('d1', u2);
      expect(seq2).toBeGreaterThan(seq1);
      const loaded = await s.documents.load('d1');
      expect(loaded.updates).toEqual([u1, u2]);
      expect(loaded.lastSeq).toBe(seq2);
      expect(loaded.bytes).toBe(u1.byteLength + u2.byteLength);
    });

    it('appends a batch of several documents in one go, in order, after earlier appends', async () => {
      const s = await openTracked(newPlace());
      const u0 = update('a');
      const first = await s.documents.append('d1', u0);
      const [u1, u2, u3] = [update('b'), update('x'), update('c')];
      const seqs = await s.documents.appendBatch([
        { docId: 'd1', update: u1 },
        { docId: 'd2', update: u2 },
        { docId: 'd1', update: u3 },
      ]);
      expect(seqs).toHaveLength(3);
      expect(seqs[0]!).toBeGreaterThan(first);
      expect(seqs[1]!).toBeGreaterThan(seqs[0]!);
      expect(seqs[2]!).toBeGreaterThan(seqs[1]!);
      const d1 = await s.documents.load('d1');
      expect(d1.updates).toEqual([u0, u1, u3]);
      expect(d1.lastSeq).toBe(seqs[2]);
      expect((await s.documents.load('d2')).updates).toEqual([u2]);
      expect(await s.documents.appendBatch([])).toEqual([]);
    });

    it('a batch that cannot be stored stores none of its updates', async () => {
      const s = await openTracked(newPlace());
      const kept = update('kept');
      await s.documents.append('d1', kept);
      // A row without a document id breaks a NOT NULL constraint: the batch fails after its first row.
      const bad = { docId: null as unknown as string, update: update('bad') };
      await expect(s.documents.appendBatch([{ docId: 'd1', update: update('lost') }, bad])).rejects.toThrow();
      expect((await s.documents.load('d1')).updates).toEqual([kept]);
    });

    it('keeps what was appended across close and reopen', async () => {
      const place = newPlace();
      const first = await open(place);
      await first.documents.append('d1', update('durable æøå'));
      await first.boards.create({ id: 'b1', title: 'Borgermøde' });
      await first.close();
      const second = await openTracked(place);
      const loaded = await second.documents.load('d1');
      const doc = new Y.Doc();
      for (const u of loaded.updates) Y.applyUpdate(doc, u);
      expect(doc.getText('t').toString()).toBe('durable æøå');
      expect(await second.boards.get('b1')).toMatchObject({ id: 'b1', title: 'Borgermøde' });
    });

    it('compaction replaces history up to a sequence number and keeps later updates', async () => {
      const s = await openTracked(newPlace());
      const doc = new Y.Doc();
      const appends: Array<Promise<number>> = [];
      doc.on('update', (u: Uint8Array) => appends.push(s.documents.append('d1', u)));
      for (const ch of 'hello') doc.getText('t').insert(doc.getText('t').length, ch);
      const seq = Math.max(...(await Promise.all(appends)));
      const snapshot = Y.encodeStateAsUpdate(doc);
      const late = update('late');
      await s.documents.compact('d1', snapshot, seq);
      await s.documents.append('d1', late);
      const loaded = await s.documents.load('d1');
      expect(loaded.snapshot).toEqual(snapshot);
      expect(loaded.updates).toEqual([late]);
      expect(loaded.bytes).toBe(snapshot.byteLength + late.byteLength);
      const rebuilt = new Y.Doc();
      Y.applyUpdate(rebuilt, loaded.snapshot!);
      expect(rebuilt.getText('t').toString()).toBe('hello');
    });

    it('compaction that finds other rows than the caller read (a late commit, another compaction) changes nothing', async () => {
      const s = await openTracked(newPlace());
      const [a, b, merged] = [update('a'), update('b'), update('ab')];
      await s.documents.append('d1', a);
      const seq = await s.documents.append('d1', b);
      await expect(s.documents.compact('d1', a, seq, 1)).rejects.toThrow();
      expect(await s.documents.load('d1')).toMatchObject({ snapshot: null, updates: [a, b], lastSeq: seq });
      await s.documents.compact('d1', merged, seq, 2);
      expect(await s.documents.load('d1')).toMatchObject({ snapshot: merged, updates: [], lastSeq: seq });
    });

    it('a snapshot with no later updates reports its sequence as the last', async () => {
      const s = await openTracked(newPlace());
      const seq = await s.documents.append('d1', update('a'));
      await s.documents.compact('d1', update('a'), seq);
      expect((await s.documents.load('d1')).lastSeq).toBe(seq);
    });

    it('deletes a document and its history', async () => {
      const s = await openTracked(newPlace());
      const seq = await s.documents.append('d1', update('a'));
      await s.documents.compact('d1', update('a'), seq);
      await s.documents.append('d1', update('b'));
      await s.documents.delete('d1');
      expect(await s.documents.load('d1')).toEqual({ snapshot: null, updates: [], lastSeq: 0, bytes: 0 });
    });

    it('board catalogue: create, get, touch, unknown', async () => {
      const s = await openTracked(newPlace());
      const created = await s.boards.create({ id: 'b1', title: 'Kommune 3.0' });
      expect(await s.boards.get('b1')).toEqual(created);
      expect(await s.boards.get('b2')).toBeNull();
      await new Promise((r) => setTimeout(r, 5));
      await s.boards.touch('b1');
      const touched = await s.boards.get('b1');
      expect(touched!.updatedAt > created.updatedAt).toBe(true);
      await expect(s.boards.create({ id: 'b1', title: 'again' })).rejects.toThrow();
    });

    it('keeps each workshop\'s retention (null: made before it existed) and erases what was deleted', async () => {
      const place = newPlace();
      const s = await openTracked(place);
      const workshop = (id: string, retentionDays: number | null) =>
        s.workshops.create(
          { id, boardId: `b-${id}`, title: id, language: 'nn', joinCode: null, observerToken: null, state: initialWorkshopState(), createdAt: '2026-01-01T00:00:00Z', retentionDays },
          { id: `m-${id}`, workshopId: id, role: 'facilitator', name: 'F', tokenHash: `h-${id}`, createdAt: '2026-01-01T00:00:00Z', removed: false },
        );
      await workshop('w30', 30);
      await workshop('old', null);
      await s.workshops.delete('old');
      await s.eraseDeleted();
      const again = await openTracked(place);
      expect((await again.workshops.get('w30'))?.retentionDays).toBe(30);
      expect(await again.workshops.get('old')).toBeNull();
    });
  });
}
