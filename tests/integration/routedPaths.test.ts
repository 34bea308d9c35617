import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkshop } from '../harness/control.js';
import { rowCounts } from '../harness/dbRows.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { rawSocket } from '../harness/yclient.js';

describe('paths are checked as the router sees them', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  it("refuses another site's page on every spelling of an API path, and stores nothing", async () => {
    const before = rowCounts(server.dataDir);
    for (const path of ['/api/boards', '/%61pi/boards', '/%61%70%69/boards', '/api/%62oards']) {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: JSON.stringify({ title: 'Phishing' }),
      });
      expect(res.status, path).toBe(403);
      expect(await res.json(), path).toMatchObject({ error: 'origin_not_allowed' });
    }
    // Spellings the router does not route are 404 (or 403), never a new board.
    for (const path of ['/API/boards', '/api//boards', '//api/boards', '/api/boards/', '/api/boards%2F', '/api/boards?x=1#y', '/./api/boards', '/x/../api/boards']) {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: JSON.stringify({ title: 'Phishing' }),
      });
      expect([403, 404], `${path}: ${res.status}`).toContain(res.status);
    }
    expect(rowCounts(server.dataDir)).toEqual(before);
    // The same path from this site's own page (or a non-browser client) still works.
    const own = await fetch(`${server.url}/%61pi/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ title: 'Eget' }),
    });
    expect(own.status).toBe(201);
  });

  it('keeps tokens and join codes out of the log however the URL spells them', async () => {
    const w = await createWorkshop(server);
    const secret = w.facilitatorToken;
    const spellings = [`?token=${secret}`, `?%74oken=${secret}`, `?TOKEN=${secret}`, `?t%6Fk%65n=${secret}`, `?x=1&%54oken=${secret}`];
    for (const query of spellings) {
      // Some spellings open the board (the router reads them as `token`), others are refused: both are logged.
      await rawSocket(server.wsUrl, `${w.boardId}${query}`).then((ws) => ws.close(), () => undefined);
      await fetch(`${server.url}/api/session${query}`);
    }
    // An upgrade to a path without a WebSocket route is logged by @fastify/websocket with its URL.
    for (const path of [`/api/session?token=${secret}`, `/health?%74oken=${secret}`]) {
      await new Promise<void>((resolve) => {
        const ws = new WebSocket(`${server.wsUrl}${path}`);
        ws.once('error', () => resolve());
        ws.once('close', () => resolve());
      });
    }
    await fetch(`${server.url}/join/${w.joinCode}`);
    await fetch(`${server.url}/%6Aoin/${w.joinCode}`);
    // The server's stdout reaches us in order: once a last, marked request is in the log, all are.
    await fetch(`${server.url}/api/boards/aaaaaaaaaaaaaaaaaaaa?format=last-request`);
    await logged(server, (line) => line.includes('/api/boards/aaaaaaaaaaaaaaaaaaaa?format=last-request'));
    // The requests were logged (so the check below is not vacuous) ...
    const sessionLines = server.logs.filter((line) => line.includes('/api/session?'));
    expect(sessionLines.length).toBeGreaterThanOrEqual(spellings.length);
    expect(server.logs.some((line) => line.includes('/join/[redacted]'))).toBe(true);
    expect(server.logs.filter((line) => line.includes('no websocket handler')).length).toBeGreaterThanOrEqual(2);
    // ... and no line holds the token or the join code.
    expect(server.logs.filter((line) => line.includes(secret))).toEqual([]);
    expect(server.logs.filter((line) => line.includes(w.joinCode))).toEqual([]);
  });
});

/** Resolves once a line the server logged satisfies `predicate` (its output arrives asynchronously). */
async function logged(server: RunningServer, predicate: (line: string) => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!server.logs.some(predicate)) {
    if (Date.now() > deadline) throw new Error('the expected log line never came');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
