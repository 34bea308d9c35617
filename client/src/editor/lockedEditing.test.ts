import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getElements, insertElement, type Element } from '@sammen/shared';
import { createUndoManager } from '../sync/undo.js';
import { createTools } from '../tools/index.js';
import type { ToolPointerEvent } from '../tools/types.js';
import { Editor } from './Editor.js';
import { policyFor } from './permissions.js';
import { duplicateSelection } from './commands.js';

/** The editor under a workshop policy, driven by the real tools (scale 1, origin 0). */
function setup() {
  const doc = new Y.Doc();
  insertElement(doc, { id: 'f1', type: 'frame', index: 'a0', frameId: null, x: 0, y: 0, width: 800, height: 600, title: 'Locked', fill: 'white' });
  insertElement(doc, { id: 'inside', type: 'note', index: 'a1', frameId: 'f1', x: 100, y: 100, width: 200, height: 200, color: 'yellow', text: 'in' });
  insertElement(doc, { id: 'loose', type: 'note', index: 'a2', frameId: null, x: 1000, y: 100, width: 200, height: 200, color: 'yellow', text: 'out' });
  const editor = new Editor(doc, createUndoManager(doc));
  editor.setSize({ width: 2000, height: 1000 });
  const blocked: string[] = [];
  editor.onBlocked = (r) => blocked.push(r);
  const tools = createTools();
  const ev = (x: number, y: number): ToolPointerEvent => ({ world: { x, y }, screen: { x, y }, button: 0, shiftKey: false, modKey: false, altKey: false, detail: 1 });
  const drag = (from: [number, number], to: [number, number]) => {
    const tool = tools[editor.getState().tool];
    tool.pointerDown(ev(...from), editor);
    tool.pointerMove(ev(...to), editor);
    tool.pointerUp(ev(...to), editor);
  };
  const get = (id: string) => getElements(doc).find((e) => e.id === id) as Element & { x: number; frameId: string | null };
  return { doc, editor, drag, get, blocked };
}

describe('editing under workshop locks', () => {
  it('cannot pick up a note in a frame whose contents are locked, nor the frame', () => {
    const { editor, drag, get } = setup();
    editor.setPolicy(policyFor('participant', { board: false, frames: [{ frameId: 'f1', contents: true }] }));
    drag([150, 150], [400, 400]);
    expect(get('inside').x).toBe(100);
    expect(editor.getState().selection.size).toBe(0);
    editor.startEditing('inside');
    expect(editor.getState().editingId).toBeNull();
  });

  it('keeps notes out of a locked frame: no drop, no new note, no copy', () => {
    const { doc, editor, drag, get, blocked } = setup();
    editor.setPolicy(policyFor('participant', { board: false, frames: [{ frameId: 'f1', contents: false }] }));
    drag([1100, 200], [300, 200]); // drop the loose note onto the locked frame
    expect(get('loose')).toMatchObject({ x: 1000, frameId: null });
    editor.setTool('note');
    drag([400, 400], [400, 400]);
    expect(getElements(doc).filter((e) => e.type === 'note')).toHaveLength(2);
    expect(blocked).toContain('frameLocked');
    // The note inside may still be moved within (only the frame itself is locked).
    editor.setTool('select');
    drag([150, 150], [1500, 150]);
    expect(get('inside')).toMatchObject({ x: 1450, frameId: null });
    editor.select(['loose']);
    duplicateSelection(editor);
    expect(getElements(doc).filter((e) => e.type === 'note')).toHaveLength(3);
  });

  it('lets an observer look only: no tools, no changes, no undo', () => {
    const { doc, editor, drag, get } = setup();
    editor.setPolicy(policyFor('observer', null));
    editor.setTool('note');
    expect(editor.getState().tool).toBe('select');
    drag([1100, 200], [1500, 200]);
    expect(get('loose').x).toBe(1000);
    const before = Y.encodeStateVector(doc);
    editor.transact(() => insertElement(doc, { id: 'x', type: 'note', index: 'a3', frameId: null, x: 0, y: 0, width: 1, height: 1, color: 'yellow', text: '' }));
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('drops the selection and the text editor when a lock arrives', () => {
    const { editor } = setup();
    editor.select(['inside']);
    editor.startEditing('inside');
    editor.setPolicy(policyFor('participant', { board: false, frames: [{ frameId: 'f1', contents: true }] }));
    expect(editor.getState()).toMatchObject({ editingId: null });
    expect(editor.getState().selection.size).toBe(0);
  });
});
