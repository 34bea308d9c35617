import type * as Y from 'yjs';
import { CLOSE, MIGRATIONS, SCHEMA_VERSION, getSchemaVersion, migrateDoc } from '@sammen/shared';
import type { DocumentStore, StoredDocument } from '../store/DocumentStore.js';
import type { Bus } from './Bus.js';
import type { BusLink } from './busLink.js';
import { ColdStart } from './coldStart.js';
import type { Connection } from './Connection.js';
import { encodeSyncStep1 } from './messages.js';
import type { RoomLogger } from './origins.js';
import type { RoomSockets } from './roomSockets.js';
import type { RoomStorage } from './roomStorage.js';
import type { RoomTraffic } from './roomTraffic.js';
import { prepareServerChange } from './serverChange.js';
import type { StateCache } from './stateCache.js';
import { storedSchemaVersion } from './storedSchema.js';

/** A board that could not be loaded, with the close (code and reason) its connections get. */
export class RoomLoadError extends Error {
  constructor(
    readonly close: { code: number; reason: string },
    detail: string,
    cause?: unknown,
  ) {
    super(detail, { cause });
  }
}

const NOT_LOADED = { code: 1011, reason: 'Board could not be loaded' };

/** What loading a room's document needs of the room (Room gives it its parts). */
export interface LoadingRoom {
  readonly docId: string;
  readonly doc: Y.Doc;
  readonly store: DocumentStore;
  readonly bus: Bus;
  readonly log: RoomLogger;
  /** Taken before the store is read, opened once what was read is applied (see BusLink). */
  readonly busLink: BusLink;
  readonly sockets: RoomSockets;
  readonly storage: RoomStorage;
  readonly stateCache: StateCache;
  readonly traffic: RoomTraffic;
  /** RoomOptions.knownCleanSeq: this process left the stored board clean up to this seq. */
  readonly knownCleanSeq: number | undefined;
  /** Stores a server-made update, then applies and shares it (a migration is one). */
  storeAndApply(update: Uint8Array): Promise<void>;
  disconnect(conn: Connection, close?: { code: number; reason: string }): void;
  destroy(): void;
  isOpen(): boolean;
}

/**
 * How a room gets its document from the store: the read, a cold open from the stored bytes when they
 * may be served as they are (ColdStart), the apply (RoomStorage.applyLoaded), a migration stored before
 * the live document has it, and the seq up to which the stored board is known clean when the room goes.
 */
export class RoomLoad {
  /** Set while the room serves its stored bytes as they are, until it has applied them (see open). */
  private cold: ColdStart<Connection> | null = null;
  /** Settles when the document holds the stored board (and any migration): see `whenLoaded`. */
  private readonly loaded: Promise<void>;
  private settle!: (err?: unknown) => void;
  private cleanAt: number | null = null;

  constructor(private readonly room: LoadingRoom) {
    this.loaded = new Promise<void>((resolve, reject) => (this.settle = (err) => (err === undefined ? resolve() : reject(err))));
    this.loaded.catch(() => {}); // reported to whoever waits for it; a room nobody waits for is dropped
  }

  /** The cold start under way, if the room still answers from the stored bytes. */
  get coldStart(): ColdStart<Connection> | null {
    return this.cold;
  }

  /** Settles as the load does, without starting anything (`whenLoaded` may start the apply). */
  get outcome(): Promise<void> {
    return this.loaded;
  }

  /** The seq up to which the stored board is known (to this process) readable and at the current schema. */
  get cleanSeq(): number | null {
    return this.cleanAt;
  }
  set cleanSeq(seq: number | null) {
    this.cleanAt = seq;
  }

  /**
   * Reads the store; resolves once the room can answer connections. That is when its document is
   * loaded, or, for a stored board that needs no migration and reads cleanly (known from
   * `knownCleanSeq`, else read from its bytes: storedSchema.ts), as soon as the store has been read:
   * clients are then answered from the stored bytes while the room applies them (ColdStart), and
   * everything else waits for that apply (`whenLoaded`). A load that fails after that closes the
   * connections with the reason (RoomLoadError's close).
   */
  async open(): Promise<void> {
    const { room } = this;
    let stored: StoredDocument;
    try {
      // Subscribed first, read second: an update another process stores and publishes while we read
      // is then held by the link and applied after the load, not lost between the two.
      await room.busLink.ready;
      stored = await room.store.load(room.docId);
    } catch (err) {
      room.destroy();
      throw err;
    }
    room.storage.read(stored);
    const { snapshot } = stored;
    // Servable as it is when nothing needs migrating and nothing is unreadable: known so when this
    // process left it so, else read from the bytes (a few per cent of an apply; null when in any doubt).
    const servable = snapshot && (room.knownCleanSeq === stored.lastSeq || storedSchemaVersion([snapshot, ...stored.updates]) === SCHEMA_VERSION);
    if (servable) {
      this.cold = new ColdStart({ snapshot, updates: stored.updates }, () => void this.finish(stored));
      this.cleanAt = stored.lastSeq; // what an unload before the apply leaves behind: the same, clean
      return;
    }
    await this.finish(stored);
    await this.loaded;
  }

