import WebSocket from 'ws';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type StickyNote, getElements, insertElement } from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop } from '../harness/control.js';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { type YClient, connectClient, synced, waitForDoc } from '../harness/yclient.js';

/**
 * WS_CONNECTIONS_PER_PROCESS with real clients: board and control WebSockets together; the next upgrade
 * of either kind is answered 503 with Retry-After (the browser's provider and socket.io retry, a load
 * balancer may send them elsewhere), the open ones carry on, and a place freed is taken again.
 */
const TOKEN = 'metrics-token-for-the-test-0123456789';
const MAX = 3;
let server: RunningServer;
const clients: YClient[] = [];
const controls: ControlClient[] = [];

beforeAll(async () => {
  server = await startServer({ env: { WS_CONNECTIONS_PER_PROCESS: String(MAX), METRICS_TOKEN: TOKEN } });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const c of controls) c.close();
  await server.stop();
});

/** The HTTP answer to a WebSocket upgrade at `path`: 101 (then closed again) or the refusal. */
function upgrade(path: string): Promise<{ status: number; retryAfter: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.wsUrl}${path}`);
    ws.once('open', () => {
      ws.close();
      resolve({ status: 101, retryAfter: undefined, body: '' });
    });
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body }));
      res.on('error', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body }));
    });
    ws.once('error', (err) => {
      if (!err.message.includes('Unexpected server response')) reject(err);
    });
  });
}

async function metric(series: string): Promise<number | undefined> {
  const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

const note = (id: string, text: string): StickyNote => ({ id, type: 'note', index: `a${id}`, frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text });

it('refuses the next board and control WebSocket with 503 + Retry-After; open ones are unaffected; a freed place is taken again', async () => {
  const boardId = await createBoard(server);
  const w = await createWorkshop(server);
  const a = connectClient(server.wsUrl, boardId);
  const b = connectClient(server.wsUrl, boardId);
  clients.push(a, b);
  await Promise.all([synced(a), synced(b)]);
  controls.push(await connectControl(server.url, w.facilitatorToken));

  const board = await upgrade(`/yjs/${boardId}`);
  expect(board).toMatchObject({ status: 503, retryAfter: '5' });
  expect(JSON.parse(board.body)).toMatchObject({ error: 'server_busy' });
  const control = await upgrade('/socket.io/?EIO=4&transport=websocket');
  expect(control).toMatchObject({ status: 503, retryAfter: '5' });
  expect(JSON.parse(control.body)).toMatchObject({ error: 'server_busy' });
  await expect(connectControl(server.url, w.facilitatorToken)).rejects.toThrow();
  // A new long-polling session (socket.io's fallback, which the browser does not use) is refused too.
  const polling = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
  expect(polling.status).toBe(503);
  expect(polling.headers.get('retry-after')).toBe('5');
  expect(await polling.json()).toMatchObject({ error: 'server_busy' });

  // The open connections carry on: an edit still travels both ways, commands still run.
  insertElement(a.doc, note('1', 'Flere bænke'));
  await waitForDoc(b.doc, (d) => getElements(d).length === 1);
  insertElement(b.doc, note('2', 'Lys på stien'));
  await waitForDoc(a.doc, (d) => getElements(d).length === 2);
  // (A workshop without an agenda answers that command with an error: what counts is that it answers.)
  expect(await controls[0]!.run({ type: 'agenda.goto', index: 0 })).toHaveProperty('ok');

  expect(await metric('sammen_connections_max')).toBe(MAX);
  expect(await metric('sammen_busy_refusals_total{kind="board"}')).toBe(1);
  expect(await metric('sammen_busy_refusals_total{kind="control"}')).toBe(3);
  expect(await metric('sammen_connections{kind="board"}')).toBe(2);

  // A provider refused while the process is full keeps retrying (its back-off) and gets in once a
  // place is freed.
  const late = connectClient(server.wsUrl, boardId);
  clients.push(late);
  await new Promise<void>((resolve) => late.provider.once('connection-error', () => resolve()));
  a.destroy();
  await waitForDoc(late.doc, (d) => getElements(d).length === 2);
  expect(await upgrade(`/yjs/${boardId}`)).toMatchObject({ status: 503 });
});
