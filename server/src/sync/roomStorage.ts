import * as Y from 'yjs';
import { SCHEMA_VERSION, getSchemaVersion } from '@sammen/shared';
import type { DocumentStore, StoredDocument } from '../store/DocumentStore.js';
import { StorageError } from '../store/StorageError.js';
import type { Bus } from './Bus.js';
import { snapshotDigest } from './busLink.js';
import { BUS_ORIGIN, LOAD_ORIGIN, type RoomLogger } from './origins.js';

export interface RoomStorageOptions {
  docId: string;
  /** The room's live document. */
  doc: Y.Doc;
  store: DocumentStore;
  bus: Bus;
  log: RoomLogger;
  maxDocBytes: number;
  compactAfterUpdates: number;
  /** Called after an update is stored (to note when the document was last changed). */
  onStored?(docId: string): void;
  /** Runs a task on the room's queue: compaction runs between messages, never inside one. */
  enqueue(task: () => Promise<void>): void;
  /** Resolves once every accepted update is applied (the room's commit pipeline). */
  settled(): Promise<void>;
  /** False once the room is closed: nothing more is stored or applied. */
  isOpen(): boolean;
}

/**
 * A room's document against the store: applies what the load read, appends, counts every row stored
 * for the board (its own and, arriving over the bus, other processes'), so that the size limit and
 * compaction see the board's rows and not one process's share; compacts; catches up from the store
 * when the bus may have dropped something; and knows whether what is stored is clean (all readable,
 * at the current schema: see Room.cleanSeq).
 */
export class RoomStorage {
  private storedBytes = 0;
  private lastSeq = 0;
  private pendingUpdates = 0;
  private compactionScheduled = false;
  /** The stored snapshot the document already holds (catch-ups skip decoding it again). */
  private knownSnapshot: string | null = null;
  private catchingUp: Promise<void> | null = null;
  private catchUpAgain = false;
  private clean = true;

  constructor(private readonly o: RoomStorageOptions) {}

  /** Bytes stored for the board (snapshot and rows), as far as this process knows. */
  get bytes(): number {
    return this.storedBytes;
  }

  /** Takes the figures of the load's read (before its rows are applied, or served as they are). */
  read(stored: StoredDocument): void {
    this.knownSnapshot = snapshotDigest(stored.snapshot);
    this.storedBytes = stored.bytes;
    this.lastSeq = stored.lastSeq;
    this.pendingUpdates = stored.updates.length;
  }

