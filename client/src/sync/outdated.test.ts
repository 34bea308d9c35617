import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type StickyNote, getElement, insertElement } from '@sammen/shared';
import { Editor } from '../editor/Editor.js';
import { OPEN_POLICY } from '../editor/permissions.js';
import type { BoardConnection } from './boardConnection.js';
import { type ConnectionEvent, type ConnectionState, initialConnectionState, reduceConnection } from './connectionStatus.js';
import { keepReadOnlyWhenOutdated } from './outdated.js';
import { createUndoManager } from './undo.js';

/** The connection's state and its listeners, as boardConnection keeps them (no socket). */
function connectionState() {
  let state: ConnectionState = initialConnectionState;
  const listeners = new Set<() => void>();
  const conn = {
    getState: () => state,
    subscribe(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  } as unknown as BoardConnection;
  const dispatch = (event: ConnectionEvent) => {
    state = reduceConnection(state, event);
    for (const l of listeners) l();
  };
  return { conn, dispatch };
}

describe('a page older than the board', () => {
  it('turns read-only once it learns so, and stays read-only when a workshop sets its policy again', () => {
    const doc = new Y.Doc();
    const editor = new Editor(doc, createUndoManager(doc));
    const { conn, dispatch } = connectionState();
    const stop = keepReadOnlyWhenOutdated(conn, editor);
    dispatch({ type: 'synced', synced: true });
    expect(editor.getPolicy().readOnly).toBe(false);
    dispatch({ type: 'outdated' });
    expect(editor.getPolicy().readOnly).toBe(true);
    editor.setPolicy(OPEN_POLICY);
    expect(editor.getPolicy().readOnly).toBe(true);
    const note: StickyNote = { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: '' };
    editor.transact(() => insertElement(doc, note));
    expect(getElement(doc, 'n1')).toBeUndefined();
    stop();
    editor.destroy();
  });
});
