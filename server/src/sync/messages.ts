import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MESSAGE_SAVED, MESSAGE_SYNC_STEP_2_V2 } from '@sammen/shared';

/**
 * The y-websocket wire format (message numbering as in y-protocols and the y-websocket provider).
 * Pure encode/decode: no sockets, no documents kept.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export type IncomingMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array } // sync step 2 and update carry the same payload
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  /** "Tell me when everything I sent before this is stored" (`@sammen/shared` savedMessage.ts). */
  | { kind: 'saved-query'; seq: number };

export class MalformedMessageError extends Error {
  constructor(detail: string) {
    super(`malformed message: ${detail}`);
    this.name = 'MalformedMessageError';
  }
}

/** Decodes one client message; throws MalformedMessageError for anything that is not well-formed. */
export function decodeMessage(data: Uint8Array): IncomingMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    let message: IncomingMessage;
    switch (type) {
      case MESSAGE_SYNC: {
        const sub = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sub === syncProtocol.messageYjsSyncStep1) message = { kind: 'sync-step-1', stateVector: payload };
        else if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate) {
          message = { kind: 'update', update: payload };
        } else throw new MalformedMessageError(`unknown sync message ${sub}`);
        break;
      }
      case MESSAGE_AWARENESS:
        message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
        break;
      case MESSAGE_QUERY_AWARENESS:
        message = { kind: 'query-awareness' };
        break;
      case MESSAGE_SAVED: {
        const seq = decoding.readVarUint(decoder);
        if (seq === 0) throw new MalformedMessageError('saved query 0 (only the server says 0)');
        message = { kind: 'saved-query', seq };
        break;
      }
      default:
        throw new MalformedMessageError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessageError('trailing bytes');
    return message;
  } catch (err) {
    if (err instanceof MalformedMessageError) throw err;
    // lib0 throws plain Errors ("Unexpected end of array", "Integer out of range") on truncated input.
    throw new MalformedMessageError(err instanceof Error ? err.message : String(err));
  }
}

/** The answer to a saved query (`seq`), or with 0 the server's "I answer them" (savedMessage.ts). */
export function encodeSaved(seq: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SAVED);
  encoding.writeVarUint(encoder, seq);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2 as Sammen's V2 message (`@sammen/shared` syncStep2V2.ts), around a V2 update. */
export function encodeSyncStep2V2(updateV2: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC_STEP_2_V2);
  encoding.writeVarUint8Array(encoder, updateV2);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2 carrying an update the caller already has (the same bytes `encodeSyncStep2` would encode). */
export function encodeSyncStep2FromUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
