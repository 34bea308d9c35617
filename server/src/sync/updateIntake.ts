import * as Y from 'yjs';
import type { Connection } from './Connection.js';
import { integratesCompletely } from './completeness.js';
import type { DecodedUpdate } from './decodedUpdate.js';
import { MAX_HELD_BYTES, itemCost } from './limits.js';
import { MalformedMessageError } from './messages.js';

/** What to do with an update a client sent, once it has been read. */
export type Intake =
  /** Its items cost more than the connection has left: close it. */
  | { kind: 'rate-limited' }
  /** Nothing to store: empty, held until what completes it arrives, or the room closed meanwhile. */
  | { kind: 'nothing' }
  /** To be judged (size, gate), stored and applied: `update` whole, `decoded` its decoding. */
  | { kind: 'judge'; update: Uint8Array; decoded: DecodedUpdate };

export interface IntakeRoom {
  readonly doc: Y.Doc;
  /** Updates accepted and on their way to disk (the room's commit pipeline). */
  readonly pipeline: { readonly busy: boolean; settled(): Promise<void> };
  isOpen(): boolean;
}

/**
 * Reads one update from a client, before anything judges it: decodes it (once: completeness and the
 * gate read this decoding), charges its items, joins it to what the connection holds, and makes sure
 * that what will be judged integrates completely. Throws MalformedMessageError for anything that is
 * not a Yjs update.
 */
export async function takeUpdate(conn: Connection, received: Uint8Array, room: IntakeRoom): Promise<Intake> {
  let decoded: DecodedUpdate;
  let judged: DecodedUpdate;
  let update = received;
  try {
    decoded = Y.decodeUpdate(received);
    judged = decoded;
    // Judging and applying cost CPU per item, and 2 MiB of one-character items is 150,000 of them
    // (seconds of work): the items are charged too, before any of that work is done.
    if (!conn.bucket.take(itemCost(decoded.structs.length), Date.now())) return { kind: 'rate-limited' };
    // Never let Yjs park half an update as pending structs: what the gate judges is what applies.
    // A client sends such an update right after reconnecting (an edit made before its sync step 2
    // arrives); it is held, unapplied and unstored, and judged whole with what completes it.
    if (conn.held) {
      update = Y.mergeUpdates([conn.held, received]);
      judged = Y.decodeUpdate(update);
    }
    conn.held = null;
    // It may build on updates still on their way to disk (a client typing): judge it after them.
    if (room.pipeline.busy && !integratesCompletely(judged, room.doc)) await room.pipeline.settled();
    if (!room.isOpen()) return { kind: 'nothing' };
    if (!integratesCompletely(judged, room.doc)) {
      if (update.byteLength > MAX_HELD_BYTES) throw new MalformedMessageError('updates that depend on changes never sent');
      conn.held = update;
      return { kind: 'nothing' };
    }
  } catch (err) {
    if (err instanceof MalformedMessageError) throw err;
    throw new MalformedMessageError(`not a Yjs update (${err instanceof Error ? err.message : String(err)})`);
  }
  // A client that has nothing new still answers sync step 1 with an empty update; store nothing.
  if (update === received && decoded.structs.length === 0 && decoded.ds.clients.size === 0) return { kind: 'nothing' };
  return { kind: 'judge', update, decoded: judged };
}
