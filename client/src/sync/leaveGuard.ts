import type { SavedTracker } from './savedTracker.js';

/**
 * Asks before the page is left while something typed here is not stored on the server: a note written
 * while the socket was down (a phone on a train, a laptop whose wifi dropped), or sent into a socket
 * that stalled. Closing the tab then would lose it with the page's document, which is kept nowhere
 * else (no IndexedDB: a municipality's shared PCs must not keep a citizen's notes). The browser words
 * the question itself and some mobile browsers never ask; it is the safety net of desktops and old
 * laptops (the status line says "not saved yet" everywhere: ConnectionIndicator). The listener is
 * there only while something is unsent: a page with a `beforeunload` listener may be kept out of the
 * browser's back/forward cache.
 */
const unsent = new Set<object>();

function onBeforeUnload(event: BeforeUnloadEvent): void {
  event.preventDefault();
  event.returnValue = ''; // older browsers ask only when this is set
}

function mark(connection: object, isUnsent: boolean): void {
  const before = unsent.size;
  if (isUnsent) unsent.add(connection);
  else unsent.delete(connection);
  if (before === 0 && unsent.size > 0) window.addEventListener('beforeunload', onBeforeUnload);
  if (before > 0 && unsent.size === 0) window.removeEventListener('beforeunload', onBeforeUnload);
}

/**
 * Asks while the connection's tracker knows of changes made here that the server has not stored
 * (savedTracker.ts: written while the socket was down, or sent into one that stalled). Returns the
 * function that stops watching.
 */
export function guardUnsaved(tracker: SavedTracker): () => void {
  const connection = {};
  const update = (): void => mark(connection, tracker.unsaved());
  const stop = tracker.subscribe(update);
  update();
  return () => {
    stop();
    mark(connection, false);
  };
}
