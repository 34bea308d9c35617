import { type Socket, io } from 'socket.io-client';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';

/** Every workshop change sends a view to every control socket: one token cannot hold hundreds. */
let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.stop());

it('a participant token holds at most 8 control connections; closing one frees its place; others are not held back', async () => {
  const w = await createWorkshop(server);
  const token = await join(server, w.joinCode, 'Mange faner');
  const mine: ControlClient[] = [];
  for (let i = 0; i < 8; i++) mine.push(await connectControl(server.url, token));
  await expect(connectControl(server.url, token)).rejects.toThrow('too_many_connections');
  const facilitator = await connectControl(server.url, w.facilitatorToken); // another holder is not held back
  mine[0]!.close();
  // The place is free once the server has seen the socket leave: try until it has (each try is a real connect).
  let again: ControlClient | null = null;
  for (let i = 0; i < 50 && !again; i++) again = await connectControl(server.url, token).catch(() => null);
  expect(again?.view().me.name).toBe('Mange faner');
  for (const c of [...mine.slice(1), again!, facilitator]) c.close();
});

describe('control-channel connections per address', () => {
  let limited: RunningServer;
  beforeAll(async () => {
    limited = await startServer({ env: { TRUST_PROXY: '127.0.0.1', WS_CONNECTIONS_PER_ADDRESS: '2' } });
  });
  afterAll(() => limited.stop());

  /** A control connection as if forwarded by the proxy for `address`; resolves once connected. */
  const from = (token: string, address: string) =>
    new Promise<Socket>((resolve, reject) => {
      const socket = io(limited.url, { path: '/socket.io/', auth: { token }, transports: ['websocket'], reconnection: false, extraHeaders: { 'x-forwarded-for': address } });
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (err) => {
        socket.close();
        reject(err);
      });
    });

  /** A bare engine.io connection that never signs in, open once the server's handshake packet arrives. */
  const bare = (address: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`${limited.wsUrl}/socket.io/?EIO=4&transport=websocket`, { headers: { 'x-forwarded-for': address } });
      ws.once('message', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });

  it('one address holds at most WS_CONNECTIONS_PER_ADDRESS, counted from the handshake, before any token', async () => {
    const w = await createWorkshop(limited);
    const idle = await bare('203.0.113.7'); // never signs in, still counts
    const signedIn = await from(w.facilitatorToken, '203.0.113.7');
    await expect(from(w.facilitatorToken, '203.0.113.7')).rejects.toThrow();
    await expect(bare('203.0.113.7')).rejects.toThrow(/HTTP 40[03]/); // engine.io refuses upgrades with 400
    const other = await from(w.facilitatorToken, '198.51.100.7'); // another address is not held back
    const leaving = new Promise<void>((resolve) => idle.once('close', () => resolve()));
    idle.close();
    await leaving;
    // The place is free once the server has seen it close: try until it has (each try is a real handshake).
    let again: Socket | null = null;
    for (let i = 0; i < 50 && !again; i++) again = await from(w.facilitatorToken, '203.0.113.7').catch(() => null);
    expect(again?.connected).toBe(true);
    for (const s of [signedIn, other, again!]) s.close();
  });
});
