import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getElements, insertElement, type Element } from '@sammen/shared';
import { LOCAL_ORIGIN } from '../sync/origin.js';
import { createUndoManager } from '../sync/undo.js';
import { groupNoteIds } from './clusterCommands.js';
import { Editor } from './Editor.js';

const note = (id: string, x: number): Element => ({ id, type: 'note', index: `a${id}`, frameId: null, x, y: 0, width: 200, height: 200, color: 'yellow', text: id });
const clusters = (doc: Y.Doc) => getElements(doc).filter((e) => e.type === 'frame' && e.variant === 'cluster').map((e) => (e.type === 'frame' ? e.title : ''));

describe('grouping notes and undo', () => {
  it('two groupings made at once are two undo steps (accepting suggestions quickly)', () => {
    const doc = new Y.Doc();
    const editor = new Editor(doc, createUndoManager(doc));
    doc.transact(() => ['a', 'b', 'c', 'd'].forEach((id, i) => insertElement(doc, note(id, i * 300))), LOCAL_ORIGIN);
    editor.undoManager.stopCapturing();
    // Both within the undo manager's capture time, as two clicks on "Accept" a moment apart.
    expect(groupNoteIds(editor, ['a', 'b'], 'Trafik')).not.toBeNull();
    expect(groupNoteIds(editor, ['c', 'd'], 'Natur')).not.toBeNull();
    expect(clusters(doc).sort()).toEqual(['Natur', 'Trafik']);
    editor.undoManager.undo();
    expect(clusters(doc)).toEqual(['Trafik']);
    editor.undoManager.undo();
    expect(clusters(doc)).toEqual([]);
  });
});
