import { useEffect, useState, useSyncExternalStore } from 'react';
import { Editor } from '../editor/Editor.js';
import { connectBoard, type BoardConnection } from '../sync/boardConnection.js';
import { keepReadOnlyWhenOutdated } from '../sync/outdated.js';
import { closeWhenRevealed, subscribeWaitingPrivateNotes, waitingPrivateNotes } from './closeWhenRevealed.js';

export interface PrivateNotes {
  conn: BoardConnection;
  editor: Editor;
}

/**
 * A participant's private notes during a private brainstorm: their own document
 * (`/yjs/:boardId/private`, only they and the server can read it) with its own Editor and undo
 * history. Why a second Editor instead of one Editor over two documents: every command, the undo
 * manager and the element store assume one document, and keeping them that way means nothing
 * written while brainstorming can reach the board document by mistake. While it is active, the page
 * draws the board underneath as a read-only backdrop and routes all input to this editor.
 */
export function usePrivateNotes(boardId: string, token: string | null, active: boolean, board: Editor | null): PrivateNotes | null {
  const [notes, setNotes] = useState<PrivateNotes | null>(null);
  useEffect(() => {
    if (!active || !token || !board) return;
    const conn = connectBoard(boardId, { token, privateNotes: true });
    const editor = new Editor(conn.doc, conn.undoManager);
    // Notes placed on a board frame join it when they are revealed.
    editor.frameSource = () => board.store.frames();
    // One camera: the private editor takes over where the board was, and hands it back.
    editor.setSize(board.size);
    editor.setViewport(board.getState().viewport);
    const stopOutdated = keepReadOnlyWhenOutdated(conn, editor);
    setNotes({ conn, editor });
    return () => {
      stopOutdated();
      board.setViewport(editor.getState().viewport);
      setNotes(null);
      editor.destroy();
      // Not at once: a note written a moment ago may still be on its way (closeWhenRevealed.ts).
      closeWhenRevealed(conn);
    };
  }, [boardId, token, active, board]);
  return notes;
}

/** How many of this person's private notes are still on their way after their round (closeWhenRevealed). */
export function useWaitingPrivateNotes(): number {
  return useSyncExternalStore(subscribeWaitingPrivateNotes, waitingPrivateNotes);
}
