import { notesToReveal } from '@sammen/shared';
import type { BoardConnection } from '../sync/boardConnection.js';
import { keepLateText } from './keepLateText.js';

/** How long a private-notes connection stays open after its round, at most, for notes still on their way. */
export const LINGER_MS = 10 * 60_000;

/**
 * Closes a participant's private-notes connection once the round is over and nothing of theirs is
 * left to deliver. A note written just before the reveal may not have reached the server yet (a phone
 * on a slow or dropped network: the provider resends on reconnect); closing at once would lose it with
 * the page's document. The server reveals a note that arrives after its round's reveal and records in
 * the private document the text it copied to the board (revealedNotes), also for the rest of a note
 * whose first keystrokes were revealed already; so when every note is recorded with the text this page
 * has, everything arrived and is on the board. After a round
 * stopped without a reveal the notes stay private and they never leave it: the connection then
 * closes after `lingerMs`, by when a reconnecting phone has delivered them for a later round.
 */
export function closeWhenRevealed(conn: BoardConnection, lingerMs = LINGER_MS): void {
  // Only notes are revealed: anything else in the document never counts.
  const notes = (): number => notesToReveal(conn.doc).length;
  const empty = (): boolean => notes() === 0;
  if (empty()) return conn.destroy();
  setWaiting(conn, notes());
  // The next round may start before the rest of a revealed note arrives: keep it as a new note then.
  const stopKeeping = keepLateText(conn.doc);
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    stopKeeping();
    setWaiting(conn, 0);
    clearTimeout(timer);
    conn.doc.off('update', onUpdate);
    conn.provider.off('closed', close);
    conn.destroy();
  };
  const onUpdate = (): void => {
    if (empty()) close();
    else setWaiting(conn, notes());
  };
  const timer = setTimeout(close, lingerMs);
  conn.doc.on('update', onUpdate);
  // The server closed it for good (removed, the workshop deleted): nothing more can be delivered.
  conn.provider.on('closed', close);
}

/**
 * Notes of this person's that wait in private connections kept open after their round (the page says
 * so: they left the screen with the round and are not on the board yet). `useSyncExternalStore` reads it.
 */
const waiting = new Map<BoardConnection, number>();
const waitingListeners = new Set<() => void>();
let waitingTotal = 0;

function setWaiting(conn: BoardConnection, count: number): void {
  if (count > 0) waiting.set(conn, count);
  else waiting.delete(conn);
  const total = [...waiting.values()].reduce((sum, n) => sum + n, 0);
  if (total === waitingTotal) return;
  waitingTotal = total;
  for (const listener of waitingListeners) listener();
}

/** How many private notes are still on their way to the board. */
export function waitingPrivateNotes(): number {
  return waitingTotal;
}

export function subscribeWaitingPrivateNotes(listener: () => void): () => void {
  waitingListeners.add(listener);
  return () => waitingListeners.delete(listener);
}
