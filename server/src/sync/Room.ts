import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE } from '@sammen/shared';
import type { DocumentStore } from '../store/DocumentStore.js';
import type { Bus } from './Bus.js';
import { BusLink } from './busLink.js';
import { type MessageRoom, handleClientMessage } from './clientMessages.js';
import { encodeAwareness, encodeSaved, encodeSyncStep1 } from './messages.js';
import { prepareServerChange } from './serverChange.js';
import type { SenderInfo, UpdateGate } from './UpdateGate.js';
import { type ConnectionLimits, DEFAULT_CONNECTION_LIMITS, type RefusalReason, messageCost } from './limits.js';
import { PresenceGuard } from './presence.js';
import { StateCache } from './stateCache.js';
import { CommitPipeline } from './commitPipeline.js';
import { TokenBucket } from './tokenBucket.js';
import { Connection, type SyncSocket, samePerson } from './Connection.js';
import { type RoomLogger, SERVER_ORIGIN } from './origins.js';
import { RoomLoad } from './roomLoad.js';
import { RoomSockets } from './roomSockets.js';
import { RoomStorage } from './roomStorage.js';
import { RoomTraffic } from './roomTraffic.js';

export { Connection, type SyncSocket } from './Connection.js';
export { SERVER_ORIGIN, type RoomLogger } from './origins.js';
export { MAX_AWARENESS_BYTES } from './clientMessages.js';
export { RoomLoadError } from './roomLoad.js';

export interface RoomOptions {
  docId: string;
  store: DocumentStore;
  gate: UpdateGate;
  bus: Bus;
  log: RoomLogger;
  maxDocBytes: number;
  compactAfterUpdates: number;
  /** Called when the last connection has left. */
  onEmpty(room: Room): void;
  /** Called after an update is stored (to note when the document was last changed). */
  onStored?(docId: string): void;
  /** What one connection may cost (default: DEFAULT_CONNECTION_LIMITS). */
  limits?: ConnectionLimits;
  /** Told of every refused message and dropped connection, by reason (for logs and metrics). */
  onRefused?(reason: RefusalReason): void;
  /**
   * The last seq of a stored state this process knows is readable and at the current schema (it
   * left it so: `cleanSeq` after an unload). If the store still ends there, the room answers its first
   * clients with the stored bytes before applying them itself (see ColdStart) without reading the
   * schema version from them first (storedSchema.ts).
   */
  knownCleanSeq?: number;
}

