import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StickyNote, getElements, insertElement } from '@sammen/shared';
import { createWorkshop } from '../harness/control.js';
import { rowCounts } from '../harness/dbRows.js';
import type WebSocket from 'ws';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { closed, connectClient, rawSocket, synced, waitForDoc } from '../harness/yclient.js';

const post = (server: RunningServer, path: string, body: unknown, forwardedFor: string) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function expectLimited(res: Response, scope: RegExp): Promise<void> {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  const body = (await res.json()) as { error: string; message: string };
  expect(body.error).toBe('rate_limited');
  expect(body.message).toMatch(scope);
}

describe('anonymous creation is bounded per address and for the whole server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      env: {
        TRUST_PROXY: '127.0.0.1',
        BOARDS_PER_ADDRESS_PER_HOUR: '3',
        BOARDS_PER_HOUR: '5',
        WORKSHOPS_PER_ADDRESS_PER_HOUR: '2',
        IMPORTS_PER_ADDRESS_PER_HOUR: '2',
        TEMPLATES_PER_ADDRESS_PER_HOUR: '1',
      },
    });
  });
  afterAll(() => server.stop());

  it('boards: one address gets its allowance, then 429 with Retry-After; all addresses together get the total', async () => {
    for (let i = 0; i < 3; i++) expect((await post(server, '/api/boards', { title: 'a' }, '203.0.113.1')).status).toBe(201);
    await expectLimited(await post(server, '/api/boards', { title: 'a' }, '203.0.113.1'), /from your address/);
    // IPv6 clients are counted by their /64: a new address in the same network is the same client.
    expect((await post(server, '/api/boards', { title: 'b' }, '2001:db8:5:6::1')).status).toBe(201);
    expect((await post(server, '/api/boards', { title: 'b' }, '2001:db8:5:6::2')).status).toBe(201);
    await expectLimited(await post(server, '/api/boards', { title: 'c' }, '198.51.100.3'), /on this server/);
  });

  it('workshops, imports and saved templates have allowances of their own', async () => {
    const workshop = { title: 'Borgerpanel', language: 'da' };
    for (let i = 0; i < 2; i++) expect((await post(server, '/api/workshops', workshop, '203.0.113.2')).status).toBe(201);
    await expectLimited(await post(server, '/api/workshops', workshop, '203.0.113.2'), /workshops from your address/);
    for (let i = 0; i < 2; i++) expect((await post(server, '/api/workshops/import', { not: 'a backup' }, '203.0.113.2')).status).toBe(400);
    await expectLimited(await post(server, '/api/workshops/import', { not: 'a backup' }, '203.0.113.2'), /backup imports/);
    const saveTemplate = () =>
      fetch(`${server.url}/api/templates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.2', 'x-owner-key': 'k'.repeat(20) },
        body: '{}',
      });
    expect((await saveTemplate()).status).toBe(400);
    await expectLimited(await saveTemplate(), /saved templates/);
  });
});

describe('imports obey the limits of live boards', () => {
  let big: RunningServer;
  let small: RunningServer;
  beforeAll(async () => {
    [big, small] = await Promise.all([startServer(), startServer({ env: { MAX_BOARD_BYTES: '8192', MAX_IMPORT_BYTES: '65536' } })]);
  });
  afterAll(() => Promise.all([big.stop(), small.stop()]));

  const importInto = (server: RunningServer, body: string) =>
    fetch(`${server.url}/api/workshops/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('a backup larger than MAX_IMPORT_BYTES is refused with 413 before it is read, and nothing is stored', async () => {
    const before = rowCounts(small.dataDir);
    const res = await importInto(small, JSON.stringify({ format: 'sammen-workshop-backup', padding: 'x'.repeat(70_000) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'payload_too_large', message: expect.stringMatching(/65536 bytes/) });
    expect(rowCounts(small.dataDir)).toEqual(before);
  });

  it('a backup whose board is larger than MAX_BOARD_BYTES is refused with 413, and nothing is stored', async () => {
    // A board of about 20 KB, legal on a server with the default limit ...
    const w = await createWorkshop(big);
    const client = connectClient(big.wsUrl, w.boardId, { token: w.facilitatorToken });
    await synced(client);
    const note: StickyNote = { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'æ'.repeat(10_000) };
    insertElement(client.doc, note);
    // Stored before it is shared: once another client sees it, the export holds it.
    const watcher = connectClient(big.wsUrl, w.boardId, { token: w.facilitatorToken });
    await waitForDoc(watcher.doc, (d) => getElements(d).length === 1);
    watcher.destroy();
    client.destroy();
    const exported = await (await fetch(`${big.url}/api/workshops/${w.id}/export`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } })).text();
    expect(Buffer.from((JSON.parse(exported) as { content: { board: string } }).content.board, 'base64').byteLength).toBeGreaterThan(20_000);
    // ... is more than this server lets a live board hold.
    const before = rowCounts(small.dataDir);
    const res = await importInto(small, exported);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'payload_too_large', message: expect.stringMatching(/^The board in this backup is .*MAX_BOARD_BYTES/) });
    expect(rowCounts(small.dataDir)).toEqual(before);
    // The same file imports where it fits.
    expect((await importInto(big, exported)).status).toBe(201);
  });
});

describe('board connections per address', () => {
  let server: RunningServer;
  let boardId: string;
  beforeAll(async () => {
    server = await startServer({ env: { TRUST_PROXY: '127.0.0.1', WS_CONNECTIONS_PER_ADDRESS: '3' } });
    boardId = await createBoard(server);
  });
  afterAll(() => server.stop());
  const from = (address: string) => rawSocket(server.wsUrl, boardId, { 'x-forwarded-for': address });

  it('one address gets a few open sockets, then 429 before the upgrade; closing one frees its place', async () => {
    const mine = await Promise.all([from('203.0.113.5'), from('203.0.113.5'), from('203.0.113.5')]);
    await expect(from('203.0.113.5')).rejects.toThrow('HTTP 429');
    const other = await from('198.51.100.5'); // someone else is not held back
    const leaving = closed(mine[0]!);
    mine[0]!.close();
    await leaving;
    // The server counts the socket out when its side has closed too: try until it has (each try is a real upgrade).
    let again: WebSocket | null = null;
    for (let i = 0; i < 50 && !again; i++) again = await from('203.0.113.5').catch(() => null);
    expect(again).not.toBeNull();
    for (const ws of [...mine.slice(1), other, again!]) ws.close();
  });
});
