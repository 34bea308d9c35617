import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { CLOSE, ERRORS, SAVED_PARAM, V2_PARAM } from '@sammen/shared';
import { sendError } from '../http/errors.js';
import { isOriginAllowed } from '../http/origin.js';
import { type Connection, type Room, RoomLoadError } from '../sync/Room.js';
import type { RoomManager } from '../sync/RoomManager.js';
import type { SenderInfo } from '../sync/UpdateGate.js';
import { WsSyncSocket } from './wsSyncSocket.js';

/** Decides, before the upgrade, which document a request may open and as whom. */
export type AuthorizeSync = (request: {
  boardId: string;
  token: string | undefined;
  privateDoc: boolean;
}) => Promise<{ ok: true; docId: string; sender: Omit<SenderInfo, 'connectionId'> } | { ok: false; error: (typeof ERRORS)[keyof typeof ERRORS] }>;

export interface SyncRouteOptions {
  rooms: RoomManager;
  authorize: AuthorizeSync;
  allowedOrigins: readonly string[];
  maxMessageBytes: number;
  /** How often to ping; a client that has not answered the previous ping is dropped. */
  pingIntervalMs?: number;
}

/**
 * `GET /yjs/:boardId` (WebSocket): a thin adapter from `ws` to the sync core. The origin and the
 * board are checked before the upgrade, so a refused client gets a plain HTTP status.
 */
export const syncRoutes: FastifyPluginAsync<SyncRouteOptions> = async (app, options) => {
  const { rooms, authorize, allowedOrigins, maxMessageBytes } = options;
  const pingIntervalMs = options.pingIntervalMs ?? 30_000;

  type Req = { Params: { boardId: string }; Querystring: { token?: string; [SAVED_PARAM]?: string; [V2_PARAM]?: string } };
  const grants = new WeakMap<object, { docId: string; sender: Omit<SenderInfo, 'connectionId'> }>();
  const route = (privateDoc: boolean) => ({
    websocket: true as const,
    preValidation: async (request: FastifyRequest<Req>, reply: FastifyReply) => {
      if (!isOriginAllowed(request.headers.origin, request.headers.host, allowedOrigins)) {
        return sendError(reply, ERRORS.ORIGIN_NOT_ALLOWED);
      }
      const token = typeof request.query.token === 'string' ? request.query.token : undefined;
      const grant = await authorize({ boardId: request.params.boardId, token, privateDoc });
      if (!grant.ok) return sendError(reply, grant.error);
      grants.set(request, grant);
    },
  });
  const handler = (socket: WebSocket, request: FastifyRequest<Req>): void => {
      const grant = grants.get(request);
      if (!grant) return void socket.close(CLOSE.FORBIDDEN.code, CLOSE.FORBIDDEN.reason);
      const log = request.log;
      const adapter = new WsSyncSocket(socket);
      // Messages can arrive while the room loads; keep them in order until it is ready (a few only:
      // a real client sends two or three before it hears from the server).
      const early: Uint8Array[] = [];
      let earlyBytes = 0;
      let room: Room | null = null;
      let conn: Connection | null = null;
      let alive = true;

      socket.on('error', (err) => log.warn({ err }, 'websocket error')); // never let a bad frame crash us
      socket.on('pong', () => (alive = true));
      const ping = setInterval(() => {
        if (!alive) return socket.terminate();
        alive = false;
        socket.ping();
      }, pingIntervalMs);

      socket.on('message', (raw: RawData, isBinary: boolean) => {
        if (!isBinary) return socket.close(CLOSE.MALFORMED_MESSAGE.code, 'Text frames are not part of the protocol');
        const data = toBytes(raw);
        if (data.byteLength > maxMessageBytes) {
          return socket.close(CLOSE.MESSAGE_TOO_BIG.code, `Message too big: the limit is ${maxMessageBytes} bytes`);
        }
        if (room && conn) room.receive(conn, data);
        else if (early.length < MAX_EARLY_MESSAGES && (earlyBytes += data.byteLength) <= 2 * maxMessageBytes) early.push(data);
        else socket.close(CLOSE.RATE_LIMITED.code, CLOSE.RATE_LIMITED.reason);
      });
      socket.on('close', () => {
        clearInterval(ping);
        if (room && conn) room.disconnect(conn);
      });

      rooms
        .forConnection(grant.docId)
        .then((loaded) => {
          room = loaded;
          conn = loaded.connect(adapter, { ...grant.sender, connectionId: randomUUID() }, {
            saved: request.query[SAVED_PARAM] === '1',
            v2: request.query[V2_PARAM] === '1',
          });
          if (socket.readyState !== socket.OPEN) return loaded.disconnect(conn); // left while loading
          for (const data of early.splice(0)) loaded.receive(conn, data);
        })
        .catch((err: unknown) => {
          log.error({ err }, 'board could not be loaded');
          const close = err instanceof RoomLoadError ? err.close : { code: 1011, reason: 'Board could not be loaded' };
          socket.close(close.code, close.reason);
        });
  };
  app.get<Req>('/yjs/:boardId', route(false), handler);
  // A participant's own private notes (private brainstorming); the token decides whose.
  app.get<Req>('/yjs/:boardId/private', route(true), handler);
};

/** Messages kept while a board loads. */
const MAX_EARLY_MESSAGES = 32;

function toBytes(raw: RawData): Uint8Array {
  const buf = Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

