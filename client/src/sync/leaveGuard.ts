import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';

/**
 * Asks before the page is left while something typed here has not reached the server: a note written
 * offline (a phone on a train, a laptop whose wifi dropped), or one still queued in the socket. Closing
 * the tab then would lose it with the page's document, which is kept nowhere else (no IndexedDB: a
 * municipality's shared PCs must not keep a citizen's notes). The browser words the question itself
 * and some mobile browsers never ask; it is the safety net of desktops and old laptops.
 */
const watched = new Set<() => boolean>();

function onBeforeUnload(event: BeforeUnloadEvent): void {
  for (const unsent of watched) {
    if (!unsent()) continue;
    event.preventDefault();
    event.returnValue = ''; // older browsers ask only when this is set
    return;
  }
}

/**
 * Watches one connection's document: changes made here while the socket was down stay unsent until the
 * provider has synced again; changes made while it is up are unsent while the socket still holds them.
 * Returns the function that stops watching.
 */
export function guardUnsentChanges(doc: Y.Doc, provider: WebsocketProvider): () => void {
  let changedOffline = false;
  // afterTransaction, not 'update': an update listener makes Yjs encode every transaction, the
  // provider's 4 MB sync step 2 of a big board included (echoEncoding.ts spares the page exactly that).
  const onTransaction = (transaction: Y.Transaction): void => {
    if (transaction.origin === provider || (provider.wsconnected && provider.synced)) return;
    if (transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0) changedOffline = true;
  };
  const onSync = (synced: boolean): void => {
    // Synced again: the provider answered the server's sync step 1 with what it lacked (in the socket now).
    if (synced) changedOffline = false;
  };
  const unsent = (): boolean => changedOffline || (provider.ws?.bufferedAmount ?? 0) > 0;
  doc.on('afterTransaction', onTransaction);
  provider.on('sync', onSync);
  if (watched.size === 0) window.addEventListener('beforeunload', onBeforeUnload);
  watched.add(unsent);
  return () => {
    doc.off('afterTransaction', onTransaction);
    provider.off('sync', onSync);
    watched.delete(unsent);
    if (watched.size === 0) window.removeEventListener('beforeunload', onBeforeUnload);
  };
}
