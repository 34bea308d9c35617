import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { ERRORS, type ErrorBody } from '@sammen/shared';
import { sendError } from './errors.js';

/** What a refused client is told to wait (Retry-After, seconds): a reconnect soon reaches another process. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

const busyMessage = (max: number) => `This server process holds its maximum of ${max} connections; try again, another process may take you.`;

/**
 * The WebSockets (board and control channel together) one process has taken, against
 * WS_CONNECTIONS_PER_PROCESS. A connection counts from its upgrade request until its TCP socket closes,
 * so upgrades still on their way count too (a burst cannot overshoot the cap), and an upgrade refused
 * later (origin, token, per-address cap) stops counting when its socket is destroyed.
 */
export class ProcessConnections {
  private open = 0;
  private readonly counted = new WeakSet<Duplex>();

  constructor(readonly max: number) {}

  /** Connections counted now. */
  get count(): number {
    return this.open;
  }

  full(): boolean {
    return this.open >= this.max;
  }

  /** Counts the connection on `socket` (once, however often it is called) until the socket closes. */
  hold(socket: Duplex): void {
    if (this.counted.has(socket) || socket.destroyed) return;
    this.counted.add(socket);
    this.open += 1;
    socket.once('close', () => {
      this.open -= 1;
    });
  }
}

/**
 * Board WebSockets (`/yjs/…`): past the cap, 503 with Retry-After before the upgrade. The browser's
 * provider sees the failed upgrade as a dropped connection and reconnects with its back-off; a load
 * balancer that retries 503s (or marks the process unhealthy for a while) sends it elsewhere. Register
 * before the per-address cap, so a full process answers 503 (try elsewhere), not 429 (slow down).
 */
export function capBoardConnections(app: FastifyInstance, open: ProcessConnections, onRefused: () => void = () => {}): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.upgrade?.toLowerCase() !== 'websocket') return;
    if (open.full()) {
      onRefused();
      void reply.header('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
      return sendError(reply, ERRORS.SERVER_BUSY, busyMessage(open.max));
    }
    open.hold(request.raw.socket);
  });
}

type Next = (err?: unknown) => void;

/**
 * The same cap for the control channel, as an engine.io middleware (`io.engine.use`), which runs before
 * socket.io's own checks. For a WebSocket upgrade `res` is no real response, so the 503 is written to
 * the socket itself. A long-polling session's later requests (they carry a `sid`) are let through: only
 * new sessions and upgrades are refused, and only upgraded sockets hold a place.
 */
export function capControlConnections(open: ProcessConnections, onRefused: () => void = () => {}) {
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    const upgrade = req.headers.upgrade?.toLowerCase() === 'websocket';
    if (!upgrade && hasSessionId(req.url)) return next();
    if (!open.full()) {
      if (upgrade) open.hold(req.socket);
      return next();
    }
    onRefused();
    const body = JSON.stringify({ error: ERRORS.SERVER_BUSY.code, message: busyMessage(open.max) } satisfies ErrorBody);
    if (upgrade) return refuseUpgrade(req.socket, body);
    res.writeHead(ERRORS.SERVER_BUSY.status, { 'content-type': 'application/json', 'retry-after': String(BUSY_RETRY_AFTER_SECONDS), connection: 'close' });
    res.end(body);
  };
}

function hasSessionId(url: string | undefined): boolean {
  return new URL(url ?? '/', 'http://localhost').searchParams.has('sid');
}

function refuseUpgrade(socket: Duplex, body: string): void {
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${ERRORS.SERVER_BUSY.status} Service Unavailable\r\n` +
        `Retry-After: ${BUSY_RETRY_AFTER_SECONDS}\r\n` +
        'Connection: close\r\n' +
        'Content-Type: application/json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
