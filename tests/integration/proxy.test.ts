import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../harness/server.js';

/** A join with a code no workshop has, sent as if forwarded for `forwardedFor`. */
const wrongCode = (server: RunningServer, forwardedFor?: string) =>
  fetch(`${server.url}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
    body: JSON.stringify({ code: 'ZZZZZZ', name: 'Gæst' }),
  });

describe('client addresses (TRUST_PROXY)', () => {
  let server: RunningServer | undefined;
  afterEach(() => server?.stop());

  it('by default X-Forwarded-For is ignored: a client can neither dodge the join-code limit nor aim it at another address', async () => {
    server = await startServer();
    // Each guess claims another address; they all come from this one peer and count against it.
    for (let i = 0; i < 30; i++) expect((await wrongCode(server, `203.0.113.${i}`)).status).toBe(404);
    const next = await wrongCode(server, '198.51.100.7');
    expect(next.status).toBe(429);
    expect(((await next.json()) as { error: string }).error).toBe('rate_limited');
    expect(Number(next.headers.get('retry-after'))).toBeGreaterThan(500); // the first guess expires after 10 minutes
  });

  it('with TRUST_PROXY=127.0.0.1 the address the proxy forwards is the one that counts', async () => {
    server = await startServer({ env: { TRUST_PROXY: '127.0.0.1' } });
    for (let i = 0; i < 30; i++) expect((await wrongCode(server, '203.0.113.9')).status).toBe(404);
    expect((await wrongCode(server, '203.0.113.9')).status).toBe(429);
    // What the client wrote before the address the proxy appended does not change who it is.
    expect((await wrongCode(server, '10.1.1.1, 203.0.113.9')).status).toBe(429);
    // Others behind the same proxy, and the proxy itself, are not locked out.
    expect((await wrongCode(server, '198.51.100.7')).status).toBe(404);
    expect((await wrongCode(server)).status).toBe(404);
  });

  it('with a hop count the address the last proxy saw counts, not what the client wrote before it', async () => {
    server = await startServer({ env: { TRUST_PROXY: '1' } });
    // The client sends a made-up X-Forwarded-For; the (one) proxy appends the address it saw.
    for (let i = 0; i < 30; i++) expect((await wrongCode(server, `10.9.9.${i}, 203.0.113.9`)).status).toBe(404);
    expect((await wrongCode(server, '10.1.1.1, 203.0.113.9')).status).toBe(429);
    expect((await wrongCode(server, '203.0.113.9, 198.51.100.7')).status).toBe(404);
  });

  it('refuses to start with TRUST_PROXY=true (everyone would be trusted)', async () => {
    // (The message it prints is checked in server/src/config.test.ts; stderr may arrive after the exit.)
    await expect(startServer({ env: { TRUST_PROXY: 'true' } })).rejects.toThrow(/exited with 1/);
  });
});
