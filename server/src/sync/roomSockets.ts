import { type Connection, SharedMessage } from './Connection.js';
import { PRESENCE_SKIP_BYTES } from './limits.js';

/**
 * A room's connections and what is sent to them, with back-pressure: what a socket has not read stays
 * in this process's memory, so a consumer too far behind is handed to `dropped.slow` (the room closes
 * it) instead of the server holding the room's traffic for it; a socket whose send throws goes to
 * `dropped.failed`.
 */
export class RoomSockets implements Iterable<Connection> {
  private readonly connections = new Set<Connection>();

  constructor(
    private readonly maxBufferedBytes: number,
    private readonly dropped: { slow(conn: Connection): void; failed(conn: Connection, err: unknown): void },
  ) {}

  get size(): number {
    return this.connections.size;
  }

  [Symbol.iterator](): Iterator<Connection> {
    return this.connections[Symbol.iterator]();
  }

  add(conn: Connection): void {
    this.connections.add(conn);
  }

  delete(conn: Connection): void {
    this.connections.delete(conn);
  }

  /** Sends one message to one connection. */
  send(conn: Connection, data: Uint8Array, { presence = false } = {}): void {
    if (this.mayReceive(conn, data.byteLength, presence)) this.write(conn, data, null);
  }

  /**
   * Sends to every connection but `except` (a sender gets no echo of its own update): one
   * SharedMessage for all of them, so the socket adapter prepares (frames) it once.
   */
  broadcast(data: Uint8Array, except: Connection | null, { presence = false }: { presence?: boolean } = {}): void {
    const message = new SharedMessage(data);
    for (const conn of this.connections) {
      if (conn !== except && this.mayReceive(conn, data.byteLength, presence)) this.write(conn, data, message);
    }
  }

  /** The back-pressure check, once per connection per message. */
  private mayReceive(conn: Connection, bytes: number, presence: boolean): boolean {
    if (conn.closed) return false;
    const buffered = conn.socket.bufferedAmount ?? 0;
    // Presence is only ever the latest state: a reader already behind (a phone on a slow link in a
    // busy room) skips cursor traffic and gets the next change, instead of being dropped for it.
    if (presence && buffered > PRESENCE_SKIP_BYTES) return false;
    // Beyond the limit, and beyond one full board it may still be downloading.
    if (buffered > this.maxBufferedBytes + conn.largestSent) {
      this.dropped.slow(conn);
      return false;
    }
    if (bytes > conn.largestSent) conn.largestSent = bytes;
    return true;
  }

  private write(conn: Connection, data: Uint8Array, shared: SharedMessage | null): void {
    try {
      if (shared && conn.socket.sendShared) conn.socket.sendShared(shared);
      else conn.socket.send(data);
    } catch (err) {
      this.dropped.failed(conn, err);
    }
  }
}