/**
 * One loaded document and its connections: the y-websocket protocol, with every incoming update
 * checked by the gate and appended to the store before it is applied or broadcast. Messages are
 * handled strictly in arrival order through one queue, so an async store cannot reorder them.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly sockets: RoomSockets;
  /** The document against the store: appends, counts, compaction, catch-ups. */
  private readonly storage: RoomStorage;
  private queue: Promise<void> = Promise.resolve();
  /** The bus subscription, taken before the store is read (see BusLink). */
  private readonly busLink: BusLink;
  private destroyed = false;
  /** How the document comes from the store: cold open, apply, migration, clean seq (roomLoad.ts). */
  private readonly loading: RoomLoad;
  private readonly limits: ConnectionLimits;
  private readonly stateCache = new StateCache(this.doc);
  /** Every awareness update from a client passes through it (ownership of ids, caps, coalescing). */
  private readonly presence: PresenceGuard<Connection>;
  /** Accepted client updates on their way to disk, applied in order as their commits complete. */
  private readonly pipeline = new CommitPipeline((err) => this.options.log.error({ err, docId: this.docId }, 'could not apply a stored update'));
  /** Where its changes go (sockets, bus) and what the bus brings (roomTraffic.ts). */
  private readonly traffic: RoomTraffic;
  /** This room's parts as its clients' messages need them (clientMessages.ts). */
  private readonly messageRoom: MessageRoom;

  private constructor(private readonly options: RoomOptions) {
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.limits = options.limits ?? DEFAULT_CONNECTION_LIMITS;
    this.sockets = new RoomSockets(this.limits.maxBufferedBytes, {
      slow: (conn) => {
        this.refused('slow-consumer');
        this.disconnect(conn, CLOSE.SLOW_CONSUMER);
      },
      failed: (conn, err) => {
        this.options.log.warn({ err, docId: this.docId }, 'send failed; dropping connection');
        this.disconnect(conn);
      },
    });
    this.storage = new RoomStorage({
      ...options,
      doc: this.doc,
      enqueue: (task) => this.enqueue(task),
      settled: () => this.pipeline.settled(),
      isOpen: () => !this.destroyed,
    });
    this.presence = new PresenceGuard(this.awareness, this.limits.presence, (reason) => this.refused(reason), Date.now, samePerson);
    this.traffic = new RoomTraffic({
      docId: options.docId,
      doc: this.doc,
      awareness: this.awareness,
      bus: options.bus,
      log: options.log,
      sockets: this.sockets,
      storage: this.storage,
      presenceIntervalMs: this.limits.presence.minIntervalMs,
      enqueue: (task) => this.enqueue(task),
      isOpen: () => !this.destroyed,
    });
    this.messageRoom = {
      docId: options.docId,
      doc: this.doc,
      awareness: this.awareness,
      gate: options.gate,
      log: options.log,
      sockets: this.sockets,
      storage: this.storage,
      pipeline: this.pipeline,
      stateCache: this.stateCache,
      presence: this.presence,
      coldStart: () => this.loading.coldStart,
      isOpen: () => !this.destroyed,
      loadedForMessages: () => this.loading.loadedForMessages(),
      refused: (reason) => this.refused(reason),
      disconnect: (conn, close) => this.disconnect(conn, close),
    };
    this.busLink = new BusLink(options.bus, options.docId, {
      message: (message) => this.traffic.applyFromBus(message),
      gap: () => this.storage.catchUp(),
    });
    this.loading = new RoomLoad({
      docId: options.docId,
      doc: this.doc,
      store: options.store,
      bus: options.bus,
      log: options.log,
      busLink: this.busLink,
      sockets: this.sockets,
      storage: this.storage,
      stateCache: this.stateCache,
      traffic: this.traffic,
      knownCleanSeq: options.knownCleanSeq,
      storeAndApply: (update) => this.storeAndApply(update),
      disconnect: (conn, close) => this.disconnect(conn, close),
      destroy: () => this.destroy(),
      isOpen: () => !this.destroyed,
    });
    // Presence needs nothing of the document: it flows while a cold room still loads.
    this.awareness.on('update', this.traffic.onAwarenessUpdate);
  }

  get docId(): string {
    return this.options.docId;
  }
  get connectionCount(): number {
    return this.sockets.size;
  }
  get bytes(): number {
    return this.storage.bytes;
  }

  /** Loads the document from the store, migrates it to the current schema and starts listening. */
  static async load(options: RoomOptions): Promise<Room> {
    const room = await Room.open(options);
    await room.whenLoaded();
    return room;
  }

  /**
   * Opens the room for connections: resolves once it can answer them, which for a cold board whose
   * stored bytes may be served as they are is before its document holds them (RoomLoad.open).
   */
  static async open(options: RoomOptions): Promise<Room> {
    const room = new Room(options);
    await room.loading.open();
    return room;
  }

  /**
   * Resolves once the document holds the stored board; starts applying it now if a cold room was
   * still answering from the stored bytes. Rejects (RoomLoadError) if the board cannot be loaded.
   */
  whenLoaded(): Promise<void> {
    return this.loading.whenLoaded();
  }

  /** Settles as the load does, without starting anything (`whenLoaded` may start the apply). */
  get loadOutcome(): Promise<void> {
    return this.loading.outcome;
  }

  /**
   * Adds a client; sends it the server's state vector and who is here, as y-websocket expects, and
   * first, if it asked for them (`saved`), that it may ask when its edits are stored. `v2`: it reads
   * sync step 2 in V2.
   */
  connect(socket: SyncSocket, sender: SenderInfo, options: { saved?: boolean; v2?: boolean } = {}): Connection {
    const conn = new Connection(socket, sender, new TokenBucket(this.limits.messagesPerSecond, this.limits.messageBurst, Date.now()));
    conn.readsV2 = options.v2 ?? false;
    this.sockets.add(conn);
    if (options.saved) this.sockets.send(conn, encodeSaved(0));
    // A cold room sends its state vector once it has one (after its apply: RoomLoad).
    if (!this.loading.coldStart) this.sockets.send(conn, encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length) this.sockets.send(conn, encodeAwareness(this.awareness, states));
    return conn;
  }

  /** Queues one raw message from a client. */
  receive(conn: Connection, data: Uint8Array): void {
    if (conn.closed) return;
    // Counted on arrival, not when handled: a flood must not pile up in the queue first.
    if (!conn.bucket.take(messageCost(data), Date.now())) {
      this.refused('rate-limited');
      this.disconnect(conn, CLOSE.RATE_LIMITED);
      return;
    }
    this.enqueue(() => handleClientMessage(this.messageRoom, conn, data));
  }

  /** Closes one connection (with a reason the client can show) and forgets its presence. */
  disconnect(conn: Connection, close?: { code: number; reason: string }): void {
    if (conn.closed) return;
    conn.closed = true;
    if (close) {
      try {
        conn.socket.close(close.code, close.reason);
      } catch {
        // already gone
      }
    }
    this.sockets.delete(conn);
    this.presence.release(conn);
    this.loading.coldStart?.maybeBegin(this.sockets);
    if (this.sockets.size === 0) this.options.onEmpty(this);
  }

  /** Closes every connection whose sender matches. */
  disconnectWhere(match: (sender: SenderInfo) => boolean, close: { code: number; reason: string }): void {
    for (const conn of [...this.sockets]) if (match(conn.sender)) this.disconnect(conn, close);
  }

  /**
   * A change the server makes itself (a reveal, vote results): made on a copy, stored, and only then
   * applied to the live document and shared, in order with the clients' messages. Rejects with a
   * StorageError, with nothing applied or shared, if it cannot be stored.
   */
  applyServerChange<T>(edit: (doc: Y.Doc) => T): Promise<T> {
    return this.withSettledDoc(async () => {
      const { update, result } = prepareServerChange(this.doc, edit);
      if (update) await this.storeAndApply(update);
      return result;
    });
  }

  /**
   * Reads the document with every message received before this call in it, including updates still
   * on their way to disk (a reveal must find the note a participant sent a moment before it), in
   * order with the clients' messages, as `applyServerChange` does. Waits at most for one commit.
   */
  read<T>(read: (doc: Y.Doc) => T): Promise<T> {
    return this.withSettledDoc(async () => read(this.doc));
  }

  /**
   * Runs `task` in order with the clients' messages, on the loaded document with every update accepted
   * before it applied (none still on its way to disk); rejects if the room closed meanwhile.
   */
  private withSettledDoc<T>(task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.enqueue(async () => {
        try {
          await this.whenLoaded();
          await this.pipeline.settled();
          if (this.destroyed) throw new Error('the document was closed');
          resolve(await task());
        } catch (err) {
          reject(err);
        }
      });
    });
  }

  /**
   * After `unload`: the seq up to which the stored board is known (to this process) readable and at
   * the current schema, or null. RoomManager hands it to the next load of the board (knownCleanSeq).
   */
  get cleanSeq(): number | null {
    return this.loading.cleanSeq;
  }

  /** Waits for queued work, compacts what is pending and releases the document (sets cleanSeq). */
  async unload(): Promise<void> {
    const coldStart = this.loading.coldStart;
    if (coldStart && !coldStart.begun) {
      // Never applied, nothing changed: the stored board stays as it was, as clean as it was.
      coldStart.cancel();
      await this.queue;
      for (const conn of [...this.sockets]) this.disconnect(conn, CLOSE.SERVER_SHUTDOWN);
      this.destroy();
      return;
    }
    await this.loading.outcome.catch(() => {});
    await this.queue;
    await this.pipeline.settled();
    this.traffic.flushUpdates();
    if (!this.destroyed) this.loading.cleanSeq = await this.storage.closeOut();
    for (const conn of [...this.sockets]) this.disconnect(conn, CLOSE.SERVER_SHUTDOWN);
    this.destroy();
  }

  /** Drops the room (its document is being deleted): closes every connection, stores nothing more. */
  discard(close: { code: number; reason: string }): void {
    for (const conn of [...this.sockets]) this.disconnect(conn, close);
    this.destroy();
  }

  /** Waits until every queued message has been handled and sends what waits (for shutdown and tests). */
  async flush(): Promise<void> {
    await this.queue;
    await this.pipeline.settled();
    this.traffic.flush();
  }

  private destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.loading.abandon();
    this.busLink.close();
    this.traffic.clear();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((err) => {
      this.options.log.error({ err, docId: this.docId }, 'room task failed');
    });
  }

  /** Stores a server-made update, then applies it (RoomTraffic shares it). */
  private async storeAndApply(update: Uint8Array): Promise<void> {
    await this.storage.persist(update);
    if (this.destroyed) return;
    Y.applyUpdate(this.doc, update, SERVER_ORIGIN);
    this.traffic.flushUpdates(); // shared before the caller hears it is done (a reveal is then on every screen)
  }

  private refused(reason: RefusalReason): void {
    this.options.onRefused?.(reason);
    // Only the reasons that close a connection: a refused presence entry can come by the thousand.
    if (reason === 'slow-consumer' || reason === 'rate-limited') {
      this.options.log.warn({ docId: this.docId, reason }, 'closed a board connection that passed a limit');
    }
  }
}
