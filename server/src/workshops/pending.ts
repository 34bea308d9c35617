import * as Y from 'yjs';

/**
 * What an update finally changes when it integrates. Yjs keeps structs whose dependencies are missing
 * (a clock gap, an unknown neighbour) as pending and integrates them later, when the update that fills
 * the gap arrives — so an update prepared before a frame was locked and completed after it would change
 * the frame without the gate ever having seen that change. When `update` supplies a struct that the
 * document's pending structs wait for, the gate judges both together: the pending structs are part of
 * what applying `update` changes. (Updates that release nothing are judged alone, so structs someone
 * left pending cannot make everyone else's edits refused.)
 */
export function withReleasedPending(update: Uint8Array, doc: Y.Doc): Uint8Array {
  const pending = doc.store.pendingStructs;
  if (!pending) return update;
  const { structs } = Y.decodeUpdate(update);
  // `missing` holds, per client, the clock the pending structs wait for.
  const releases = structs.some((s) => {
    const needed = pending.missing.get(s.id.client);
    return needed !== undefined && s.id.clock <= needed && needed < s.id.clock + s.length;
  });
  return releases ? Y.mergeUpdates([Y.convertUpdateFormatV2ToV1(pending.update), update]) : update;
}
