import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { SharedMessage } from '../sync/Connection.js';
import { WsSyncSocket, binaryFrame } from './wsSyncSocket.js';

/** Real `ws` sockets on a real port: a server, its side of each connection, and clients collecting what they get. */
const servers: WebSocketServer[] = [];
const clients: WebSocket[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.terminate();
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

async function pairs(count: number, perMessageDeflate = false) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate });
  servers.push(wss);
  await new Promise((resolve) => wss.once('listening', resolve));
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  const result: Array<{ server: WsSyncSocket; raw: WebSocket; client: WebSocket; got: Buffer[]; binary: boolean[] }> = [];
  for (let i = 0; i < count; i++) {
    const accepted = new Promise<WebSocket>((resolve) => wss.once('connection', resolve));
    const client = new WebSocket(url, { perMessageDeflate });
    clients.push(client);
    const got: Buffer[] = [];
    const binary: boolean[] = [];
    client.on('message', (data: Buffer, isBinary) => (got.push(data), binary.push(isBinary)));
    await new Promise((resolve) => client.once('open', resolve));
    const raw = await accepted;
    result.push({ server: new WsSyncSocket(raw), raw, client, got, binary });
  }
  return result;
}

const until = async (check: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const bytes = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
/** Byte equality (vitest's deep equality walks a 300 KB array element by element, for seconds). */
const same = (a: Uint8Array, b: Uint8Array | null): boolean => b !== null && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

it('a shared message reaches every client intact, framed once, at every length encoding (7-bit, 16-bit, 64-bit)', async () => {
  const sockets = await pairs(3);
  const sizes = [0, 1, 125, 126, 65_535, 65_536, 300_000];
  const messages = sizes.map((n, i) => new SharedMessage(bytes(n, i)));
  for (const message of messages) for (const { server } of sockets) server.sendShared(message);
  await until(() => sockets.every((s) => s.got.length === sizes.length));
  for (const { got, binary } of sockets) {
    expect(got.map((b) => b.byteLength)).toEqual(sizes);
    got.forEach((b, i) => expect(same(b, messages[i]!.data)).toBe(true));
    expect(binary.every(Boolean)).toBe(true);
  }
  // One frame per message, the same bytes for every socket: ws's own framing of it.
  for (const message of messages) expect(same(binaryFrame(message.data), message.frame)).toBe(true);
});

it('shared and single sends, pings and the close keep their order on one socket', async () => {
  const [pair] = await pairs(1);
  const { server, raw, client, got } = pair!;
  let pinged = -1;
  client.on('ping', () => (pinged = got.length));
  const closed = new Promise<number>((resolve) => client.once('close', (code) => resolve(code)));
  server.send(bytes(10, 1));
  server.sendShared(new SharedMessage(bytes(200, 2)));
  raw.ping();
  server.send(bytes(70_000, 3));
  server.sendShared(new SharedMessage(bytes(20, 4)));
  server.close(4000, 'bye');
  // Nothing is written after the close frame: ws would refuse it, and so does the direct path.
  const late = new SharedMessage(bytes(5, 5));
  server.sendShared(late);
  expect(await closed).toBe(4000);
  expect(got.map((b) => b.byteLength)).toEqual([10, 200, 70_000, 20]);
  expect(same(got[2]!, bytes(70_000, 3))).toBe(true);
  expect(pinged).toBe(2);
  expect(late.frame).toBeNull();
});

it('bytes written past ws count in bufferedAmount, so back-pressure still sees a reader that does not read', async () => {
  const [pair] = await pairs(1);
  const { server, client } = pair!;
  (client as unknown as { _socket: { pause(): void } })._socket.pause();
  const message = new SharedMessage(bytes(1024 * 1024, 7));
  for (let i = 0; i < 16; i++) server.sendShared(message);
  // The kernel takes some (socket buffers); the rest waits in the socket's stream, counted.
  expect(server.bufferedAmount).toBeGreaterThan(8 * 1024 * 1024);
});

it('with compression negotiated, a shared message goes through ws.send (never a frame ws did not make)', async () => {
  const sockets = await pairs(2, true);
  const message = new SharedMessage(bytes(5000, 9));
  for (const { server } of sockets) server.sendShared(message);
  await until(() => sockets.every((s) => s.got.length === 1));
  for (const { got } of sockets) expect(same(got[0]!, message.data)).toBe(true);
  expect(message.frame).toBeNull();
});
