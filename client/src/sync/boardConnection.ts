import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { SAVED_PARAM, SCHEMA_VERSION, V2_PARAM, getSchemaVersion } from '@sammen/shared';
import { guardUnsaved } from './leaveGuard.js';
import { type SavedTracker, trackSaved } from './savedTracker.js';
import { createUndoManager } from './undo.js';
import { skipEncodingProviderEchoes } from './echoEncoding.js';
import { readSyncStep2V2 } from './syncStep2V2.js';
import { initialConnectionState, reduceConnection, type ConnectionEvent, type ConnectionState } from './connectionStatus.js';

/** One open board: its document, the provider that syncs it, and this person's undo history. */
export interface BoardConnection {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly undoManager: Y.UndoManager;
  /** Whether what was changed here is stored on the server. */
  readonly saved: SavedTracker;
  getState(): ConnectionState;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

/** `ws://host` or `wss://host` for the page's own origin (the CSP allows no other). */
export function wsOrigin(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}`;
}

export interface ConnectOptions {
  /** A workshop token (`?token=`); open boards need none. */
  token?: string | null;
  /** This person's private notes document (`/yjs/:boardId/private`) instead of the board. */
  privateNotes?: boolean;
}

/** Opens the board's document over `/yjs/:boardId` (or one's private notes) and tracks the connection's state. */
export function connectBoard(boardId: string, options: ConnectOptions = {}): BoardConnection {
  const doc = new Y.Doc();
  const room = options.privateNotes ? `${boardId}/private` : boardId;
  // `saved`: the server answers "stored" questions on this socket (savedTracker.ts); `v2`: its sync
  // step 2 comes in Yjs's V2 encoding, smaller and quicker to apply (syncStep2V2.ts).
  const params: Record<string, string> = { ...(options.token ? { token: options.token } : {}), [SAVED_PARAM]: '1', [V2_PARAM]: '1' };
  const provider = new WebsocketProvider(`${wsOrigin()}/yjs`, room, doc, { maxBackoffTime: 5000, params });
  const undoManager = createUndoManager(doc);
  const stopSkipping = skipEncodingProviderEchoes(doc, provider);
  readSyncStep2V2(provider);
  let state: ConnectionState = initialConnectionState;
  const listeners = new Set<() => void>();

  const dispatch = (event: ConnectionEvent): void => {
    const next = reduceConnection(state, event);
    if (next === state) return;
    state = next;
    for (const l of listeners) l();
  };

  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void =>
    dispatch({ type: 'status', status });
  const onSync = (synced: boolean): void => {
    // A board at a newer schema than this page's code (the server was updated since the page loaded):
    // what this page would write is the old layout, which the server refuses. It stops writing, and
    // says so, instead of being refused edit by edit.
    if (synced && (getSchemaVersion(doc) ?? 0) > SCHEMA_VERSION) {
      provider.disconnect();
      dispatch({ type: 'outdated' });
      return;
    }
    // The page's first synced document (bench/boardOpen.ts times the board's opening by it).
    if (synced && !performance.getEntriesByName('sammen:synced').length) performance.mark('sammen:synced');
    dispatch({ type: 'synced', synced });
  };
  const onClose = (event: CloseEvent | null): void => dispatch({ type: 'close', code: event?.code ?? null });
  const onClosed = (event: { code: number }): void => dispatch({ type: 'closed', code: event.code });
  const onOnline = (): void => {
    dispatch({ type: 'network', online: true });
    // Retry at once instead of waiting out the provider's back-off.
    if (provider.shouldConnect && !provider.wsconnected) {
      provider.disconnect();
      provider.connect();
    }
  };
  const onOffline = (): void => dispatch({ type: 'network', online: false });

  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onClose);
  provider.on('closed', onClosed);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  if (!navigator.onLine) dispatch({ type: 'network', online: false });
  const saved = trackSaved(doc, provider);
  const stopSaved = saved.subscribe(() => dispatch({ type: 'saved', unsaved: saved.unsaved(), overdue: saved.overdue() }));
  const stopGuard = guardUnsaved(saved);

  return {
    doc,
    provider,
    undoManager,
    saved,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      stopGuard();
      stopSaved();
      saved.destroy();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      listeners.clear();
      undoManager.destroy();
      stopSkipping();
      provider.destroy();
      doc.destroy();
    },
  };
}
