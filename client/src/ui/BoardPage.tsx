import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardCanvas } from '../board/BoardCanvas.js';
import { RemoteCursors } from '../board/RemoteCursors.js';
import { TextEditor } from '../board/TextEditor.js';
import type { BoardConnection } from '../sync/boardConnection.js';
import { LocalPresence, colorForClient } from '../sync/presence.js';
import { dropPreconnected, preconnectBoard, takePrefetchedBoard, takePrefetchedSession } from '../sync/preconnect.js';
import { usePeers } from '../sync/usePeers.js';
import { clearToken, takeToken } from '../workshop/tokens.js';
import { getSession } from '../workshop/http.js';
import { WorkshopLayer, WorkshopOverlays, WorkshopSide, WorkshopTop, useWorkshopBoard } from '../workshop/WorkshopLayer.js';
import type { WorkshopSessionInfo } from '../workshop/WorkshopContext.js';
import { PhoneBar } from '../workshop/phone/PhoneBar.js';
import { PhoneHeader } from '../workshop/phone/PhoneHeader.js';
import { useNarrowScreen } from '../workshop/phone/useNarrowScreen.js';
import { ApiError, getBoard } from './api.js';
import { AccessibleView } from '../a11y/AccessibleView.js';
import { BoardMenu, ListViewToggle } from '../a11y/BoardMenu.js';
import { CANVAS_HELP_ID, CanvasKeyboard } from '../a11y/CanvasKeyboard.js';
import { useListView } from '../a11y/useListView.js';
import { WorkshopAnnouncements } from '../a11y/WorkshopAnnouncements.js';
import { BoardOutline } from './BoardOutline.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { withPrivateNotes } from '../sync/connectionStatus.js';
import { ContextBar } from './ContextBar.js';
import { Icon } from './icons.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { loadName, rememberBoard, saveName } from './localProfile.js';
import { NamePrompt } from './NamePrompt.js';
import { OutputsMenu } from './OutputsMenu.js';
import { PresenceList } from './PresenceList.js';
import { navigate } from './router.js';
import { Toolbar } from './Toolbar.js';
import { useBoardSession } from './useBoardSession.js';
import { ZoomControls } from './ZoomControls.js';
import { BrandLink } from './BrandLink.js';

type Meta =
  | { status: 'loading' }
  | { status: 'ok'; title: string; workshop: WorkshopSessionInfo | null }
  | { status: 'notFound' }
  | { status: 'linkExpired' }
  /** A workshop board opened without a token (a link copied from the address bar): join by code. */
  | { status: 'invitedOnly' }
  | { status: 'error' };

/**
 * `/b/:boardId`: with a workshop token (from the link's `#token=` or remembered for this board) asks
 * the server who the token is; without one, checks that the open board exists. Then opens it.
 */
export function BoardPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const [token] = useState(() => takeToken(boardId));
  const [meta, setMeta] = useState<Meta>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setMeta({ status: 'loading' });
    // With a token, the board's socket opens now, while the page asks who the token is (preconnect.ts).
    // Without one it waits: on a workshop board it would only be refused.
    if (token) preconnectBoard(boardId, token);
    const load = token
      ? (takePrefetchedSession(boardId, token) ?? getSession(token)).then((s): Meta => {
          if (s.boardId !== boardId) return { status: 'linkExpired' };
          return { status: 'ok', title: s.title, workshop: { ...s, token } };
        })
      : (takePrefetchedBoard(boardId) ?? getBoard(boardId)).then((board): Meta =>
          // Without a token the board socket would only be refused (401) and retried for ever.
          board.workshopId ? { status: 'invitedOnly' } : { status: 'ok', title: board.title, workshop: null },
        );
    load.then(
      (next) => {
        if (cancelled) return;
        if (next.status === 'ok') rememberBoard(boardId, next.title);
        else dropPreconnected(boardId, token);
        setMeta(next);
      },
      (e: unknown) => {
        if (cancelled) return;
        dropPreconnected(boardId, token);
        const status = e instanceof ApiError ? e.status : 0;
        if (token && (status === 401 || status === 403)) {
          clearToken(boardId);
          setMeta({ status: 'linkExpired' });
        } else setMeta(status === 404 || status === 400 ? { status: 'notFound' } : { status: 'error' });
      },
    );
    return () => {
      cancelled = true;
      dropPreconnected(boardId, token); // not taken by a board session that opened meanwhile
    };
  }, [boardId, token, attempt]);

  if (meta.status === 'ok') return <BoardSession boardId={boardId} title={meta.title} workshop={meta.workshop} />;
  if (meta.status === 'invitedOnly') return <InvitedOnly />;
  const message = { loading: 'board.loading', notFound: 'board.notFound', linkExpired: 'workshop.link.expired', error: 'board.loadError' }[meta.status];
  return (
    <main className="board-message">
      {meta.status === 'loading' ? (
        <p role="status">{t(message)}</p>
      ) : (
        <>
          <p role="alert">{t(message)}</p>
          {meta.status === 'linkExpired' && (
            <button type="button" className="primary" onClick={() => navigate('/join')}>
              {t('workshop.link.joinWithCode')}
            </button>
          )}
          {meta.status === 'error' && (
            <button type="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('board.retry')}
            </button>
          )}
          <button type="button" className={meta.status === 'linkExpired' ? '' : 'primary'} onClick={() => navigate('/')}>
            {t('board.goHome')}
          </button>
        </>
      )}
    </main>
  );
}

