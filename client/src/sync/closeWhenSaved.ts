import type { BoardConnection } from './boardConnection.js';

/** How long a board connection the page no longer shows stays open, at most, for changes not yet stored. */
export const SAVE_LINGER_MS = 2 * 60_000;

/**
 * Closes a board connection the page stopped showing (the person went to another page of the app: the
 * "Sammen" link, the browser's back button) once what was changed here is stored. Closed at once, a
 * note written on a stalled or dropped network was lost with the page's document, and no "Leave
 * site?" asks for a move inside the app. Meanwhile the connection keeps delivering (and replaces a
 * stalled socket, savedTracker.ts), the leave guard still asks before the tab is closed, and this
 * person's presence is gone from the board. Closes anyway after `lingerMs`, or once the server closed
 * it for good.
 */
export function closeWhenSaved(conn: BoardConnection, lingerMs = SAVE_LINGER_MS): void {
  if (!conn.saved.unsaved()) return conn.destroy();
  conn.provider.awareness.setLocalState(null);
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    stopWatching();
    conn.provider.off('closed', close);
    conn.destroy();
  };
  const stopWatching = conn.saved.subscribe(() => {
    if (!conn.saved.unsaved()) close();
  });
  const timer = setTimeout(close, lingerMs);
  conn.provider.on('closed', close);
}
