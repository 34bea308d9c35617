import { loadToken, parseTokenFragment } from '../workshop/tokens.js';
import { type BoardConnection, connectBoard } from './boardConnection.js';

/**
 * A board's connection opened as soon as the page knows which board it opens, before it knows it will
 * show it: the board socket's handshake and sync then overlap the page's request for who the token is
 * and the board page's first render, instead of following them (bench/boardOpen.ts: "board WebSocket
 * created"). The board session takes it; a page that ends up showing something else (an expired link,
 * a board it may not open) closes it. One at a time: the page opens one board.
 */
let early: { key: string; conn: BoardConnection } | null = null;
/** Boards whose session has its connection: an early open that comes late (App's chunk) must not add a second. */
const inUse = new Set<string>();

const keyOf = (boardId: string, token: string | null): string => `${boardId}\n${token ?? ''}`;

export function preconnectBoard(boardId: string, token: string | null): void {
  const key = keyOf(boardId, token);
  if (early?.key === key || inUse.has(key)) return;
  early?.conn.destroy();
  early = { key, conn: connectBoard(boardId, { token }) };
}

/**
 * From the address alone, as soon as the page knows it shows a board (App, before the board page's
 * code has loaded): with the token the link carries or this browser keeps for the board, the board's
 * socket opens while the board page's code is fetched and run. The page then takes the token
 * (`takeToken`) and this connection. Without a token nothing opens: on a workshop's board it would
 * only be refused.
 */
export function preconnectFromAddress(boardId: string, loc: Location = window.location): void {
  const token = parseTokenFragment(loc.hash) ?? loadToken(boardId);
  if (token) preconnectBoard(boardId, token);
}

/** The connection opened early for this board and token, once; null when there is none. From then on the board counts as in use. */
export function takePreconnected(boardId: string, token: string | null): BoardConnection | null {
  const key = keyOf(boardId, token);
  inUse.add(key);
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
