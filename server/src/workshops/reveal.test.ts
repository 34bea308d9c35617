import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type StickyNote, getElement, getElements, insertElement, updateElement } from '@sammen/shared';
import type { DocumentStore } from '../store/DocumentStore.js';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import { StorageError } from '../store/StorageError.js';
import { createLocalBus } from '../sync/Bus.js';
import { RoomManager } from '../sync/RoomManager.js';
import { LATE_REVEAL_MS, isLateForReveal, lateNoteAllowed, privateDocId, revealPrivateNotes, withLateReveal } from './reveal.js';
import { type WorkshopState, initialWorkshopState } from './types.js';
import { ServerDocs } from './serverDocs.js';
import type { MemberRecord } from './types.js';

const quietLog = { info() {}, warn() {}, error() {} };
const member = (id: string, name: string): MemberRecord => ({
  id, workshopId: 'w', role: 'participant', name, tokenHash: `h${id}`, createdAt: '2026-01-01T00:00:00Z', removed: false,
});
const note = (id: string, text: string): StickyNote => ({
  id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text,
});

/** Real rooms over a real SQLite store whose appends to chosen documents can be made to fail. */
function setup() {
  const real = openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-reveal-'))).documents;
  const failFor = new Set<string>();
  const documents: DocumentStore = {
    ...real,
    append: async (id, update) => {
      if (failFor.has(id)) throw new StorageError('full', new Error('SQLITE_FULL'));
      return real.append(id, update);
    },
  };
  const rooms = new RoomManager({
    store: documents, gate: { check: () => ({ ok: true }) }, bus: createLocalBus(), log: quietLog,
    maxDocBytes: 1 << 20, compactAfterUpdates: 1000, idleUnloadMs: 60_000,
  });
  return { docs: new ServerDocs({ documents, rooms }), failFor };
}

describe('revealPrivateNotes when storing fails', () => {
  it('a reveal stopped after the board was stored can run again: nothing is lost, copied twice or overwritten', async () => {
    const { docs, failFor } = setup();
    const alice = member('alice', 'Alice');
    const bent = member('bent', 'Bent');
    await docs.edit(privateDocId('b', 'alice'), (d) => insertElement(d, note('a1', 'Mere grønt')));
    await docs.edit(privateDocId('b', 'bent'), (d) => insertElement(d, note('b1', 'Flere bænke')));

    // The board is stored, then emptying Bent's private notes fails: the caller hears about it.
    failFor.add(privateDocId('b', 'bent'));
    await expect(revealPrivateNotes(docs, 'b', [alice, bent], 'named')).rejects.toBeInstanceOf(StorageError);
    expect(await docs.read(privateDocId('b', 'bent'), (d) => getElements(d).map((e) => e.id))).toEqual(['b1']);
    // Meanwhile the facilitator moves Bent's note into a cluster on the board.
    await docs.edit('b', (d) => updateElement(d, 'b1', { x: 900 }));

    failFor.clear();
    await revealPrivateNotes(docs, 'b', [alice, bent], 'named');
    const board = await docs.read('b', (d) => getElements(d));
    expect(board.map((e) => e.id).sort()).toEqual(['a1', 'b1']);
    expect(await docs.read('b', (d) => getElement(d, 'b1'))).toMatchObject({ x: 900, author: 'Bent', text: 'Flere bænke' });
    expect(await docs.read(privateDocId('b', 'bent'), getElements)).toEqual([]);
  });

  it('a reveal whose board change cannot be stored changes nothing', async () => {
    const { docs, failFor } = setup();
    await docs.edit(privateDocId('b', 'alice'), (d) => insertElement(d, note('a1', 'Mere grønt')));
    expect(await docs.read('b', getElements)).toEqual([]); // the board is open (its schema stamp stored)
    failFor.add('b');
    await expect(revealPrivateNotes(docs, 'b', [member('alice', 'Alice')], 'anonymous')).rejects.toBeInstanceOf(StorageError);
    expect(await docs.read('b', getElements)).toEqual([]);
    expect(await docs.read(privateDocId('b', 'alice'), (d) => getElements(d).map((e) => e.id))).toEqual(['a1']);
  });
});

describe('a note late for its reveal', () => {
  const revealedAt = 1_000_000;
  const after = (change: (s: WorkshopState) => void = () => {}): WorkshopState => {
    const s = initialWorkshopState();
    s.private = { active: false, reveal: 'named', endedBy: 'reveal' };
    s.reveals = [{ at: revealedAt, stepIndex: 0, notes: 3, mode: 'named' }];
    change(s);
    return s;
  };

  it('is revealed within the window after a reveal, and counted in it', () => {
    expect(isLateForReveal(after(), revealedAt + 1000)).toBe(true);
    expect(isLateForReveal(after(), revealedAt + LATE_REVEAL_MS + 1)).toBe(false);
    expect(withLateReveal(after(), 2).reveals).toEqual([{ at: revealedAt, stepIndex: 0, notes: 5, mode: 'named' }]);
  });

  it('is not revealed after a stop, during a round, in a state from before endedBy, or on a locked board', () => {
    expect(isLateForReveal(after((s) => (s.private.endedBy = 'stop')), revealedAt + 1000)).toBe(false);
    expect(isLateForReveal(after((s) => (s.private = { active: true, reveal: 'named' })), revealedAt + 1000)).toBe(false);
    expect(isLateForReveal(after((s) => delete s.private.endedBy), revealedAt + 1000)).toBe(false);
    expect(isLateForReveal(after((s) => (s.locks.board = true)), revealedAt + 1000)).toBe(false);
  });

  it('does not go into a frame whose contents are locked', () => {
    const allowed = lateNoteAllowed(after((s) => (s.locks.frames = [{ frameId: 'f1', contents: true }, { frameId: 'f2', contents: false }])));
    const note = (frameId: string | null) => ({ id: 'n', type: 'note', index: 'a0', frameId, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: '' }) as StickyNote;
    expect([null, 'f1', 'f2'].map((f) => allowed(note(f)))).toEqual([true, false, true]);
  });
});
