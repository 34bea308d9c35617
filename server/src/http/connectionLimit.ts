import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { ERRORS } from '@sammen/shared';
import { addressKey } from './addressKey.js';
import { sendError } from './errors.js';
import { OpenPerAddress } from './openPerAddress.js';

const ADDRESS = Symbol('sammen.clientAddress');
type Tagged = IncomingMessage & { [ADDRESS]?: string };

/**
 * At most `perAddress` open board WebSockets per client address (IPv6 per /64), refused with 429
 * before the upgrade: each connection holds memory and a share of the room's work, so one client must
 * not open thousands. A room of citizens behind one address has two each (board and private notes).
 */
export function limitBoardConnections(app: FastifyInstance, perAddress: number, onLimited: () => void = () => {}): void {
  const open = new OpenPerAddress(perAddress);
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.upgrade?.toLowerCase() !== 'websocket') return;
    const key = addressKey(request.ip);
    if (open.full(key)) {
      onLimited();
      return sendError(reply, ERRORS.RATE_LIMITED, `Too many open connections from your address: at most ${perAddress}.`);
    }
    (request.raw as Tagged)[ADDRESS] = key;
  });
  // Counted once the upgrade has happened (a refused upgrade never opens), until the socket closes.
  app.websocketServer.on('connection', (socket: WebSocket, raw: Tagged) => {
    const key = raw[ADDRESS];
    if (key !== undefined) open.add(key, (release) => socket.once('close', release));
  });
}
