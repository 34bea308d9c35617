import * as Y from 'yjs';

/**
 * A Yjs update as `Y.decodeUpdate` reads it. Decoding is most of the cost of judging an update (each
 * item becomes an object), so the room decodes an incoming update once and hands this to every reader
 * (completeness, the gate's content, touched and pending checks), which only read it.
 */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** `update`'s decoded form: as given when the caller has it, decoded here when it is still bytes. */
export function decodedForm(update: Uint8Array | DecodedUpdate): DecodedUpdate {
  return update instanceof Uint8Array ? Y.decodeUpdate(update) : update;
}
