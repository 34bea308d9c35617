import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { getElement, getElements, insertElement, updateElement, type StickyNote } from '@sammen/shared';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { type YClient, closed, connectClient, rawSocket, synced, waitForDoc } from '../harness/yclient.js';

const note = (id: string, text: string, x = 0): StickyNote => ({
  id, type: 'note', index: `a${id.length}`, frameId: null, x, y: 0, width: 200, height: 200, color: 'yellow', text,
});
const hasNote = (id: string) => (doc: Y.Doc) => getElement(doc, id) !== undefined;

describe('board sync through a real server', () => {
  let server: RunningServer;
  const clients: YClient[] = [];
  const client = (boardId: string, opts?: { connect?: boolean }) => {
    const c = connectClient(server.wsUrl, boardId, opts);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startServer({ env: { MAX_MESSAGE_BYTES: String(256 * 1024) } });
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
  });

  it('two y-websocket clients converge', async () => {
    const boardId = await createBoard(server);
    const a = client(boardId);
    const b = client(boardId);
    await Promise.all([synced(a), synced(b)]);
    insertElement(a.doc, note('n1', 'Hvad er vigtigt for dig? æøå'));
    insertElement(b.doc, note('n2', 'Hva er viktig for deg?'));
    await waitForDoc(a.doc, hasNote('n2'));
    await waitForDoc(b.doc, hasNote('n1'));
    expect(getElements(a.doc)).toEqual(getElements(b.doc));
    expect(getElement(b.doc, 'n1')).toMatchObject({ text: 'Hvad er vigtigt for dig? æøå' });
  });

  it('merges concurrent edits of different fields of one element', async () => {
    const boardId = await createBoard(server);
    const a = client(boardId);
    const b = client(boardId);
    await Promise.all([synced(a), synced(b)]);
    insertElement(a.doc, note('n1', 'x'));
    await waitForDoc(b.doc, hasNote('n1'));
    a.provider.disconnect();
    b.provider.disconnect();
    updateElement(a.doc, 'n1', { x: 500 });
    updateElement(b.doc, 'n1', { color: 'green' });
    a.provider.connect();
    b.provider.connect();
    const merged = (doc: Y.Doc) => {
      const n = getElement(doc, 'n1') as StickyNote | undefined;
      return n?.x === 500 && n.color === 'green';
    };
    await Promise.all([waitForDoc(a.doc, merged), waitForDoc(b.doc, merged)]);
  });

  it('a client that edited offline merges on reconnect', async () => {
    const boardId = await createBoard(server);
    const a = client(boardId);
    const b = client(boardId);
    await Promise.all([synced(a), synced(b)]);
    a.provider.disconnect();
    insertElement(a.doc, note('offline', 'written offline'));
    insertElement(b.doc, note('online', 'written online'));
    await new Promise<void>((resolve) => {
      // b's edit reaches the server while a is away: wait until the server has echoed it to a third client.
      const c = client(boardId);
      waitForDoc(c.doc, hasNote('online')).then(() => resolve());
    });
    expect(getElement(a.doc, 'online')).toBeUndefined();
    a.provider.connect();
    await waitForDoc(a.doc, hasNote('online'));
    await waitForDoc(b.doc, hasNote('offline'));
    expect(getElements(a.doc)).toEqual(getElements(b.doc));
  });

  it('refuses an oversized message with a clear close reason while others go on', async () => {
    const boardId = await createBoard(server);
    const a = client(boardId);
    const b = client(boardId);
    await Promise.all([synced(a), synced(b)]);
    const attacker = await rawSocket(server.wsUrl, boardId);
    const closing = closed(attacker);
    attacker.send(new Uint8Array(300 * 1024));
    const { code, reason } = await closing;
    expect(code).toBe(1009);
    expect(reason).toMatch(/too big/i);
    insertElement(a.doc, note('after', 'still working'));
    await waitForDoc(b.doc, hasNote('after'));
  });

  it('closes a socket that sends garbage with 4400 and stays up for everyone else', async () => {
    const boardId = await createBoard(server);
    const a = client(boardId);
    const b = client(boardId);
    await Promise.all([synced(a), synced(b)]);
    const garbage = [
      new Uint8Array([0, 2, 200, 1, 2, 3]), // an "update" whose length runs past the end
      new Uint8Array([0, 2, 5, 255, 255, 255, 255, 255]), // a Yjs update of nonsense
      new Uint8Array([9, 9, 9]), // unknown message type
      new Uint8Array([1, 4, 1, 2, 3, 4]), // awareness of nonsense
    ];
    for (const bytes of garbage) {
      const ws = await rawSocket(server.wsUrl, boardId);
      const closing = closed(ws);
      ws.send(bytes);
      expect((await closing).code).toBe(4400);
    }
    const text = await rawSocket(server.wsUrl, boardId);
    const closingText = closed(text);
    text.send('hello');
    expect((await closingText).code).toBe(4400);
    insertElement(a.doc, note('still', 'still here'));
    await waitForDoc(b.doc, hasNote('still'));
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('refuses the handshake from a foreign origin and for an unknown board', async () => {
    const boardId = await createBoard(server);
    await expect(rawSocket(server.wsUrl, boardId, { Origin: 'https://evil.example' })).rejects.toThrow('HTTP 403');
    await expect(rawSocket(server.wsUrl, 'aaaaaaaaaaaaaaaaaaaa')).rejects.toThrow('HTTP 404');
    await expect(rawSocket(server.wsUrl, 'NOT_A_BOARD%2F..%2F..')).rejects.toThrow('HTTP 404');
    const sameOrigin = await rawSocket(server.wsUrl, boardId, { Origin: server.url });
    sameOrigin.close();
  });
});

describe('durability', () => {
  it('the board is intact after a clean restart and after a crash', async () => {
    const server = await startServer({ env: { COMPACT_AFTER_UPDATES: '5' } });
    try {
      const boardId = await createBoard(server);
      const a = connectClient(server.wsUrl, boardId);
      const watcher = connectClient(server.wsUrl, boardId);
      await Promise.all([synced(a), synced(watcher)]);
      for (let i = 0; i < 12; i++) insertElement(a.doc, note(`n${i}`, `note ${i} æøå`, i * 10));
      await waitForDoc(watcher.doc, (d) => getElements(d).length === 12);
      const before = getElements(a.doc);
      a.destroy();
      watcher.destroy();

      await server.restart();
      const b = connectClient(server.wsUrl, boardId);
      await synced(b);
      expect(getElements(b.doc)).toEqual(before);

      // A crash right after the server passed an update on: it was on disk before it was broadcast.
      const w2 = connectClient(server.wsUrl, boardId);
      await synced(w2);
      insertElement(b.doc, note('last', 'just before the crash'));
      await waitForDoc(w2.doc, hasNote('last'));
      b.destroy();
      w2.destroy();
      await server.kill();
      await server.restart();
      const c = connectClient(server.wsUrl, boardId);
      await synced(c);
      expect(getElements(c.doc)).toHaveLength(13);
      expect(getElement(c.doc, 'last')).toMatchObject({ text: 'just before the crash' });
      c.destroy();
    } finally {
      await server.stop();
    }
  });

  it('refuses updates past the maximum board size with 4413 and keeps the board', async () => {
    const server = await startServer({ env: { MAX_BOARD_BYTES: '4096' } });
    try {
      const boardId = await createBoard(server);
      const a = connectClient(server.wsUrl, boardId);
      await synced(a);
      const closing = new Promise<{ code: number; reason: string }>((resolve) =>
        a.provider.on('connection-close', (event) => event && resolve({ code: event.code, reason: event.reason })),
      );
      insertElement(a.doc, note('small', 'fits'));
      insertElement(a.doc, note('big', 'x'.repeat(5000)));
      const { code, reason } = await closing;
      expect(code).toBe(4413);
      expect(reason).toMatch(/maximum board size/);
      a.destroy();
      const b = connectClient(server.wsUrl, boardId);
      await synced(b);
      expect(getElement(b.doc, 'small')).toBeDefined();
      expect(getElement(b.doc, 'big')).toBeUndefined();
      b.destroy();
    } finally {
      await server.stop();
    }
  });
});
