/**
 * The harness's own floor: the least a server can do with this load. A bare WebSocket relay (y-websocket
 * framing, `/yjs/<name>`) that answers sync with a Y.Doc per name, and sends every update message on,
 * as received, to the room's other sockets before it applies it; it stores, checks and frames nothing.
 * Its latency is what the load processes, the loopback and the machine's scheduling cost on their own:
 * no server measured in the same run can be expected below it. Printed `{"port":N}` once listening;
 * started by bench/fanout/peers.ts as its own process. Not a server anyone should run.
 */
import { WebSocketServer, type WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const SYNC = 0;
const rooms = new Map<string, { doc: Y.Doc; sockets: Set<WebSocket> }>();
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });

wss.on('connection', (ws, request) => {
  const name = (request.url ?? '').replace(/^\/yjs\//, '');
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = { doc: new Y.Doc(), sockets: new Set() }));
  const { doc, sockets } = room;
  sockets.add(ws);
  ws.on('close', () => sockets.delete(ws));
  ws.on('message', (data: Buffer) => {
    const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const d = decoding.createDecoder(message);
    if (decoding.readVarUint(d) !== SYNC) return;
    if (decoding.peekVarUint(d) === syncProtocol.messageYjsUpdate) {
      for (const other of sockets) if (other !== ws) other.send(message);
      decoding.readVarUint(d);
      Y.applyUpdate(doc, decoding.readVarUint8Array(d));
      return;
    }
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, SYNC);
    syncProtocol.readSyncMessage(d, reply, doc, null);
    if (encoding.length(reply) > 1) ws.send(encoding.toUint8Array(reply));
    // A client waits for the server's sync step 2 only; the server's own step 1 would be ignored.
  });
});

wss.on('listening', () => {
  const address = wss.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' ? address.port : 0 })}\n`);
});
process.on('SIGTERM', () => wss.close(() => process.exit(0)));
