import type { TokenBucket } from './tokenBucket.js';
import type { SenderInfo } from './UpdateGate.js';

/**
 * One message on its way to many sockets (a room's broadcast). An adapter may prepare it once for all
 * of them and keep the result here: the WebSocket route frames it once (`frame`) and writes the same
 * bytes to every socket, instead of `ws` building a frame per socket.
 */
export class SharedMessage {
  /** The whole WebSocket frame carrying `data`, built by the first socket that sends it. */
  frame: Uint8Array | null = null;
  constructor(readonly data: Uint8Array) {}
}

/** What the room needs of a socket; the WebSocket route adapts `ws` to this (routes/wsSyncSocket.ts). */
export interface SyncSocket {
  send(data: Uint8Array): void;
  /** Sends a message that goes to many sockets; without it, `send(message.data)`. */
  sendShared?(message: SharedMessage): void;
  close(code: number, reason: string): void;
  /** Bytes queued for sending and not yet handed to the network (ws `bufferedAmount`). */
  readonly bufferedAmount?: number;
}

/** One connected client of a room, and what the room keeps about it. */
export class Connection {
  closed = false;
  /** The largest message sent to it: a client still downloading a big board is not behind for that. */
  largestSent = 0;
  /** Its updates that depend on something it has not sent yet, held until they are complete. */
  held: Uint8Array | null = null;
  /** It reads sync step 2 in V2 (asked with `v2=1`; `@sammen/shared` syncStep2V2.ts). */
  readsV2 = false;
  constructor(
    readonly socket: SyncSocket,
    readonly sender: SenderInfo,
    /** Its message budget (rate limit). */
    readonly bucket: TokenBucket,
  ) {}
}

/** A workshop member's two connections (say, before and after a network drop) are one person. */
export const samePerson = (a: Connection, b: Connection): boolean =>
  a.sender.memberId !== null &&
  a.sender.memberId === b.sender.memberId &&
  a.sender.workshopId === b.sender.workshopId &&
  a.sender.privateDoc === b.sender.privateDoc;
