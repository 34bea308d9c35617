import { CLOSE } from '@sammen/shared';

/**
 * What the status indicator shows. `connecting` before the first sync; `online` when synced;
 * `reconnecting` after a drop while the provider retries (edits keep working and merge later);
 * `offline` when the browser has no network; `closed` when the server refused for good.
 */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'closed';

export interface ConnectionState {
  readonly status: ConnectionStatus;
  /** Whether this page has ever completed a sync with the server. */
  readonly everSynced: boolean;
  /** i18n key of the last problem the server reported, or null. */
  readonly problem: string | null;
  /** Changes made here are not yet stored on the server (savedTracker.ts). */
  readonly unsaved: boolean;
  /** ...and have waited more than a few seconds for it. */
  readonly unsavedOverdue: boolean;
}

export type ConnectionEvent =
  | { type: 'status'; status: 'connected' | 'disconnected' | 'connecting' }
  | { type: 'synced'; synced: boolean }
  /** The socket closed; `code` is null when we closed it ourselves. */
  | { type: 'close'; code: number | null }
  /** The provider gave up for good (4400–4499). */
  | { type: 'closed'; code: number }
  | { type: 'network'; online: boolean }
  | { type: 'saved'; unsaved: boolean; overdue: boolean }
  /** The board's schema is newer than this page's code knows (a server updated since the page loaded). */
  | { type: 'outdated' };

/** The problem shown when this page's code is older than the board: it stops writing until reloaded. */
export const OUTDATED_PROBLEM = 'connection.problem.boardUpdated';
export const isOutdated = (state: ConnectionState): boolean => state.problem === OUTDATED_PROBLEM;

/** Problems a reload of the page solves: the page's code is older than the board or the server. */
const RELOAD_PROBLEMS: ReadonlySet<string> = new Set([OUTDATED_PROBLEM, 'connection.problem.malformed']);
export const reloadFixes = (state: ConnectionState): boolean => state.problem !== null && RELOAD_PROBLEMS.has(state.problem);

export const initialConnectionState: ConnectionState = { status: 'connecting', everSynced: false, problem: null, unsaved: false, unsavedOverdue: false };

/** The i18n key explaining a WebSocket close code, or null for an ordinary close. */
export function closeProblemKey(code: number | null): string | null {
  switch (code) {
    case CLOSE.MESSAGE_TOO_BIG.code:
      return 'connection.problem.messageTooBig';
    case CLOSE.MALFORMED_MESSAGE.code:
      return 'connection.problem.malformed';
    case CLOSE.UNAUTHORIZED.code:
    case CLOSE.FORBIDDEN.code:
      return 'connection.problem.forbidden';
    case CLOSE.BOARD_NOT_FOUND.code:
      return 'connection.problem.boardNotFound';
    case CLOSE.BOARD_TOO_LARGE.code:
      return 'connection.problem.boardTooLarge';
    case CLOSE.STORAGE_FAILED.code:
      return 'connection.problem.storageFailed';
    case CLOSE.SERVER_SHUTDOWN.code:
      return 'connection.problem.serverShutdown';
    case CLOSE.SLOW_CONSUMER.code:
      return 'connection.problem.tooSlow';
    case CLOSE.RATE_LIMITED.code:
      return 'connection.problem.rateLimited';
    case CLOSE.BOARD_DELETED.code:
      return 'connection.problem.boardDeleted';
    case CLOSE.SCHEMA_TOO_NEW.code:
      return 'connection.problem.schemaTooNew';
    default:
      return null;
  }
}

/** Pure transition function, so the indicator's behaviour is testable without sockets. */
export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  if (state.status === 'closed') return state;
  switch (event.type) {
    case 'status':
      if (state.status === 'offline') return state;
      if (event.status === 'connected') return state;
      return { ...state, status: state.everSynced ? 'reconnecting' : 'connecting' };
    case 'synced':
      if (!event.synced) return state;
      return { ...state, status: 'online', everSynced: true, problem: null };
    case 'close': {
      const problem = closeProblemKey(event.code) ?? state.problem;
      const status = state.status === 'offline' ? 'offline' : state.everSynced ? 'reconnecting' : 'connecting';
      return { ...state, status, problem };
    }
    case 'closed':
      return { ...state, status: 'closed', problem: closeProblemKey(event.code) ?? 'connection.problem.refused' };
    case 'outdated':
      return { ...state, status: 'closed', everSynced: true, problem: OUTDATED_PROBLEM };
    case 'network':
      if (!event.online) return { ...state, status: 'offline' };
      return state.status === 'offline' ? { ...state, status: state.everSynced ? 'reconnecting' : 'connecting' } : state;
    case 'saved':
      if (state.unsaved === event.unsaved && state.unsavedOverdue === event.overdue) return state;
      return { ...state, unsaved: event.unsaved, unsavedOverdue: event.overdue };
  }
}

/**
 * The board's connection state as the status line shows it while private notes are open too: their
 * changes waiting to be stored count as the board's (a private note on a stalled socket is as much
 * at risk as a board note), while the board's own socket decides online / reconnecting / offline.
 */
export function withPrivateNotes(board: ConnectionState, privateNotes: ConnectionState | null): ConnectionState {
  if (!privateNotes) return board;
  const unsaved = board.unsaved || privateNotes.unsaved;
  const unsavedOverdue = board.unsavedOverdue || privateNotes.unsavedOverdue;
  return unsaved === board.unsaved && unsavedOverdue === board.unsavedOverdue ? board : { ...board, unsaved, unsavedOverdue };
}
