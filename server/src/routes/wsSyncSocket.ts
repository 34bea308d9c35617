import type { Duplex } from 'node:stream';
import * as wsModule from 'ws';
import WebSocket from 'ws';
import { CLOSE } from '@sammen/shared';
import type { SharedMessage, SyncSocket } from '../sync/Connection.js';

/** How long a dropped slow consumer gets to read its close frame before its socket is destroyed. */
const SLOW_CLOSE_GRACE_MS = 2000;

/** ws's own framing (`Sender.frame`; ws exports `Sender`, @types/ws does not declare it): the frame is ws's, not a copy. */
interface WsSender {
  frame(data: Buffer, options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean }): Buffer[];
}
const Sender = ((): WsSender => {
  const sender = (wsModule as unknown as { Sender?: WsSender }).Sender;
  if (typeof sender?.frame !== 'function') throw new Error('ws no longer exports Sender.frame: see wsSyncSocket.ts');
  return sender;
})();

/** The parts of a `ws` socket that decide whether a ready frame may be written to its stream. */
interface WsInternals {
  _socket?: Duplex | null;
  _sender?: { _state?: unknown; _queue?: unknown; _firstFragment?: unknown } | null;
}

/** One unmasked, final, binary frame (a server's message, RFC 6455 §5.2), in one buffer. */
export function binaryFrame(data: Uint8Array): Buffer {
  const payload = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const parts = Sender.frame(payload, { fin: true, opcode: 2, mask: false, readOnly: true, rsv1: false });
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/**
 * A `ws` socket as the sync core's SyncSocket. A room's broadcast is framed once (`binaryFrame`) and
 * the same bytes are written to every socket's stream: `ws.send` would build a frame header per
 * socket and write header and payload as two buffers (a writev), which was most of the per-socket
 * cost of a broadcast. It is written directly only while that is exactly what `ws.send` would put on
 * the wire: the socket is open (no close frame sent), nothing waits in ws's send queue and no message
 * is half sent, and no extension (compression) is in use; otherwise it goes through `ws.send`. The
 * bytes go through the socket's own stream, so `bufferedAmount` (back-pressure) counts them as before.
 */
export class WsSyncSocket implements SyncSocket {
  /** The socket's stream and ws's sender when a ready frame may be written past ws (see above), else null. */
  private readonly direct: { stream: Duplex; sender: { _state?: unknown; _queue?: unknown; _firstFragment?: unknown } } | null;

  constructor(private readonly ws: WebSocket) {
    const { _socket: stream, _sender: sender } = ws as unknown as WsInternals;
    this.direct = ws.extensions === '' && stream && sender && sender._state === 0 && Array.isArray(sender._queue) ? { stream, sender } : null;
  }

  send(data: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data);
  }

  sendShared(message: SharedMessage): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const direct = this.direct;
    if (direct && direct.sender._state === 0 && (direct.sender._queue as unknown[]).length === 0 && direct.sender._firstFragment === true) {
      direct.stream.write((message.frame ??= binaryFrame(message.data)));
    } else this.ws.send(message.data);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
    // A consumer dropped for not reading will not read the close frame either; without this,
    // ws would keep its unsent bytes until the 30 s close timeout.
    if (code === CLOSE.SLOW_CONSUMER.code) setTimeout(() => this.ws.terminate(), SLOW_CLOSE_GRACE_MS).unref();
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }
}
