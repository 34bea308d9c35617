import type { Connection } from './Connection.js';
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

  send(conn: Connection, data: Uint8Array, { presence = false } = {}): void {
    if (conn.closed) return;
    // Presence is only ever the latest state: a reader already behind (a phone on a slow link in a
    // busy room) skips cursor traffic and gets the next change, instead of being dropped for it.
    if (presence && (conn.socket.bufferedAmount ?? 0) > PRESENCE_SKIP_BYTES) return;
    // Beyond the limit, and beyond one full board it may still be downloading.
    if ((conn.socket.bufferedAmount ?? 0) > this.maxBufferedBytes + conn.largestSent) {
      this.dropped.slow(conn);
      return;
    }
    if (data.byteLength > conn.largestSent) conn.largestSent = data.byteLength;
    try {
      conn.socket.send(data);
    } catch (err) {
      this.dropped.failed(conn, err);
    }
  }

  /** Sends to every connection but `except` (a sender gets no echo of its own update). */
  broadcast(data: Uint8Array, except: Connection | null, options: { presence?: boolean } = {}): void {
    for (const conn of this.connections) if (conn !== except) this.send(conn, data, options);
  }
}