  /**
   * Resolves once the document holds the stored board; starts applying it now if a cold room was
   * still answering from the stored bytes. Rejects (RoomLoadError) if the board cannot be loaded.
   */
  whenLoaded(): Promise<void> {
    this.cold?.beginNow();
    return this.loaded;
  }

  /** For a message that needs the document: waits for it (false if it could not be loaded). */
  async loadedForMessages(): Promise<boolean> {
    if (!this.cold) return this.room.isOpen();
    try {
      await this.whenLoaded();
      return this.room.isOpen();
    } catch {
      return false; // its connections were closed with the reason
    }
  }

  /** The room is dropped: a cold start that has not begun never will, so its load fails. */
  abandon(): void {
    this.cold?.cancel();
    if (this.cold && !this.cold.begun) this.settle(new RoomLoadError(NOT_LOADED, 'the document was closed while it loaded'));
  }

  /** Applies what was read, starts listening, migrates; settles `loaded`. */
  private async finish(stored: StoredDocument): Promise<void> {
    try {
      await this.apply(stored);
      this.settle();
    } catch (err) {
      const loadError = err instanceof RoomLoadError ? err : new RoomLoadError(NOT_LOADED, String(err), err);
      this.cleanAt = null;
      for (const conn of [...this.room.sockets]) this.room.disconnect(conn, loadError.close);
      this.room.destroy();
      this.settle(loadError);
    }
  }

  private async apply(stored: StoredDocument): Promise<void> {
    const { room } = this;
    if (!room.isOpen()) throw new RoomLoadError(NOT_LOADED, 'the document was closed while it loaded');
    const unreadable = room.storage.applyLoaded(stored);
    // A compacted board is one snapshot, written by encodeStateAsUpdate: it is the state the first
    // client asks for, so it is sent as it is instead of encoded again (any later change drops it).
    if (stored.snapshot && stored.updates.length === 0 && unreadable === 0) room.stateCache.seedFull(stored.snapshot);
    room.doc.on('update', room.traffic.onDocUpdate);
    room.busLink.open();
    // Presence is not stored: ask the processes already serving this board for theirs.
    room.bus.publish(room.docId, { kind: 'awareness-query', data: new Uint8Array(0) });
    // A migration (or the schema stamp of a new board) is a server change like any other: stored
    // before the live document has it. If it cannot be stored, the board does not open (4503).
    // A board already at this schema needs none, and is not copied to find that out: the copy
    // (encode + apply of the whole board) was 40 % of a cold open of 20,000 notes (bench/coldOpen.ts).
    if (getSchemaVersion(room.doc) !== SCHEMA_VERSION) {
      if (this.cold) room.log.error({ docId: room.docId }, 'a board served from its stored bytes needed a migration');
      const { update: migration, result: migrated } = prepareServerChange(room.doc, (doc) => migrateDoc(doc, MIGRATIONS, SCHEMA_VERSION));
      if (!migrated.ok) throw new RoomLoadError(migrated.error === 'newer-schema' ? CLOSE.SCHEMA_TOO_NEW : NOT_LOADED, migrated.detail);
      if (migration) {
        try {
          await room.storeAndApply(migration);
        } catch (err) {
          throw new RoomLoadError(CLOSE.STORAGE_FAILED, `could not store the migration: ${err instanceof Error ? err.message : String(err)}`, err);
        }
      }
    }
    room.traffic.flushUpdates(); // the migration, to nobody yet: the first clients get it in their sync step 2
    // Clients that came while the stored bytes were served get the server's state vector now (their
    // answer tells the room what they have that it lacks: usually nothing).
    if (this.cold) {
      for (const conn of room.sockets) room.sockets.send(conn, encodeSyncStep1(room.doc));
      room.log.info({ docId: room.docId, answered: this.cold.answeredCount }, 'board applied; clients meanwhile answered from its stored bytes');
    }
    this.cold = null;
  }
}
