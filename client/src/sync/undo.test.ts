import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type StickyNote, getElement, getElementText, insertElement, updateElement } from '@sammen/shared';
import { LOCAL_ORIGIN } from './origin.js';
import { createUndoManager } from './undo.js';

const note: StickyNote = { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'idé' };

// Fields are packed in groups (schema 2): a move writes the placement group `g` whole, and undo must
// restore it whole, while someone else's recolour (group `s`) stays.
describe('undo over the packed layout', () => {
  it('undoes one’s own move and typing, keeping another person’s recolour', () => {
    const doc = new Y.Doc();
    const other = new Y.Doc();
    doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(other, u, 'remote'));
    other.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(doc, u, 'remote'));
    insertElement(doc, note);
    const undo = createUndoManager(doc);
    doc.transact(() => updateElement(doc, 'n1', { x: 300, y: 40 }), LOCAL_ORIGIN);
    undo.stopCapturing();
    updateElement(other, 'n1', { color: 'pink' });
    doc.transact(() => getElementText(doc, 'n1')!.insert(3, '!'), LOCAL_ORIGIN);
    expect(getElement(doc, 'n1')).toMatchObject({ x: 300, y: 40, color: 'pink', text: 'idé!' });
    undo.undo();
    expect(getElement(doc, 'n1')).toMatchObject({ x: 300, y: 40, color: 'pink', text: 'idé' });
    undo.undo();
    expect(getElement(doc, 'n1')).toMatchObject({ x: 0, y: 0, color: 'pink', text: 'idé' });
    expect(getElement(other, 'n1')).toEqual(getElement(doc, 'n1'));
    undo.redo();
    expect(getElement(other, 'n1')).toMatchObject({ x: 300, y: 40, color: 'pink' });
  });
});
