import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Bus, BusMessage } from './Bus.js';
import { BroadcastOutbox } from './commitPipeline.js';
import { Connection } from './Connection.js';
import { encodeAwareness, encodeUpdate } from './messages.js';
import { BUS_ORIGIN, LOAD_ORIGIN, type RoomLogger, SERVER_ORIGIN } from './origins.js';
import { PresenceOutbox } from './presenceOutbox.js';
import type { RoomSockets } from './roomSockets.js';
import type { RoomStorage } from './roomStorage.js';

/** What a room's traffic needs of the room (Room gives it its parts). */
export interface TrafficRoom {
  readonly docId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly bus: Bus;
  readonly log: RoomLogger;
  readonly sockets: RoomSockets;
  readonly storage: RoomStorage;
  /** Presence is sent at most once per this interval (PresenceOutbox). */
  readonly presenceIntervalMs: number;
  enqueue(task: () => Promise<void>): void;
  isOpen(): boolean;
}

/**
 * Where a room's changes go once they are in its document or its awareness: to its sockets (merged per
 * turn: BroadcastOutbox; presence coalesced: PresenceOutbox) and, for changes made in this process,
 * to the bus; and what comes from the bus (stored by the process that sent it), applied here.
 */
export class RoomTraffic {
  /** Document changes to send, merged per turn of the event loop (one message for all sockets). */
  private readonly outbox: BroadcastOutbox<Connection>;
  /** Presence changes to send, coalesced for the whole room (at most one message per interval). */
  private readonly presenceOutbox: PresenceOutbox;

  constructor(private readonly room: TrafficRoom) {
    this.outbox = new BroadcastOutbox<Connection>((update, except) => room.sockets.broadcast(encodeUpdate(update), except));
    this.presenceOutbox = new PresenceOutbox(room.presenceIntervalMs, (changed, local) => this.sendPresence(changed, local));
  }

  /** Sends the document changes that wait, now. */
  flushUpdates(): void {
    this.outbox.flush();
  }

  /** Sends everything that waits, now (document changes and presence). */
  flush(): void {
    this.outbox.flush();
    this.presenceOutbox.flush();
  }

  /** Forgets what waits (the room is gone). */
  clear(): void {
    this.outbox.clear();
    this.presenceOutbox.clear();
  }

  /** The document's 'update' listener: what to share, with whom, and whether to publish it. */
  readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    const { room } = this;
    if (origin === LOAD_ORIGIN) return;
    if (origin === BUS_ORIGIN) {
      this.outbox.push(update, null); // stored by the process it came from
      return;
    }
    if (origin instanceof Connection) {
      this.outbox.push(update, origin);
      room.bus.publish(room.docId, { kind: 'update', data: update });
      return;
    }
    if (origin === SERVER_ORIGIN) {
      // Stored by applyServerChange (or the load's migration) before it was applied.
      this.outbox.push(update, null);
      room.bus.publish(room.docId, { kind: 'update', data: update });
      return;
    }
    // A change made on the live document directly, bypassing applyServerChange: a bug, since others
    // may already have read it. Store it and share it as well as we can, and say so loudly.
    room.log.error({ docId: room.docId }, 'a server change bypassed applyServerChange');
    room.enqueue(async () => {
      try {
        await room.storage.persist(update);
      } catch (err) {
        room.log.error({ err, docId: room.docId }, 'could not store a server change');
        return;
      }
      this.outbox.push(update, null);
      room.bus.publish(room.docId, { kind: 'update', data: update });
    });
  };

  /** The awareness's 'update' listener. */
  readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    this.presenceOutbox.add([...added, ...updated, ...removed], origin !== BUS_ORIGIN);
  };

  /** What another process applied and published (stored there): applied here, shared locally only. */
  applyFromBus(message: BusMessage): void {
    const { room } = this;
    if (!room.isOpen()) return;
    try {
      if (message.kind === 'update') {
        Y.applyUpdate(room.doc, message.data, BUS_ORIGIN);
        room.storage.counted(message.data.byteLength); // stored by the process that published it
      } else if (message.kind === 'awareness') awarenessProtocol.applyAwarenessUpdate(room.awareness, message.data, BUS_ORIGIN);
      else {
        const present = [...room.awareness.getStates().keys()];
        if (present.length) room.bus.publish(room.docId, { kind: 'awareness', data: awarenessProtocol.encodeAwarenessUpdate(room.awareness, present) });
      }
    } catch (err) {
      room.storage.markUnclean();
      room.log.error({ err, docId: room.docId }, 'could not apply a message from the bus');
    }
  }

  /** The latest presence of the clients that changed, to this process's sockets and (`local`) the bus. */
  private sendPresence(changed: number[], local: number[]): void {
    const { room } = this;
    if (!room.isOpen()) return;
    room.sockets.broadcast(encodeAwareness(room.awareness, changed), null, { presence: true });
    if (local.length) room.bus.publish(room.docId, { kind: 'awareness', data: awarenessProtocol.encodeAwarenessUpdate(room.awareness, local) });
  }
}
