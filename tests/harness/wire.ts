import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';

/** A y-websocket "update" message around a raw Yjs update, as a crafted client would send it. */
export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}
