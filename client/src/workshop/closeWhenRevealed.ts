import { getElements } from '@sammen/shared';
import type { BoardConnection } from '../sync/boardConnection.js';

/** How long a private-notes connection stays open after its round, at most, for notes still on their way. */
export const LINGER_MS = 10 * 60_000;

/**
 * Closes a participant's private-notes connection once the round is over and nothing of theirs is
 * left to deliver. A note written just before the reveal may not have reached the server yet (a phone
 * on a slow or dropped network: the provider resends on reconnect); closing at once would lose it with
 * the page's document. The server reveals a note that arrives after its round's reveal and then removes
 * it from the private document, so an empty private document means everything arrived. After a round
 * stopped without a reveal the notes stay private and the document never empties: the connection then
 * closes after `lingerMs`, by when a reconnecting phone has delivered them for a later round.
 */
export function closeWhenRevealed(conn: BoardConnection, lingerMs = LINGER_MS): void {
  const empty = (): boolean => getElements(conn.doc).length === 0;
  if (empty()) return conn.destroy();
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    conn.doc.off('update', onUpdate);
    conn.provider.off('closed', close);
    conn.destroy();
  };
  const onUpdate = (): void => {
    if (empty()) close();
  };
  const timer = setTimeout(close, lingerMs);
  conn.doc.on('update', onUpdate);
  // The server closed it for good (removed, the workshop deleted): nothing more can be delivered.
  conn.provider.on('closed', close);
}
