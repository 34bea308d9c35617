import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE } from '@sammen/shared';
import { StorageError } from '../store/StorageError.js';
import { type ColdStart, knowsNothing } from './coldStart.js';
import type { CommitPipeline } from './commitPipeline.js';
import type { Connection } from './Connection.js';
import type { RefusalReason } from './limits.js';
import { MalformedMessageError, decodeMessage, encodeAwareness, encodeSaved } from './messages.js';
import type { RoomLogger } from './origins.js';
import type { PresenceGuard } from './presence.js';
import type { RoomSockets } from './roomSockets.js';
import type { RoomStorage } from './roomStorage.js';
import type { StateCache } from './stateCache.js';
import type { UpdateGate } from './UpdateGate.js';
import { takeUpdate } from './updateIntake.js';

/** Largest awareness (presence) message accepted from one client. */
export const MAX_AWARENESS_BYTES = 64 * 1024;

/** What handling a client's message needs of its room (Room gives it its parts). */
export interface MessageRoom {
  readonly docId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly gate: UpdateGate;
  readonly log: RoomLogger;
  readonly sockets: RoomSockets;
  readonly storage: RoomStorage;
  readonly pipeline: CommitPipeline;
  readonly stateCache: StateCache;
  readonly presence: PresenceGuard<Connection>;
  /** The cold start under way, if the room still answers from the stored bytes. */
  coldStart(): ColdStart<Connection> | null;
  isOpen(): boolean;
  /** For a message that needs the document: waits for it (false if it could not be loaded). */
  loadedForMessages(): Promise<boolean>;
  refused(reason: RefusalReason): void;
  disconnect(conn: Connection, close?: { code: number; reason: string }): void;
}

/**
 * One message from a client, in the room's queue: the y-websocket protocol (sync step 1 and 2,
 * updates, awareness). A malformed message closes its connection (4400), never the process; a store
 * failure closes it with 4503.
 */
export async function handleClientMessage(room: MessageRoom, conn: Connection, data: Uint8Array): Promise<void> {
  if (conn.closed || !room.isOpen()) return;
  try {
    const message = decodeMessage(data);
    switch (message.kind) {
      case 'sync-step-1': {
        const coldStart = room.coldStart();
        if (coldStart && !coldStart.begun && knowsNothing(message.stateVector)) {
          for (const m of coldStart.answer(conn)) room.sockets.send(conn, m);
          coldStart.maybeBegin(room.sockets);
          break;
        }
        // A client that has some of the board gets a diff, from the document.
        if (!(await room.loadedForMessages())) return;
        // Updates already accepted but still on their way to disk are in the answer too: a client that
        // has synced holds everything the room took before it asked (one commit's wait at most).
        if (room.pipeline.busy) await room.pipeline.settled();
        if (conn.closed || !room.isOpen()) return;
        room.sockets.send(conn, room.stateCache.syncStep2(message.stateVector, conn.readsV2));
        break;
      }
      case 'update':
        if (!(await room.loadedForMessages())) return;
        await acceptUpdate(room, conn, message.update);
        break;
      case 'awareness':
        // Presence is a name, a colour, a cursor and a selection: a few hundred bytes. Anything
        // much larger would be copied to every client in the room.
        if (message.update.byteLength > MAX_AWARENESS_BYTES) {
          room.refused('too-big');
          room.disconnect(conn, { code: CLOSE.MESSAGE_TOO_BIG.code, reason: `Presence too big: the limit is ${MAX_AWARENESS_BYTES} bytes` });
          return;
        }
        room.presence.receive(conn, message.update);
        break;
      case 'query-awareness':
        room.sockets.send(conn, encodeAwareness(room.awareness, [...room.awareness.getStates().keys()]));
        break;
      case 'saved-query':
        // One queue per room: every message this connection sent before the question has been handled
        // (an update refused closed the socket), and what was accepted may still be on its way to
        // disk. Updates held for what they depend on are not stored: no answer, the page asks again.
        if (room.pipeline.busy) await room.pipeline.settled();
        if (conn.closed || conn.held) return;
        room.sockets.send(conn, encodeSaved(message.seq));
        break;
    }
  } catch (err) {
    if (err instanceof StorageError) {
      room.log.error({ err: err.cause, docId: room.docId }, 'store append failed');
      room.disconnect(conn, CLOSE.STORAGE_FAILED);
    } else {
      // Anything else that throws while reading a client's bytes is the client's fault: y-protocols
      // and lib0 throw plain errors on garbage, which must never reach the process.
      room.log.warn({ err: err instanceof MalformedMessageError ? err.message : err, docId: room.docId }, 'malformed message');
      room.refused('malformed');
      room.disconnect(conn, CLOSE.MALFORMED_MESSAGE);
    }
  }
}

/** An update from a client: read, sized, judged by the gate, then stored, and applied once stored. */
async function acceptUpdate(room: MessageRoom, conn: Connection, received: Uint8Array): Promise<void> {
  const intake = await takeUpdate(conn, received, room);
  if (intake.kind === 'rate-limited') {
    room.refused('rate-limited');
    room.disconnect(conn, CLOSE.RATE_LIMITED);
    return;
  }
  if (intake.kind === 'nothing') return;
  const { update, decoded } = intake;
  if (await room.storage.wouldOverfill(update.byteLength)) {
    if (!room.isOpen()) return;
    room.refused('board-full');
    room.disconnect(conn, CLOSE.BOARD_TOO_LARGE);
    return;
  }
  const verdict = await room.gate.check(update, { docId: room.docId, doc: room.doc, sender: conn.sender, decoded });
  if (!verdict.ok) {
    room.refused('gate');
    room.disconnect(conn, { code: verdict.code, reason: verdict.reason });
    return;
  }
  // Stored now (with whatever else waits for the disk), applied and shared once stored, in order;
  // meanwhile the next message is judged (CommitPipeline says why that is sound).
  room.pipeline.add(
    () => room.storage.persist(update),
    () => {
      if (room.isOpen()) Y.applyUpdate(room.doc, update, conn);
    },
    (err) => {
      room.log.error({ err: err instanceof StorageError ? err.cause : err, docId: room.docId }, 'store append failed');
      room.disconnect(conn, CLOSE.STORAGE_FAILED);
    },
  );
}
