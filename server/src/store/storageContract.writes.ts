import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { initialWorkshopState } from '../workshops/types.js';
import type { Storage } from './DocumentStore.js';
import { type OpenStorage, newMember, newWorkshop } from './storageContract.workshops.js';

const update = (text: string): Uint8Array => {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};
const EMPTY = { snapshot: null, updates: [], lastSeq: 0, bytes: 0 };

/** Everything stored about workshop `id` (board `b-<id>`), to compare before and after. */
async function everything(s: Storage, id: string, memberIds: string[]) {
  const boardId = `b-${id}`;
  return {
    board: await s.boards.get(boardId),
    workshop: await s.workshops.get(id),
    members: await s.workshops.listMembers(id),
    boardDoc: await s.documents.load(boardId),
    privateDocs: await Promise.all(memberIds.map((m) => s.documents.load(`private:${boardId}:${m}`))),
    versions: await s.versions.list(boardId),
  };
}

/** A workshop as an import makes it: two members, the board, a private document and a version. */
const imported = (id: string) => ({
  workshop: newWorkshop(id),
  members: [newMember(`f-${id}`, id, { role: 'facilitator' }), newMember(`p-${id}`, id)],
  documents: [
    { docId: `b-${id}`, update: update('tavle') },
    { docId: `private:b-${id}:p-${id}`, update: update('privat') },
  ],
  versions: [{ id: `v-${id}`, boardId: `b-${id}`, name: 'Etter avstemningen', createdAt: '2026-01-02T00:00:00.000Z', state: update('v') }],
});

/** The writes that belong together (StorageWrites): part of the storage contract. */
export function storageWritesContract(open: OpenStorage): void {
  it('createWorkshop stores board, workshop, members, documents and versions together', async () => {
    const { storage: s } = await open();
    const creation = imported('w1');
    await s.createWorkshop(creation);
    const stored = await everything(s, 'w1', ['p-w1']);
    expect(stored.board).toMatchObject({ id: 'b-w1', title: 'Workshop w1', workshopId: 'w1' });
    expect(stored.workshop).toEqual({ ...creation.workshop, stateRevision: 0 });
    expect(stored.members).toEqual(creation.members);
    expect(stored.boardDoc.updates).toEqual([creation.documents[0]!.update]);
    expect(stored.privateDocs[0]!.updates).toEqual([creation.documents[1]!.update]);
    expect(stored.versions).toEqual(creation.versions);
    // A plain creation: only the facilitator, no content.
    await s.createWorkshop({ workshop: newWorkshop('w2'), members: [newMember('f-w2', 'w2', { role: 'facilitator' })] });
    expect(await everything(s, 'w2', [])).toMatchObject({ board: { workshopId: 'w2' }, members: [{ id: 'f-w2' }], boardDoc: EMPTY, versions: [] });
  });

  it('createWorkshop that fails half-way (after board and workshop) stores nothing', async () => {
    const { storage: s } = await open();
    await s.createWorkshop(imported('w1'));
    const before = await everything(s, 'w1', ['p-w1']);
    // The second member's token hash is taken: the failure comes after the board, workshop and first member.
    const clash = imported('w2');
    clash.members[1] = newMember('p-w2', 'w2', { tokenHash: 'hash-p-w1' });
    await expect(s.createWorkshop(clash)).rejects.toThrow();
    // Its second version's id is taken: the failure comes after every other row.
    const late = imported('w3');
    late.versions.push({ ...late.versions[0]!, id: 'v-w1' });
    await expect(s.createWorkshop(late)).rejects.toThrow();
    for (const id of ['w2', 'w3']) {
      expect(await everything(s, id, [`p-${id}`])).toEqual({ board: null, workshop: null, members: [], boardDoc: EMPTY, privateDocs: [EMPTY], versions: [] });
      expect(await s.workshops.getMemberByTokenHash(`hash-f-${id}`)).toBeNull();
    }
    expect(await everything(s, 'w1', ['p-w1'])).toEqual(before);
  });

  it('deleteBoard removes the board with its workshop, members, documents, snapshots and versions, and nothing else', async () => {
    const { storage: s } = await open();
    await s.createWorkshop(imported('w1'));
    // A board id that starts with the other: its private documents must survive.
    await s.createWorkshop(imported('w1x'));
    const seq = await s.documents.append('b-w1', update('mer'));
    await s.documents.compact('b-w1', update('tavle mer'), seq);
    await s.documents.append('private:b-w1:gone-member', update('rest')); // a member row that no longer exists
    const otherBefore = await everything(s, 'w1x', ['p-w1x']);
    const open_ = await s.boards.create({ id: 'open-board', title: 'Åpen' });
    await s.documents.append('open-board', update('åpen'));

    await s.deleteBoard({ id: 'b-w1', workshopId: 'w1' });
    await s.eraseDeleted();
    expect(await everything(s, 'w1', ['p-w1', 'gone-member'])).toEqual({ board: null, workshop: null, members: [], boardDoc: EMPTY, privateDocs: [EMPTY, EMPTY], versions: [] });
    expect(await s.workshops.getMemberByTokenHash('hash-p-w1')).toBeNull();
    expect(await everything(s, 'w1x', ['p-w1x'])).toEqual(otherBefore);
    expect(await s.boards.get('open-board')).toEqual(open_);

    await s.deleteBoard({ id: 'open-board', workshopId: null });
    expect(await s.boards.get('open-board')).toBeNull();
    expect(await s.documents.load('open-board')).toEqual(EMPTY);
    expect(await everything(s, 'w1x', ['p-w1x'])).toEqual(otherBefore);
  });

  it('removeMember flags the member and stores the state together, by compare-and-set', async () => {
    const { storage: s } = await open();
    await s.createWorkshop(imported('w1'));
    const state = { ...initialWorkshopState(), hands: [] };
    // A stale revision: nothing is written, neither the flag nor the state.
    expect(await s.removeMember({ workshopId: 'w1', memberId: 'p-w1', expectedRevision: 7, state })).toBeNull();
    expect((await s.workshops.getMemberByTokenHash('hash-p-w1'))?.removed).toBe(false);
    expect((await s.workshops.get('w1'))?.stateRevision).toBe(0);

    const withQuestion = { ...state, question: 'Hvem?' };
    expect(await s.removeMember({ workshopId: 'w1', memberId: 'p-w1', expectedRevision: 0, state: withQuestion })).toBe(1);
    expect((await s.workshops.getMemberByTokenHash('hash-p-w1'))?.removed).toBe(true);
    expect(await s.workshops.get('w1')).toMatchObject({ state: withQuestion, stateRevision: 1 });
    // Without an expected revision it writes whatever the revision is.
    await s.workshops.saveState('w1', state);
    expect(await s.removeMember({ workshopId: 'w1', memberId: 'f-w1', expectedRevision: null, state: withQuestion })).toBe(3);
  });

  it('removeMember that fails half-way (no such member, after the state) stores nothing', async () => {
    const { storage: s } = await open();
    await s.createWorkshop(imported('w1'));
    await expect(s.removeMember({ workshopId: 'w1', memberId: 'nobody', expectedRevision: 0, state: { ...initialWorkshopState(), question: 'x' } })).rejects.toThrow();
    expect(await s.workshops.get('w1')).toMatchObject({ state: initialWorkshopState(), stateRevision: 0 });
  });
}
