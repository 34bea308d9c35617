import { expect, it } from 'vitest';
import { initialWorkshopState, type MemberRecord, type NewWorkshopRecord } from '../workshops/types.js';
import type { Storage } from './DocumentStore.js';

/** Opens a tracked storage (closed after each test) over `place`, or over a fresh place when none is given. */
export type OpenStorage = (place?: string) => Promise<{ storage: Storage; place: string }>;

export const newWorkshop = (id: string, over: Partial<NewWorkshopRecord> = {}): NewWorkshopRecord => ({
  id, boardId: `b-${id}`, title: `Workshop ${id}`, language: 'nb', joinCode: `J${id}`.toUpperCase(), observerToken: `obs-${id}`,
  state: initialWorkshopState(), createdAt: '2026-01-01T00:00:00.000Z', retentionDays: 30, ...over,
});
export const newMember = (id: string, workshopId: string, over: Partial<MemberRecord> = {}): MemberRecord => ({
  id, workshopId, role: 'participant', name: `Navn ${id} æøå`, tokenHash: `hash-${id}`, createdAt: '2026-01-01T00:00:01.000Z', removed: false, ...over,
});

/** Workshops and members: part of the storage contract (called inside its describe). */
export function workshopStoreContract(open: OpenStorage): void {
  it('workshops: create, look up by id, board, join code and observer token; unknown gives null', async () => {
    const { storage: s } = await open();
    const w = newWorkshop('w1', { language: 'nn', retentionDays: null });
    await s.workshops.create(w, newMember('f1', 'w1', { role: 'facilitator' }));
    const expected = { ...w, stateRevision: 0 };
    expect(await s.workshops.get('w1')).toEqual(expected);
    expect(await s.workshops.getByBoardId('b-w1')).toEqual(expected);
    expect(await s.workshops.getByJoinCode('JW1')).toEqual(expected);
    expect(await s.workshops.getByObserverToken('obs-w1')).toEqual(expected);
    expect(await s.workshops.get('nope')).toBeNull();
    expect(await s.workshops.getByBoardId('nope')).toBeNull();
    expect(await s.workshops.getByJoinCode('NOPE')).toBeNull();
    expect(await s.workshops.getByObserverToken('nope')).toBeNull();
    // Ids, board ids, join codes and observer tokens are unique.
    await expect(s.workshops.create(newWorkshop('w1', { boardId: 'other', joinCode: 'X1', observerToken: 'o1' }), newMember('f2', 'w1'))).rejects.toThrow();
    await expect(s.workshops.create(newWorkshop('w2', { joinCode: 'JW1' }), newMember('f3', 'w2'))).rejects.toThrow();
  });

  it('workshops: links can be changed and revoked; a revoked code finds nothing', async () => {
    const { storage: s } = await open();
    await s.workshops.create(newWorkshop('w1'), newMember('f1', 'w1', { role: 'facilitator' }));
    await s.workshops.setLinks('w1', { joinCode: 'NEW123' });
    expect(await s.workshops.getByJoinCode('JW1')).toBeNull();
    expect((await s.workshops.getByJoinCode('NEW123'))?.id).toBe('w1');
    expect((await s.workshops.get('w1'))?.observerToken).toBe('obs-w1');
    await s.workshops.setLinks('w1', { joinCode: null, observerToken: null });
    expect(await s.workshops.get('w1')).toMatchObject({ joinCode: null, observerToken: null });
  });

  it('workshops: state is stored as given and compare-and-set moves the revision by one', async () => {
    const { storage: s, place } = await open();
    await s.workshops.create(newWorkshop('w1'), newMember('f1', 'w1', { role: 'facilitator' }));
    const state = { ...initialWorkshopState(), place: 'Rådhuset', question: 'Hvordan?', current: 2 };
    expect(await s.workshops.compareAndSetState('w1', 0, state)).toBe(1);
    expect(await s.workshops.get('w1')).toMatchObject({ state, stateRevision: 1 });
    // A writer that read revision 0 lost the race: nothing is written.
    expect(await s.workshops.compareAndSetState('w1', 0, { ...state, current: 9 })).toBeNull();
    expect(await s.workshops.get('w1')).toMatchObject({ state, stateRevision: 1 });
    expect(await s.workshops.compareAndSetState('w1', 1, { ...state, current: 3 })).toBe(2);
    // saveState writes whatever the revision is, and bumps it so a stale compare-and-set fails.
    await s.workshops.saveState('w1', { ...state, current: 4 });
    expect(await s.workshops.get('w1')).toMatchObject({ state: { current: 4 }, stateRevision: 3 });
    expect(await s.workshops.compareAndSetState('w1', 2, state)).toBeNull();
    expect(await s.workshops.compareAndSetState('nope', 0, state)).toBeNull();
    const again = (await open(place)).storage;
    expect(await again.workshops.get('w1')).toMatchObject({ state: { current: 4 }, stateRevision: 3 });
  });

  it('workshops: of many concurrent compare-and-sets on one revision exactly one wins', async () => {
    const { storage: s } = await open();
    await s.workshops.create(newWorkshop('w1'), newMember('f1', 'w1', { role: 'facilitator' }));
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => s.workshops.compareAndSetState('w1', 0, { ...initialWorkshopState(), current: i })),
    );
    expect(results.filter((r) => r === 1)).toHaveLength(1);
    expect(results.filter((r) => r === null)).toHaveLength(7);
    const winner = results.indexOf(1);
    expect(await s.workshops.get('w1')).toMatchObject({ state: { current: winner }, stateRevision: 1 });
  });

  it('members: added, found by token hash, listed in order of joining, role and removal changed', async () => {
    const { storage: s } = await open();
    const f = newMember('f1', 'w1', { role: 'facilitator', createdAt: '2026-01-01T00:00:00.000Z' });
    await s.workshops.create(newWorkshop('w1'), f);
    const p1 = newMember('p1', 'w1', { createdAt: '2026-01-01T00:00:02.000Z' });
    const p2 = newMember('p2', 'w1', { createdAt: '2026-01-01T00:00:03.000Z' });
    await s.workshops.addMember(p2);
    await s.workshops.addMember(p1);
    expect(await s.workshops.getMemberByTokenHash('hash-p1')).toEqual(p1);
    expect(await s.workshops.getMemberByTokenHash('nope')).toBeNull();
    expect(await s.workshops.listMembers('w1')).toEqual([f, p1, p2]);
    expect(await s.workshops.listMembers('nope')).toEqual([]);
    await s.workshops.updateMember('p1', { role: 'cofacilitator' });
    await s.workshops.updateMember('p2', { removed: true });
    expect(await s.workshops.listMembers('w1')).toEqual([f, { ...p1, role: 'cofacilitator' }, { ...p2, removed: true }]);
    await expect(s.workshops.addMember(newMember('p3', 'w1', { tokenHash: 'hash-p1' }))).rejects.toThrow();
  });

  it('workshops: delete removes the workshop and its members', async () => {
    const { storage: s } = await open();
    await s.workshops.create(newWorkshop('w1'), newMember('f1', 'w1', { role: 'facilitator' }));
    await s.workshops.addMember(newMember('p1', 'w1'));
    await s.workshops.create(newWorkshop('w2'), newMember('f2', 'w2', { role: 'facilitator' }));
    await s.workshops.delete('w1');
    expect(await s.workshops.get('w1')).toBeNull();
    expect(await s.workshops.listMembers('w1')).toEqual([]);
    expect(await s.workshops.getMemberByTokenHash('hash-p1')).toBeNull();
    expect(await s.workshops.listMembers('w2')).toHaveLength(1);
  });
}
