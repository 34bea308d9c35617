import * as Y from 'yjs';
import { encodeSyncStep2, encodeSyncStep2FromUpdate, encodeSyncStep2V2 } from './messages.js';

/**
 * The answer to sync step 1, cached per room (in V1, and in V2 for pages that read it). Encoding a
 * whole board is the most expensive thing a client can ask for (an 8 MiB board takes tens of milliseconds and allocates its size each time), and
 * asking costs the client a few bytes. A client with an empty state vector (every new connection) gets
 * the one cached full state; a client that has some of the board gets a diff, and the last diff is
 * kept too (a client repeating its question is answered from memory). Any transaction on the document
 * drops both. Structs that wait for a missing dependency are not sent (see `withoutPending`).
 * Sending one cached buffer to many sockets shares its memory: `ws` does not copy unmasked frames.
 */
export class StateCache {
  private full: Uint8Array | null = null;
  private fullV2: Uint8Array | null = null;
  private lastDiff: { key: string; message: Uint8Array } | null = null;
  private readonly invalidate = (): void => {
    this.full = null;
    this.fullV2 = null;
    this.lastDiff = null;
  };

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.invalidate);
  }

  /**
   * The sync step 2 message for a client's encoded state vector: y-protocols' (V1), or with `v2`
   * Sammen's V2 message (a page that asked for it). Throws (a plain Error from lib0) when the state
   * vector is not well-formed.
   */
  syncStep2(encodedStateVector: Uint8Array, v2 = false): Uint8Array {
    const stateVector = Y.decodeStateVector(encodedStateVector);
    let knowsSomething = false;
    for (const client of this.doc.store.clients.keys()) {
      if ((stateVector.get(client) ?? 0) > 0) {
        knowsSomething = true;
        break;
      }
    }
    if (!knowsSomething) {
      if (v2) return (this.fullV2 ??= withoutPending(this.doc, () => encodeSyncStep2V2(Y.encodeStateAsUpdateV2(this.doc))));
      return (this.full ??= withoutPending(this.doc, () => encodeSyncStep2(this.doc, new Uint8Array([0]))));
    }
    const key = `${v2 ? 'v2' : 'v1'}:${Buffer.from(encodedStateVector).toString('base64')}`;
    if (this.lastDiff?.key === key) return this.lastDiff.message;
    const message = withoutPending(this.doc, () =>
      v2 ? encodeSyncStep2V2(Y.encodeStateAsUpdateV2(this.doc, encodedStateVector)) : encodeSyncStep2(this.doc, encodedStateVector),
    );
    this.lastDiff = { key, message };
    return message;
  }

  /**
   * Takes `update` (the whole document, as `Y.encodeStateAsUpdate` wrote it, e.g. the stored snapshot
   * a room was just loaded from) as the answer for clients that know nothing, so it is not encoded
   * again. Ignored while the document holds pending structs: those must never reach clients.
   */
  seedFull(update: Uint8Array): void {
    if (this.doc.store.pendingStructs || this.doc.store.pendingDs) return;
    this.full = encodeSyncStep2FromUpdate(update);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.invalidate);
    this.invalidate();
  }
}

/**
 * Runs `encode` with the document's pending structs and deletions hidden. Yjs adds them to every
 * encoded state; sent to clients, someone's half-delivered update would come back inside every other
 * client's next sync and be judged as theirs. They reach clients once they integrate (as part of
 * that transaction's update). Stored snapshots still include them (Room.compact encodes directly).
 */
export function withoutPending<T>(doc: Y.Doc, encode: () => T): T {
  const { pendingStructs, pendingDs } = doc.store;
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  try {
    return encode();
  } finally {
    doc.store.pendingStructs = pendingStructs;
    doc.store.pendingDs = pendingDs;
  }
}
