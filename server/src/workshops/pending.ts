import * as Y from 'yjs';
import type { DecodedUpdate } from '../sync/decodedUpdate.js';

/**
 * What an update finally changes when it integrates. Yjs keeps structs whose dependencies are missing
 * (a clock gap, an unknown neighbour) as pending and integrates them later, when the update that fills
 * the gap arrives — so an update prepared before a frame was locked and completed after it would change
 * the frame without the gate ever having seen that change. When `update` supplies a struct that the
 * document's pending structs wait for, the gate judges both together: the pending structs are part of
 * what applying `update` changes. (Updates that release nothing are judged alone, so structs someone
 * left pending cannot make everyone else's edits refused.) Returns what to judge, decoded: `decoded`
 * (the caller's decoding of `update`, if it has one) unless pending structs join it.
 */
export function withReleasedPending(update: Uint8Array, doc: Y.Doc, decoded?: DecodedUpdate): { update: Uint8Array; decoded: DecodedUpdate } {
  const own = decoded ?? Y.decodeUpdate(update);
  const pending = doc.store.pendingStructs;
  if (!pending) return { update, decoded: own };
  // `missing` holds, per client, the clock the pending structs wait for.
  const releases = own.structs.some((s) => {
    const needed = pending.missing.get(s.id.client);
    return needed !== undefined && s.id.clock <= needed && needed < s.id.clock + s.length;
  });
  if (!releases) return { update, decoded: own };
  // A different update is judged then, so it is decoded once more (rare: the room applies nothing
  // incomplete, only the bus can leave pending structs).
  const merged = Y.mergeUpdates([Y.convertUpdateFormatV2ToV1(pending.update), update]);
  return { update: merged, decoded: Y.decodeUpdate(merged) };
}
