import { afterAll, beforeAll, expect, it } from 'vitest';
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
