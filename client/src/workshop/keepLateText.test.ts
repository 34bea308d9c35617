import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type StickyNote, deleteElements, getElements, insertElement, revealedNotes, stickyNoteDefaults, updateElement } from '@sammen/shared';
import { keepLateText } from './keepLateText.js';

const note: StickyNote = { ...stickyNoteDefaults, type: 'note', id: 'n1', index: 'a0', frameId: null, x: 10, y: 20, text: 'Last sec' };

/** The server's copy and the page's, with the page's updates held back until `deliver()` (a stalled uplink). */
function pair() {
  const server = new Y.Doc();
  const page = new Y.Doc();
  const held: Uint8Array[] = [];
  server.on('update', (u: Uint8Array, origin: unknown) => origin !== 'page' && Y.applyUpdate(page, u, 'server'));
  page.on('update', (u: Uint8Array, origin: unknown) => origin !== 'server' && held.push(u));
  const deliver = (): void => held.splice(0).forEach((u) => Y.applyUpdate(server, u, 'page'));
  return { server, page, deliver };
}

describe('keepLateText', () => {
  it('writes a note again as a new note when the round start deletes it before the rest of its text arrived', () => {
    const { server, page, deliver } = pair();
    insertElement(page, note);
    deliver();
    revealedNotes(server).set('n1', 'Last sec'); // the reveal copied what had arrived
    keepLateText(page);
    updateElement(page, 'n1', { text: 'Last second idea' }); // typed on, held back
    server.transact(() => {
      // The next round starts: the note and its record go.
      deleteElements(server, ['n1']);
      revealedNotes(server).delete('n1');
    });
    deliver();
    const notes = getElements(server).filter((e) => e.type === 'note');
    expect(notes.map((n) => n.type === 'note' && n.text)).toEqual(['Last second idea']);
    expect(notes[0]!.id).not.toBe('n1');
    expect({ ...notes[0], id: 'n1', text: 'Last sec' }).toEqual({ ...note, x: note.x + 24, y: note.y + 24 });
    expect(revealedNotes(server).size).toBe(0);
  });

  it('leaves alone a note deleted while its record stays (the person deleted it on another device), and one that had arrived whole', () => {
    const { server, page, deliver } = pair();
    insertElement(page, note);
    insertElement(page, { ...note, id: 'n2', text: 'Whole' });
    deliver();
    revealedNotes(server).set('n1', 'Last sec');
    revealedNotes(server).set('n2', 'Whole');
    keepLateText(page);
    updateElement(page, 'n1', { text: 'Last second' });
    deleteElements(server, ['n1']);
    server.transact(() => {
      deleteElements(server, ['n2']);
      revealedNotes(server).delete('n2');
    });
    deliver();
    expect(getElements(server)).toEqual([]);
  });

  it('stops when told', () => {
    const { server, page, deliver } = pair();
    insertElement(page, note);
    deliver();
    revealedNotes(server).set('n1', 'Last sec');
    const stop = keepLateText(page);
    updateElement(page, 'n1', { text: 'Last second idea' });
    stop();
    server.transact(() => {
      deleteElements(server, ['n1']);
      revealedNotes(server).delete('n1');
    });
    deliver();
    expect(getElements(server)).toEqual([]);
  });
});
