import { useCallback, useEffect, useRef, useState } from 'react';
import { getElements } from '@sammen/shared';
import { renderedTextLayout } from '../board/textProps.js';
import { Editor } from '../editor/Editor.js';
import type { Viewport } from '../geometry/viewport.js';
import { connectBoard, type BoardConnection } from '../sync/boardConnection.js';
import { closeWhenSaved } from '../sync/closeWhenSaved.js';
import { releasePreconnected, takePreconnected } from '../sync/preconnect.js';
import { keepReadOnlyWhenOutdated } from '../sync/outdated.js';
import { exposeTestHook } from '../testHook.js';
import { boardStage, drawnText } from '../board/drawnText.js';
import { classifyClose } from '../workshop/refusal.js';

export interface BoardSessionState {
  session: { conn: BoardConnection; editor: Editor } | null;
  /** i18n key of why the board was reopened (a refused change), until dismissed. */
  refusal: string | null;
  dismissRefusal(): void;
  /** The board socket said this person's access was revoked. */
  revoked: boolean;
  /** True after the board was reopened: keep the camera where it was instead of zooming to fit. */
  reopened: boolean;
}

/**
 * The board's connection and editor. In a workshop, a change the server refuses (close 4403) leaves
 * the local document with something nobody else has; the only sound recovery is to drop it, so the
 * board is reopened with a fresh document (keeping the camera) and the reason is shown. 4401 means
 * access was revoked: the connection stays closed.
 */
export function useBoardSession(boardId: string, token: string | null, stopped: boolean): BoardSessionState {
  const [session, setSession] = useState<BoardSessionState['session']>(null);
  const [generation, setGeneration] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const lastViewport = useRef<Viewport | null>(null);

  useEffect(() => {
    if (stopped || revoked) return;
    // The connection the page opened while its code loaded and it asked who the token is (preconnect.ts);
    // a fresh one when there is none (an open board, a reopened one).
    const conn = takePreconnected(boardId, token) ?? connectBoard(boardId, { token });
    const editor = new Editor(conn.doc, conn.undoManager);
    if (lastViewport.current) editor.setViewport(lastViewport.current);
    const unexpose = exposeTestHook({
      doc: conn.doc,
      provider: conn.provider,
      undoManager: conn.undoManager,
      elements: () => getElements(conn.doc),
      textLayout: (id) => renderedTextLayout(editor.store.get(id)),
      drawnText: () => {
        const stage = boardStage();
        return stage ? drawnText(stage) : [];
      },
    });
    const onClosed = ({ code, reason }: { code: number; reason: string }): void => {
      const verdict = classifyClose(code, reason);
      if (verdict.kind === 'revoked') setRevoked(true);
      if (verdict.kind !== 'refused') return;
      lastViewport.current = editor.getState().viewport;
      setRefusal(verdict.messageKey);
      setGeneration((g) => g + 1);
    };
    if (token) conn.provider.on('closed', onClosed);
    const stopOutdated = keepReadOnlyWhenOutdated(conn, editor);
    setSession({ conn, editor });
    return () => {
      stopOutdated();
      conn.provider.off('closed', onClosed);
      setSession(null);
      unexpose();
      editor.destroy();
      // Not at once: a change made a moment ago may not be stored yet (closeWhenSaved.ts).
      closeWhenSaved(conn);
      releasePreconnected(boardId, token);
    };
  }, [boardId, token, generation, stopped, revoked]);

  const dismissRefusal = useCallback(() => setRefusal(null), []);
  return { session, refusal, dismissRefusal, revoked, reopened: generation > 0 };
}