  /** Applies what the load read; returns how many rows could not be read (skipped, logged). */
  applyLoaded(stored: StoredDocument): number {
    let unreadable = 0;
    for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
      try {
        Y.applyUpdate(this.o.doc, update, LOAD_ORIGIN);
      } catch (err) {
        // One unreadable record must not make the whole board unreadable; it is logged for the operator.
        unreadable += 1;
        this.o.log.error({ err, docId: this.o.docId }, 'skipped an unreadable stored update');
      }
    }
    if (unreadable > 0) this.clean = false;
    return unreadable;
  }

  /** Something from the store or the bus could not be applied: what is stored is not known clean. */
  markUnclean(): void {
    this.clean = false;
  }

  /** Appends an update; it is on disk when this resolves. Rejects with a StorageError. */
  async persist(update: Uint8Array): Promise<void> {
    if (!this.o.isOpen()) return; // a discarded (deleted) document stores nothing more
    let seq: number;
    try {
      seq = await this.o.store.append(this.o.docId, update);
    } catch (err) {
      // Whatever the store threw, the update is not known to be on disk: it must not be applied.
      throw err instanceof StorageError ? err : new StorageError('unavailable', err);
    }
    this.lastSeq = seq;
    this.o.onStored?.(this.o.docId);
    this.counted(update.byteLength);
  }

  /**
   * Counts a row stored for this document, by this process or (arriving over the bus) by another: with
   * several processes writing one board, each must see the board's size and history grow, or the size
   * limit would be passed N times over and compaction come N times late.
   */
  counted(bytes: number): void {
    this.storedBytes += bytes;
    this.pendingUpdates += 1;
    if (this.pendingUpdates >= this.o.compactAfterUpdates) this.scheduleCompaction();
  }

  /**
   * Whether `bytes` more would pass the board's size limit. Alone, this process's count is exact. With
   * other processes, it can only grow between this process's own compactions (another's compaction
   * shrinks the stored board unseen), so before refusing, the store is asked for the real size.
   */
  async wouldOverfill(bytes: number): Promise<boolean> {
    if (this.storedBytes + bytes <= this.o.maxDocBytes) return false;
    if (!this.o.bus.shared) return true;
    try {
      const stored = await this.o.store.load(this.o.docId);
      this.storedBytes = stored.bytes;
      this.pendingUpdates = stored.updates.length;
    } catch (err) {
      this.o.log.warn({ err, docId: this.o.docId }, 'could not read the stored board size; judged by the count');
    }
    return this.storedBytes + bytes > this.o.maxDocBytes;
  }

  /**
   * For an unload: compacts what is pending, then says up to which seq the stored board is known
   * clean (readable, at the current schema), or null.
   */
  async closeOut(): Promise<number | null> {
    const compacted = this.pendingUpdates > 0 ? await this.compact() : null;
    const current = this.clean && getSchemaVersion(this.o.doc) === SCHEMA_VERSION;
    return compacted ?? (current && this.pendingUpdates === 0 ? this.lastSeq : null);
  }

  private scheduleCompaction(): void {
    if (this.compactionScheduled) return;
    this.compactionScheduled = true;
    // In the background: after the current messages, never in the middle of handling one.
    setImmediate(() => this.o.enqueue(async () => void (await this.compact())));
  }

  /**
   * Replaces the stored history with one snapshot of the current state; resolves with the seq it
   * covers when it ran and left the board clean. With other processes writing the same document (a
   * shared bus), this process's memory may lack rows they stored that the bus has not delivered yet:
   * the stored rows are read and applied first, and only the rows that read saw (≤ its last seq) are
   * replaced, by a snapshot that now holds them all. One process at a time (a lease on the bus): two
   * compactions that read at different moments could otherwise let the older snapshot replace the
   * newer one after the newer one had deleted the rows in between.
   */
  private async compact(): Promise<number | null> {
    this.compactionScheduled = false;
    const { docId, store, bus, doc, log } = this.o;
    // Every stored update applied first (no new ones come meanwhile: compaction runs on the queue), so
    // the snapshot holds every row up to lastSeq.
    await this.o.settled();
    if (!this.o.isOpen()) return null;
    let compactedUpto: number | null = null;
    const ran = await bus.exclusive(docId, 'compact', async () => {
      try {
        let upto = this.lastSeq;
        let expectedRows: number | undefined;
        if (bus.shared) {
          const stored = await store.load(docId);
          if (!this.o.isOpen()) return;
          this.applyStored(stored);
          upto = stored.lastSeq;
          expectedRows = stored.updates.length;
        }
        const snapshot = Y.encodeStateAsUpdate(doc);
        await store.compact(docId, snapshot, upto, expectedRows);
        this.knownSnapshot = snapshotDigest(snapshot);
        this.storedBytes = snapshot.byteLength;
        this.pendingUpdates = 0;
        if (getSchemaVersion(doc) === SCHEMA_VERSION) compactedUpto = upto;
      } catch (err) {
        log.error({ err, docId }, 'compaction failed; history kept as it was');
      }
    });
    if (!ran) {
      log.info({ docId }, 'compaction skipped: another process holds the lease (or Redis is away)');
      // The holder is compacting the same rows: count afresh instead of asking again at every row.
      this.pendingUpdates = 0;
    }
    return compactedUpto;
  }

  /**
   * The bus may have dropped messages (Redis reconnected or lost its data, a stream trimmed): read
   * the store again and apply what it holds (Yjs skips what the document has; what is new goes to
   * the room's connections). Retried until it works; one at a time, once more if asked meanwhile.
   */
  catchUp(): void {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return;
    }
    this.catchingUp = (async () => {
      do {
        this.catchUpAgain = false;
        for (let attempt = 0; this.o.isOpen(); attempt++) {
          try {
            this.applyStored(await this.o.store.load(this.o.docId));
            break;
          } catch (err) {
            this.o.log.error({ err, docId: this.o.docId, attempt }, 'catch-up from the store failed; retrying');
            await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 5000)));
          }
        }
      } while (this.catchUpAgain && this.o.isOpen());
    })().finally(() => (this.catchingUp = null));
  }

  /** Applies stored rows (and the snapshot, unless memory has it already) as one bus transaction. */
  private applyStored(stored: StoredDocument): void {
    if (!this.o.isOpen()) return;
    const { doc } = this.o;
    const digest = snapshotDigest(stored.snapshot);
    const updates = stored.snapshot && digest !== this.knownSnapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    doc.transact(() => {
      for (const update of updates) {
        try {
          Y.applyUpdate(doc, update, BUS_ORIGIN);
        } catch (err) {
          this.clean = false;
          this.o.log.error({ err, docId: this.o.docId }, 'skipped an unreadable stored update');
        }
      }
    }, BUS_ORIGIN);
    this.knownSnapshot = digest;
    // The store's own figures at the time of the read, whoever wrote the rows.
    this.storedBytes = stored.bytes;
    this.pendingUpdates = stored.updates.length;
  }
}