/** A workshop board without a token: who it is for and where to join, instead of "Connecting…". */
function InvitedOnly() {
  const { t } = useTranslation();
  const joinUrl = `${window.location.host}/join`;
  return (
    <main className="board-message" data-testid="invited-only">
      <h1>{t('workshop.invitedOnly.title')}</h1>
      <p>{t('workshop.invitedOnly.body', { joinUrl })}</p>
      <p>{t('workshop.invitedOnly.facilitator')}</p>
      <button type="button" className="primary" onClick={() => navigate('/join')}>
        {t('workshop.link.joinWithCode')}
      </button>
      <button type="button" onClick={() => navigate('/')}>
        {t('board.goHome')}
      </button>
    </main>
  );
}

function useUndoState(conn: BoardConnection | null): { canUndo: boolean; canRedo: boolean } {
  const [state, setState] = useState({ canUndo: false, canRedo: false });
  useEffect(() => {
    if (!conn) return;
    const um = conn.undoManager;
    const update = (): void => setState({ canUndo: um.canUndo(), canRedo: um.canRedo() });
    update();
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

/** The accessible view's heading, where the keyboard lands when it opens. */
const LIST_HEADING_ID = 'board-list-heading';

/** An open board: connection, editor, and everything drawn around the canvas. */
function BoardSession({ boardId, title, workshop }: { boardId: string; title: string; workshop: WorkshopSessionInfo | null }) {
  const { t } = useTranslation();
  // In a workshop one's name is the one given when joining; observers are shown as such.
  const [savedName, setName] = useState(loadName);
  const name = workshop ? (workshop.name ?? t('workshop.observerName')) : savedName;
  const [copied, setCopied] = useState(false);
  const [removed, setRemoved] = useState(false);
  const listView = useListView(LIST_HEADING_ID, '[data-testid=board-canvas]');
  const board = useBoardSession(boardId, workshop?.token ?? null, removed);
  const session = board.session;
  const boardSynced = useSyncExternalStore(session?.conn.subscribe ?? noopSubscribe, () => session?.conn.getState().everSynced ?? false);
  const ws = useWorkshopBoard({
    boardId,
    workshop,
    boardEditor: session?.editor ?? null,
    revoked: board.revoked || removed,
    onRemoved: () => setRemoved(true),
    synced: boardSynced,
  });
  // A participant (or observer) on a phone gets the phone layout: one-line header, and for
  // participants the bottom bar with the composer.
  const narrow = useNarrowScreen();
  const phone = narrow && (ws.role === 'participant' || ws.role === 'observer');

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
  // While brainstorming privately, input and tools go to the private notes editor.
  const editor = ws.privateNotes?.editor ?? session?.editor ?? null;
  const undoConn = ws.privateNotes?.conn ?? conn;
  const boardConnection = useSyncExternalStore(conn?.subscribe ?? noopSubscribe, () => conn?.getState() ?? null);
  const privateConn = ws.privateNotes?.conn ?? null;
  const privateConnection = useSyncExternalStore(privateConn?.subscribe ?? noopSubscribe, () => privateConn?.getState() ?? null);
  const connection = useMemo(
    () => (boardConnection ? withPrivateNotes(boardConnection, privateConnection) : null),
    [boardConnection, privateConnection],
  );
  const state = useSyncExternalStore(editor?.subscribe ?? noopSubscribe, () => editor?.getState() ?? null);
  const peers = usePeers(conn?.provider.awareness ?? null);
  const undoState = useUndoState(undoConn);

  // Once the board has arrived, show all of it (an empty board is centred on the origin); after a
  // reopen the camera stays where it was. Fitted from the connection's own "synced", before React
  // renders the arrived board: fitted after that render, a big board was first laid out at 100 %
  // (Konva nodes and text measured for every note near the origin) only to be thrown away.
  const reopened = board.reopened;
  useEffect(() => {
    if (!session || reopened) return;
    const { conn, editor: boardEditor } = session;
    const fitOnce = (): void => {
      if (!conn.getState().everSynced) return;
      unsubscribe();
      boardEditor.zoomToFitWhenSized();
    };
    const unsubscribe = conn.subscribe(fitOnce);
    fitOnce();
    return unsubscribe;
  }, [session, reopened]);

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

  if (board.revoked || removed) {
    return (
      <main className="board-message">
        <p role="alert">{t('workshop.removed')}</p>
        <button type="button" className="primary" onClick={() => navigate('/join')}>
          {t('workshop.link.joinWithCode')}
        </button>
      </main>
    );
  }
  if (!session || !editor || !state || !connection) return <p role="status">{t('board.loading')}</p>;

  const canvas = (
    <BoardCanvas
      editor={editor}
      backdrop={ws.privateNotes ? session.editor.store : null}
      peers={peers}
      label={t('board.canvasLabel', { title })}
      describedBy={CANVAS_HELP_ID}
      untitledFrame={t('board.untitledFrame')}
    >
      <CanvasKeyboard editor={editor} />
      <RemoteCursors peers={peers} viewport={state.viewport} />
      <WorkshopOverlays ws={ws} viewport={state.viewport} phone={phone} />
      {state.editingId && <TextEditor editor={editor} id={state.editingId} viewport={state.viewport} />}
      {!phone && <Toolbar editor={editor} tool={state.tool} canUndo={undoState.canUndo} canRedo={undoState.canRedo} covers={!!workshop} />}
      <ContextBar editor={editor} state={state} boardTitle={title} />
      {!phone && <ZoomControls editor={editor} scale={state.viewport.scale} />}
    </BoardCanvas>
  );

  return (
    <WorkshopLayer ws={ws}>
      <WorkshopAnnouncements view={ws.api?.view ?? null} />
      <div className={phone ? 'board-page board-page-phone' : 'board-page'}>
        {!listView.on && (
          <button type="button" className="skip-link" onClick={() => listView.set(true)}>
            {t('a11y.skip')}
          </button>
        )}
        {/* On a small screen every role gets one line: the step and its clock, the rest in a menu. */}
        {narrow ? (
          <PhoneHeader
            title={title}
            view={ws.api?.view ?? null}
            clockOffset={ws.api?.clockOffset ?? 0}
            status={<ConnectionIndicator state={connection} />}
            instruction={phone}
            menu={
              <>
                <p className="phone-menu-title">{title}</p>
                {!workshop && (
                  <button type="button" className="header-button" onClick={() => void copyLink()}>
                    <Icon name="link" /> {copied ? t('board.linkCopied') : t('board.copyLink')}
                  </button>
                )}
                <ListViewToggle on={listView.on} onToggle={() => listView.set(!listView.on)} />
                {!phone && <OutputsMenu editor={session.editor} boardTitle={title} />}
                {!phone && <PresenceList self={name ? { name, color: colorForClient(session.conn.doc.clientID) } : null} peers={peers} />}
                <LanguageSwitcher />
                <BoardMenu />
              </>
            }
          />
        ) : (
        <header className="board-header">
          <BrandLink />
          <h1 className="board-title">{title}</h1>
          {!workshop && (
            <button type="button" className="header-button" onClick={() => void copyLink()}>
              <Icon name="link" /> {copied ? t('board.linkCopied') : t('board.copyLink')}
            </button>
          )}
          <span className="spacer" />
          <ListViewToggle on={listView.on} onToggle={() => listView.set(!listView.on)} />
          <OutputsMenu editor={session.editor} boardTitle={title} />
          <ConnectionIndicator state={connection} />
          <PresenceList self={name ? { name, color: colorForClient(session.conn.doc.clientID) } : null} peers={peers} />
          <LanguageSwitcher />
          <BoardMenu />
        </header>
        )}
        <WorkshopTop ws={ws} notice={board.refusal ? t(board.refusal) : null} onDismissNotice={board.dismissRefusal} phone={phone} />
        <div className="board-body">
          {listView.on ? <AccessibleView ws={ws} board={session.editor} headingId={LIST_HEADING_ID} /> : canvas}
          <WorkshopSide ws={ws} listView={listView.on} />
        </div>
        {phone && <PhoneBar ws={ws} boardId={boardId} />}
        {!listView.on && <BoardOutline editor={session.editor} id="board-outline" />}
        {!workshop && !savedName && (
          <NamePrompt
            onSubmit={(n) => {
              saveName(n);
              setName(n);
            }}
          />
        )}
      </div>
    </WorkshopLayer>
  );
}
