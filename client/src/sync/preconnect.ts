import type { BoardMetadata, SessionResponse } from '@sammen/shared';
import { getBoard } from '../ui/api.js';
import { parseRoute } from '../ui/router.js';
import { getSession } from '../workshop/http.js';
import { loadToken, parseTokenFragment } from '../workshop/tokens.js';
import { type BoardConnection, connectBoard } from './boardConnection.js';

/**
 * A board's connection, and the request for who the token is, started as soon as the page knows which
 * board it opens, before it knows it will show it: the socket's handshake and sync and that request
 * then overlap the board page's code loading and running, instead of following them
 * (bench/boardOpen.ts, a participant's link). The board page takes the answer and the board session the
 * connection; a page that ends up showing something else (an expired link, a board it may not open)
 * closes it. One at a time: the page opens one board.
 */
let early: { key: string; conn: BoardConnection; session: Promise<SessionResponse> | null } | null = null;
/** Without a token, the board's metadata asked from the address (it says whether the board is open). */
let earlyBoard: { boardId: string; board: Promise<BoardMetadata> } | null = null;
/** Boards whose session has its connection: an early open that comes late (App's chunk) must not add a second. */
const inUse = new Set<string>();

const keyOf = (boardId: string, token: string | null): string => `${boardId}\n${token ?? ''}`;

export function preconnectBoard(boardId: string, token: string | null): void {
  const key = keyOf(boardId, token);
  if (early?.key === key || inUse.has(key)) return;
  early?.conn.destroy();
  // Who the token is, asked at the same time: the board page needs the answer before it shows the board.
  const session = token ? getSession(token) : null;
  session?.catch(() => {}); // the board page reads the outcome; unread, it is no error of the page's
  early = { key, conn: connectBoard(boardId, { token }), session };
}

/** The board's metadata asked from the address (no token), once; null when none was asked. */
export function takePrefetchedBoard(boardId: string): Promise<BoardMetadata> | null {
  if (earlyBoard?.boardId !== boardId) return null;
  const { board } = earlyBoard;
  earlyBoard = null;
  return board;
}

/** The answer to "who is this token" asked with the early connection, once; null when none was asked. */
export function takePrefetchedSession(boardId: string, token: string): Promise<SessionResponse> | null {
  if (early?.key !== keyOf(boardId, token) || !early.session) return null;
  const { session } = early;
  early.session = null;
  return session;
}

/**
 * From the address alone, as soon as the page knows it shows a board (App, before the board page's
 * code has loaded): with the token the link carries or this browser keeps for the board, the board's
 * socket opens while the board page's code is fetched and run. The page then takes the token
 * (`takeToken`) and this connection. Without a token the socket opens once the board is known to be
 * an open one: on a workshop's board it would only be refused.
 */
export function preconnectFromAddress(boardId: string, loc: Location = window.location): void {
  // The chunk may arrive after the person went elsewhere: the address (and its token) is another page's.
  const route = parseRoute(loc.pathname);
  if (route.page !== 'board' || route.boardId !== boardId) return;
  const token = parseTokenFragment(loc.hash) ?? loadToken(boardId);
  if (token) return preconnectBoard(boardId, token);
  // No token: an open board, or a workshop's opened without its link. Which one is asked first (the
  // board page takes the answer); only an open board's socket opens early.
  const board = getBoard(boardId);
  board.catch(() => {});
  earlyBoard = { boardId, board };
  void board.then(
    (meta) => {
      const now = parseRoute(loc.pathname);
      if (!meta.workshopId && now.page === 'board' && now.boardId === boardId) preconnectBoard(boardId, null);
    },
    () => {},
  );
}

/** The connection opened early for this board and token, once; null when there is none. From then on the board counts as in use. */
export function takePreconnected(boardId: string, token: string | null): BoardConnection | null {
  const key = keyOf(boardId, token);
  inUse.add(key);
  if (earlyBoard?.boardId === boardId) earlyBoard = null; // not to be taken by a later visit, stale
  if (early?.key !== key) return null;
  const { conn } = early;
  early = null;
  return conn;
}

/** The board session that took (or opened) its connection closed it: the board may be opened early again. */
export function releasePreconnected(boardId: string, token: string | null): void {
  inUse.delete(keyOf(boardId, token));
}

/** Closes the connection opened early for this board and token, if nobody took it. */
export function dropPreconnected(boardId: string, token: string | null): void {
  if (early?.key !== keyOf(boardId, token)) return;
  early.conn.destroy();
  early = null;
}
