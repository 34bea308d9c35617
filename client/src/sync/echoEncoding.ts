import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';

/**
 * Spares Yjs from encoding what the provider itself just received. While a document has an `update`
 * listener, Yjs encodes every transaction as an update message after its observers ran; the
 * provider's listener then drops the ones it applied itself (origin === provider). For the first sync
 * of a 20,000-note board that is the whole 5 MB re-encoded for nothing (~20 % of handling the sync
 * message, see bench/boardOpen.ts). So the provider's listener is taken off just for the provider's
 * own transactions, right before Yjs looks for listeners (`afterTransactionCleanup` is emitted per
 * transaction, just before that), and put back for any other transaction and after the last.
 * Only valid while the provider's listener is the document's only `update` listener: with any other,
 * Yjs encodes anyway and nothing is saved (nothing breaks either).
 */
export function skipEncodingProviderEchoes(doc: Y.Doc, provider: WebsocketProvider): () => void {
  const send = provider._updateHandler;
  let detached = false;
  const attach = (): void => {
    if (!detached) return;
    detached = false;
    doc.on('update', send);
  };
  const onCleanup = (transaction: Y.Transaction): void => {
    if (transaction.origin !== provider) return attach();
    if (detached) return;
    detached = true;
    doc.off('update', send);
  };
  doc.on('afterTransactionCleanup', onCleanup);
  doc.on('afterAllTransactions', attach);
  return () => {
    doc.off('afterTransactionCleanup', onCleanup);
    doc.off('afterAllTransactions', attach);
    attach();
  };
}
