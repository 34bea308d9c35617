import { Room, type RoomOptions } from './Room.js';
import type { SenderInfo } from './UpdateGate.js';

/** What every room gets, plus how long an empty room stays loaded (a reload must not reload it). */
export interface RoomManagerOptions extends Omit<RoomOptions, 'docId' | 'onEmpty' | 'knownCleanSeq'> {
  idleUnloadMs: number;
}

/** How many unloaded boards' clean stored state a process remembers (a number each). */
const MAX_REMEMBERED_CLEAN = 10_000;

/**
 * Loads a room on first use, shares it between connections, and unloads it when it has been empty
 * for `idleUnloadMs`. Concurrent first connections wait for the same load; a connection that arrives
 * while a room is unloading waits for the unload and gets a freshly loaded room.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /** Per unloaded board, the seq up to which this process left its stored state clean (Room.cleanSeq). */
  private readonly cleanSeqs = new Map<string, number>();
  private closed = false;

  constructor(private readonly options: RoomManagerOptions) {}

  /** The loaded room for `docId`, loading it if needed. Rejects with RoomLoadError if it cannot load. */
  async get(docId: string): Promise<Room> {
    const room = await this.open(docId);
    await room.whenLoaded();
    return room;
  }

  /**
   * The room for a new board connection, as soon as it can answer one: a cold room may still be
   * applying its stored board (Room.open), so only `connect`, `receive` and `disconnect` are for
   * it. Rejects with RoomLoadError if it cannot load; a room that fails later closes its connections.
   */
  async forConnection(docId: string): Promise<Room> {
    return this.open(docId);
  }

  private async open(docId: string): Promise<Room> {
    if (this.closed) throw new Error('room manager is closed');
    this.cancelIdle(docId);
    const pendingUnload = this.unloading.get(docId);
    if (pendingUnload) await pendingUnload;
    let room = this.rooms.get(docId);
    if (!room) {
      const knownCleanSeq = this.cleanSeqs.get(docId);
      this.cleanSeqs.delete(docId); // the room's own unload says again what it leaves behind
      room = Room.open({ ...this.options, docId, knownCleanSeq, onEmpty: (r) => this.scheduleIdle(r) });
      this.rooms.set(docId, room);
      const forget = () => {
        if (this.rooms.get(docId) === room) this.rooms.delete(docId);
      };
      room.then((r) => r.loadOutcome.catch(forget), forget);
    }
    return room;
  }

  /** Hands back a room taken with `get` without a connection (a server-side edit), so it can idle out. */
  release(room: Room): void {
    if (room.connectionCount === 0) this.scheduleIdle(room);
  }

  /** Closes every connection, in every loaded room, whose sender matches (e.g. a removed member). */
  async disconnectWhere(match: (sender: SenderInfo) => boolean, close: { code: number; reason: string }): Promise<void> {
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    for (const r of rooms) if (r.status === 'fulfilled') r.value.disconnectWhere(match, close);
  }

  /** Closes every connection to a document and unloads it now, without storing anything more. */
  async evict(docId: string, close: { code: number; reason: string }): Promise<void> {
    this.cancelIdle(docId);
    this.cleanSeqs.delete(docId);
    const room = this.rooms.get(docId);
    if (!room) return;
    this.rooms.delete(docId);
    const loaded = await room.catch(() => null);
    loaded?.discard(close);
  }

  /** Loaded room ids (for metrics and tests). */
  loadedIds(): string[] {
    return [...this.rooms.keys()];
  }

  /** Unloads every room (compacting what is pending). */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    await Promise.all(rooms.map((r) => (r.status === 'fulfilled' ? r.value.unload() : undefined)));
    await Promise.all(this.unloading.values());
    this.rooms.clear();
  }

  private scheduleIdle(room: Room): void {
    if (this.closed) return;
    this.cancelIdle(room.docId);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.docId);
      if (room.connectionCount > 0) return;
      if (this.rooms.has(room.docId)) this.rooms.delete(room.docId);
      const done = room
        .unload()
        .then(() => this.remember(room))
        .finally(() => this.unloading.delete(room.docId));
      this.unloading.set(room.docId, done);
    }, this.options.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(room.docId, timer);
  }

  private remember(room: Room): void {
    const seq = room.cleanSeq;
    if (seq === null) return;
    if (this.cleanSeqs.size >= MAX_REMEMBERED_CLEAN) this.cleanSeqs.delete(this.cleanSeqs.keys().next().value!);
    this.cleanSeqs.set(room.docId, seq);
  }

  private cancelIdle(docId: string): void {
    const timer = this.idleTimers.get(docId);
    if (timer) {
      clearTimeout(timer);
      this.idleTimers.delete(docId);
    }
  }
}
