import * as Y from 'yjs';

/**
 * Runs a server-made change (a reveal, vote results, a schema migration) on a copy of `doc` and
 * returns the update it produced, without touching `doc`. The caller stores that update and only
 * then applies it to the live document, so nobody ever sees a change that is not on disk.
 * The copy has its own client id: each server change adds one entry to the state vector (a few
 * bytes; reveals and vote results are rare), which keeps Yjs' client-id conflict check quiet.
 */
export function prepareServerChange<T>(doc: Y.Doc, edit: (copy: Y.Doc) => T): { update: Uint8Array | null; result: T } {
  const copy = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const produced: Uint8Array[] = [];
  copy.on('update', (update: Uint8Array) => produced.push(update));
  try {
    const result = copy.transact(() => edit(copy));
    return { update: produced.length === 0 ? null : produced.length === 1 ? produced[0]! : Y.mergeUpdates(produced), result };
  } finally {
    copy.destroy();
  }
}
