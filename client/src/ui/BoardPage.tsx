import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardCanvas } from '../board/BoardCanvas.js';
import { RemoteCursors } from '../board/RemoteCursors.js';
import { TextEditor } from '../board/TextEditor.js';
import { Editor } from '../editor/Editor.js';
import { connectBoard, type BoardConnection } from '../sync/boardConnection.js';
import { LocalPresence, colorForClient } from '../sync/presence.js';
import { usePeers } from '../sync/usePeers.js';
import { exposeTestHook } from '../testHook.js';
import { ApiError, getBoard } from './api.js';
import { BoardOutline } from './BoardOutline.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { ContextBar } from './ContextBar.js';
import { Icon } from './icons.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { loadName, rememberBoard, saveName } from './localProfile.js';
import { NamePrompt } from './NamePrompt.js';
import { PresenceList } from './PresenceList.js';
import { navigate } from './router.js';
import { Toolbar } from './Toolbar.js';
import { ZoomControls } from './ZoomControls.js';

type Meta = { status: 'loading' } | { status: 'ok'; title: string } | { status: 'notFound' } | { status: 'error' };

/** `/b/:boardId`: checks that the board exists, then opens it. */
export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const [meta, setMeta] = useState<Meta>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setMeta({ status: 'loading' });
    getBoard(boardId).then(
      (board) => {
        if (cancelled) return;
        rememberBoard(board.id, board.title);
        setMeta({ status: 'ok', title: board.title });
      },
      (e: unknown) => {
        if (cancelled) return;
        setMeta(e instanceof ApiError && (e.status === 404 || e.status === 400) ? { status: 'notFound' } : { status: 'error' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [boardId, attempt]);

  if (meta.status === 'ok') return <BoardSession boardId={boardId} title={meta.title} />;
  return (
    <main className="board-message">
      {meta.status === 'loading' ? (
        <p role="status">{t('board.loading')}</p>
      ) : (
        <>
          <p role="alert">{t(meta.status === 'notFound' ? 'board.notFound' : 'board.loadError')}</p>
          {meta.status === 'error' && (
            <button type="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('board.retry')}
            </button>
          )}
          <button type="button" className="primary" onClick={() => navigate('/')}>
            {t('board.goHome')}
          </button>
        </>
      )}
    </main>
  );
}

function useUndoState(conn: BoardConnection | null): { canUndo: boolean; canRedo: boolean } {
  const [state, setState] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    if (!conn) return;
    const um = conn.undoManager;
    const update = (): void => setState({ canUndo: um.canUndo(), canRedo: um.canRedo() });
    um.on('stack-item-added', update);
    um.on('stack-item-popped', update);
    um.on('stack-cleared', update);
    return () => {
      um.off('stack-item-added', update);
      um.off('stack-item-popped', update);
      um.off('stack-cleared', update);
    };
  }, [conn]);
  return state;
}

const noopSubscribe = () => () => {};

/** An open board: connection, editor, and everything drawn around the canvas. */
function BoardSession({ boardId, title }: { boardId: string; title: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(loadName);
  const [session, setSession] = useState<{ conn: BoardConnection; editor: Editor } | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const conn = connectBoard(boardId);
    const editor = new Editor(conn.doc, conn.undoManager);
    const unexpose = exposeTestHook({ doc: conn.doc, provider: conn.provider, undoManager: conn.undoManager });
    setSession({ conn, editor });
    return () => {
      unexpose();
      editor.destroy();
      conn.destroy();
    };
  }, [boardId]);

  useEffect(() => {
    if (!session || !name) return;
    const presence = new LocalPresence(session.conn.provider.awareness, {
      name,
      color: colorForClient(session.conn.doc.clientID),
    });
    session.editor.presence = presence;
    return () => {
      session.editor.presence = null;
      presence.destroy();
    };
  }, [session, name]);

  const conn = session?.conn ?? null;
  const editor = session?.editor ?? null;
  const connection = useSyncExternalStore(conn?.subscribe ?? noopSubscribe, () => conn?.getState() ?? null);
  const state = useSyncExternalStore(editor?.subscribe ?? noopSubscribe, () => editor?.getState() ?? null);
  const peers = usePeers(conn?.provider.awareness ?? null);
  const undoState = useUndoState(conn);

  // Once the board has arrived, show all of it (an empty board is centred on the origin).
  const everSynced = connection?.everSynced ?? false;
  useEffect(() => {
    if (everSynced && editor) editor.zoomToFitWhenSized();
  }, [everSynced, editor]);

  useEffect(() => {
    document.title = `${title} – Sammen`;
  }, [title]);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard access: the address bar still has the link.
    }
  };

  if (!session || !editor || !state || !connection) return <p role="status">{t('board.loading')}</p>;

  return (
    <div className="board-page">
      <header className="board-header">
        <a
          href="/"
          className="brand"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
        >
          {t('app.name')}
        </a>
        <h1 className="board-title">{title}</h1>
        <button type="button" className="header-button" onClick={() => void copyLink()}>
          <Icon name="link" /> {copied ? t('board.linkCopied') : t('board.copyLink')}
        </button>
        <span className="spacer" />
        <ConnectionIndicator state={connection} />
        <PresenceList self={name ? { name, color: colorForClient(session.conn.doc.clientID) } : null} peers={peers} />
        <LanguageSwitcher />
      </header>
      <BoardCanvas
        editor={editor}
        peers={peers}
        label={t('board.canvasLabel', { title })}
        untitledFrame={t('board.untitledFrame')}
      >
        <RemoteCursors peers={peers} viewport={state.viewport} />
        {state.editingId && <TextEditor editor={editor} id={state.editingId} viewport={state.viewport} />}
        <Toolbar editor={editor} tool={state.tool} canUndo={undoState.canUndo} canRedo={undoState.canRedo} />
        <ContextBar editor={editor} state={state} />
        <ZoomControls editor={editor} scale={state.viewport.scale} />
      </BoardCanvas>
      <BoardOutline editor={editor} id="board-outline" />
      {!name && (
        <NamePrompt
          onSubmit={(n) => {
            saveName(n);
            setName(n);
          }}
        />
      )}
    </div>
  );
}
