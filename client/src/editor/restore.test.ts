import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteElements, getElementText, getElements, insertElement, updateElement, type Element } from '@sammen/shared';
import { LOCAL_ORIGIN } from '../sync/origin.js';
import { createUndoManager } from '../sync/undo.js';
import { Editor } from './Editor.js';
import { restoreElements } from './restore.js';

const note = (id: string, text: string, x = 0): Element => ({ id, type: 'note', index: 'a0', frameId: null, x, y: 0, width: 200, height: 200, color: 'yellow', text });
const sorted = (els: Element[]) => els.map((e) => JSON.stringify(e, Object.keys(e).sort())).sort();

function setup() {
  const doc = new Y.Doc();
  const editor = new Editor(doc, createUndoManager(doc));
  const local = (fn: () => void) => {
    doc.transact(fn, LOCAL_ORIGIN);
    editor.undoManager.stopCapturing();
  };
  return { doc, editor, local };
}

describe('restoring a version', () => {
  it('makes the board equal to the version in one undoable step, keeping earlier history', () => {
    const { doc, editor, local } = setup();
    const version = [note('a', 'Flere bænke'), note('b', 'Cykelsti', 300)];
    local(() => version.forEach((e) => insertElement(doc, e)));
    // After the version was named: a note moved, one edited, one deleted, one added.
    local(() => updateElement(doc, 'a', { x: 999 }));
    local(() => {
      const t = getElementText(doc, 'a')!;
      t.insert(t.length, ' og skygge');
    });
    local(() => insertElement(doc, note('c', 'Ny idé', 600)));
    local(() => deleteElements(doc, ['b']));
    const before = sorted(getElements(doc));

    restoreElements(editor, version);
    expect(sorted(getElements(doc))).toEqual(sorted(version));

    editor.undoManager.undo();
    expect(sorted(getElements(doc))).toEqual(before);
    // The history before the restore is still there.
    editor.undoManager.undo();
    expect(getElements(doc).some((e) => e.id === 'b')).toBe(true);
  });

  it('edits text as a splice, so a colleague typing elsewhere in the note keeps their words', () => {
    const { doc, editor, local } = setup();
    local(() => insertElement(doc, note('a', 'start middle end')));
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    restoreElements(editor, [note('a', 'start MIDDLE end')]);
    getElementText(other, 'a')!.insert(0, '>> ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(getElementText(doc, 'a')!.toString()).toBe('>> start MIDDLE end');
  });

  it('does nothing when the board already is the version', () => {
    const { doc, editor, local } = setup();
    local(() => insertElement(doc, note('a', 'x')));
    const stack = editor.undoManager.undoStack.length;
    const plan = restoreElements(editor, getElements(doc));
    expect(plan.update).toEqual([]);
    expect(editor.undoManager.undoStack.length).toBe(stack);
  });
});
