import type { TokenBucket } from './tokenBucket.js';
import type { SenderInfo } from './UpdateGate.js';

/** What the room needs of a socket; the WebSocket route adapts `ws` to this. */
export interface SyncSocket {
  send(data: Uint8Array): void;
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
