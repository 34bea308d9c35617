import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';

/**
 * Asks before the page is left while something typed here has not reached the server: a note written
 * while the socket was down (a phone on a train, a laptop whose wifi dropped). Closing the tab then
 * would lose it with the page's document, which is kept nowhere else (no IndexedDB: a municipality's
 * shared PCs must not keep a citizen's notes). The browser words the question itself and some mobile
 * browsers never ask; it is the safety net of desktops and old laptops. The listener is there only
 * while something is unsent: a page with a `beforeunload` listener may be kept out of the browser's
 * back/forward cache.
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
 * Watches one connection's document: a change made here while the socket is down (or not yet synced)
 * is unsent until the provider has synced again, when it answered the server's sync step 1 with what
 * the server lacked. Returns the function that stops watching.
 */
export function guardUnsentChanges(doc: Y.Doc, provider: WebsocketProvider): () => void {
  const connection = {};
  // afterTransaction, not 'update': an update listener makes Yjs encode every transaction, the
  // provider's 4 MB sync step 2 of a big board included (echoEncoding.ts spares the page exactly that).
  const onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin === provider || (provider.wsconnected && provider.synced)) return;
    if (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0) mark(connection, true);
  };
  const onSync = (synced: boolean): void => {
    if (synced) mark(connection, false);
  };
  doc.on('afterTransaction', onTransaction);
  provider.on('sync', onSync);
  return () => {
    doc.off('afterTransaction', onTransaction);
    provider.off('sync', onSync);
    mark(connection, false);
  };
}
