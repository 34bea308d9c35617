import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type StickyNote, getElement, getElementText, getElements, insertElement, notesToReveal, revealedNotes, updateElement } from '@sammen/shared';
import type { DocumentStore } from '../store/DocumentStore.js';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import { StorageError } from '../store/StorageError.js';
import { createLocalBus } from '../sync/Bus.js';
import { RoomManager } from '../sync/RoomManager.js';
import {
  LATE_REVEAL_MS, forgetRevealedNotes, isLateForReveal, lateNoteAllowed, privateDocId, revealPrivateNotes, textCarry, withLateReveal,
} from './reveal.js';
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
    // Bent's note is recorded as revealed (it stays in his private document until the next round).
    expect(await docs.read(privateDocId('b', 'bent'), (d) => notesToReveal(d))).toEqual([]);
    expect(await docs.read(privateDocId('b', 'bent'), (d) => revealedNotes(d).toJSON())).toEqual({ b1: 'Flere bænke' });
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

describe('the rest of a note that arrives after its reveal', () => {
  const olga = member('olga', 'Olga');
  const typeAt = (at: number, s: string) => (d: Y.Doc) => getElementText(d, 'o1')!.insert(at, s);

  it('reaches the board copy, and is not announced as a new note', async () => {
    const { docs } = setup();
    await docs.edit(privateDocId('b', 'olga'), (d) => insertElement(d, note('o1', 'Mere gr')));
    expect(await revealPrivateNotes(docs, 'b', [olga], 'named')).toEqual([{ memberId: 'olga', count: 1 }]);
    expect(await docs.read('b', (d) => getElement(d, 'o1'))).toMatchObject({ text: 'Mere gr', author: 'Olga' });

    // The keystrokes that were still on their way land in the note, which is still there.
    await docs.edit(privateDocId('b', 'olga'), typeAt(7, 'ønt ved åen'));
    expect(await docs.read(privateDocId('b', 'olga'), (d) => notesToReveal(d).map((n) => n.revealedText))).toEqual(['Mere gr']);
    expect(await revealPrivateNotes(docs, 'b', [olga], 'named')).toEqual([]);
    expect(await docs.read('b', (d) => getElement(d, 'o1'))).toMatchObject({ text: 'Mere grønt ved åen', author: 'Olga' });
    expect(await docs.read(privateDocId('b', 'olga'), (d) => notesToReveal(d))).toEqual([]);
    expect(await docs.read('b', getElements)).toHaveLength(1);
  });

  it('keeps what others did to the board copy meanwhile', async () => {
    const { docs } = setup();
    await docs.edit(privateDocId('b', 'olga'), (d) => insertElement(d, note('o1', 'Mere gr')));
    await revealPrivateNotes(docs, 'b', [olga], 'anonymous');
    // The facilitator moves the copy and writes in front of it.
    await docs.edit('b', (d) => {
      updateElement(d, 'o1', { x: 640 });
      getElementText(d, 'o1')!.insert(0, 'NB: ');
    });
    await docs.edit(privateDocId('b', 'olga'), typeAt(7, 'ønt'));
    await revealPrivateNotes(docs, 'b', [olga], 'anonymous');
    expect(await docs.read('b', (d) => getElement(d, 'o1'))).toMatchObject({ x: 640, text: 'NB: Mere grønt' });
    expect(await docs.read('b', (d) => getElement(d, 'o1'))).not.toHaveProperty('author');
  });

  it('is not carried to a copy the facilitator deleted, or into a frame whose contents are locked', async () => {
    const { docs } = setup();
    await docs.edit(privateDocId('b', 'olga'), (d) => insertElement(d, note('o1', 'Mere gr')));
    await revealPrivateNotes(docs, 'b', [olga], 'named');
    await docs.edit('b', (d) => updateElement(d, 'o1', { frameId: 'f1' }));
    await docs.edit(privateDocId('b', 'olga'), typeAt(7, 'ønt'));
    const frameLocked = (n: StickyNote) => n.frameId !== 'f1';
    await revealPrivateNotes(docs, 'b', [olga], 'named', frameLocked);
    expect(await docs.read('b', (d) => getElement(d, 'o1'))).toMatchObject({ text: 'Mere gr' });
    expect(await docs.read(privateDocId('b', 'olga'), (d) => notesToReveal(d).length)).toBe(1); // waits for an unlock

    await docs.edit('b', (d) => d.getMap('elements').delete('o1'));
    await revealPrivateNotes(docs, 'b', [olga], 'named');
    expect(await docs.read('b', getElements)).toEqual([]);
    expect(await docs.read(privateDocId('b', 'olga'), (d) => notesToReveal(d))).toEqual([]);
  });

  it('never lets a private note change a board note it was not copied to', async () => {
    const { docs } = setup();
    await docs.edit('b', (d) => insertElement(d, note('theirs', 'Kari sin lapp')));
    // Olga's private note takes the id of Kari's note on the board: not copied, not recorded.
    await docs.edit(privateDocId('b', 'olga'), (d) => insertElement(d, note('theirs', 'Noe annet')));
    expect(await revealPrivateNotes(docs, 'b', [olga], 'named')).toEqual([]);
    expect(await docs.read(privateDocId('b', 'olga'), (d) => revealedNotes(d).size)).toBe(0);
    await docs.edit(privateDocId('b', 'olga'), (d) => getElementText(d, 'theirs')!.insert(0, 'Slett: '));
    await revealPrivateNotes(docs, 'b', [olga], 'named');
    expect(await docs.read('b', (d) => getElement(d, 'theirs'))).toMatchObject({ text: 'Kari sin lapp' });
  });

  it('leaves the private document when the next round starts, after what was typed on it is carried', async () => {
    const { docs } = setup();
    await docs.edit(privateDocId('b', 'olga'), (d) => insertElement(d, note('o1', 'Mere gr')));
    await revealPrivateNotes(docs, 'b', [olga], 'named');
    await docs.edit(privateDocId('b', 'olga'), (d) => {
      getElementText(d, 'o1')!.insert(7, 'ønt');
      insertElement(d, note('o2', 'Kept private (its round was stopped)'));
    });
    await forgetRevealedNotes(docs, 'b', [olga], { mode: 'named', accept: () => true });
    expect(await docs.read('b', (d) => getElements(d).map((e) => (e as StickyNote).text))).toEqual(['Mere grønt']);
    expect(await docs.read(privateDocId('b', 'olga'), (d) => getElements(d).map((e) => e.id))).toEqual(['o2']);
    expect(await docs.read(privateDocId('b', 'olga'), (d) => revealedNotes(d).size)).toBe(0);
  });
});

describe('textCarry', () => {
  it('splices where the copy still has the text around the change, else appends what was added', () => {
    expect(textCarry('Mere gr', 'Mere gr', 'Mere grønt')).toEqual({ at: 7, remove: 0, insert: 'ønt' });
    expect(textCarry('Mere grnt', 'Mere grnt', 'Mere grønt')).toEqual({ at: 7, remove: 0, insert: 'ø' });
    expect(textCarry('Mere grunt', 'Mere grunt', 'Mere grønt')).toEqual({ at: 7, remove: 1, insert: 'ø' });
    expect(textCarry('NB: Mere gr', 'Mere gr', 'Mere grønt')).toEqual({ at: 11, remove: 0, insert: 'ønt' });
    expect(textCarry('Changed', 'Mere grunt', 'Mere grnt')).toBeNull(); // a removal that no longer fits
    expect(textCarry('Same', 'Same', 'Same')).toBeNull();
  });

  it('never splits a surrogate pair', () => {
    const splice = textCarry('a🦊', 'a🦊', 'a🦁')!;
    expect(splice).toEqual({ at: 1, remove: 2, insert: '🦁' });
  });
});
