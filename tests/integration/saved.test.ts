import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { MESSAGE_SAVED, type StickyNote, getElement, insertElement, updateElement } from '@sammen/shared';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { encodeUpdateMessage } from '../harness/wire.js';
import { closed, connectClient, rawSocket, synced } from '../harness/yclient.js';

// The "saved" message (shared/src/savedMessage.ts): a page asks on its socket whether what it sent is
// stored, and the server answers only once it is on disk. A real server process, raw sockets, and a
// crash right after the answer.

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

/** Every message the socket receives, in order, and a way to wait for one. */
function inbox(ws: WebSocket) {
  const messages: Uint8Array[] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (raw: Buffer) => {
    messages.push(new Uint8Array(raw));
    for (const w of waiters.splice(0)) w();
  });
  const savedAnswers = () =>
    messages.flatMap((m) => {
      const d = decoding.createDecoder(m);
      return decoding.readVarUint(d) === MESSAGE_SAVED ? [decoding.readVarUint(d)] : [];
    });
  return {
    messages,
    savedAnswers,
    /** Resolves when a "saved" answer `n` has arrived; rejects after `ms`. */
    async answer(n: number, ms = 10_000): Promise<void> {
      const deadline = Date.now() + ms;
      while (!savedAnswers().includes(n)) {
        if (Date.now() > deadline) throw new Error(`no saved answer ${n} within ${ms} ms (got ${savedAnswers().join(', ') || 'none'})`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

function savedQuery(n: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SAVED);
  encoding.writeVarUint(e, n);
  return encoding.toUint8Array(e);
}

function syncStep1(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, doc);
  return encoding.toUint8Array(e);
}

/** A new board, and a socket on it that asked for saved answers, synced and told "I answer them". */
async function askingSocket() {
  const boardId = await createBoard(server);
  const ws = await rawSocket(server.wsUrl, `${boardId}?saved=1`);
  const box = inbox(ws);
  ws.send(syncStep1(new Y.Doc()));
  await box.answer(0);
  return { boardId, ws, box };
}

const note = (id: string, text: string): StickyNote => ({
  id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text,
});

describe('saved answers', () => {
  it('are offered only to a socket that asks for them', async () => {
    const boardId = await createBoard(server);
    const asking = await rawSocket(server.wsUrl, `${boardId}?saved=1`);
    const plain = await rawSocket(server.wsUrl, boardId);
    const a = inbox(asking);
    const p = inbox(plain);
    asking.send(syncStep1(new Y.Doc()));
    plain.send(syncStep1(new Y.Doc()));
    await a.answer(0);
    // The plain socket got its sync step 2 (type 0), and nothing of type MESSAGE_SAVED.
    await expect.poll(() => p.messages.length).toBeGreaterThanOrEqual(2);
    expect(p.savedAnswers()).toEqual([]);
    asking.close();
    plain.close();
  });

  it('come after the update is on disk: a crash right after the answer keeps it', async () => {
    const { boardId, ws, box } = await askingSocket();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    insertElement(doc, note('n1', 'Hvad er vigtigt for dig?'));
    updateElement(doc, 'n1', { x: 40 });
    for (const u of updates) ws.send(encodeUpdateMessage(u));
    ws.send(savedQuery(7));
    await box.answer(7);
    await server.kill(); // no clean shutdown: only what is on disk survives
    await server.restart();
    const reader = connectClient(server.wsUrl, boardId);
    try {
      await synced(reader);
      expect(getElement(reader.doc, 'n1')).toMatchObject({ text: 'Hvad er vigtigt for dig?', x: 40 });
    } finally {
      reader.destroy();
    }
  });

  it('never come for an update the gate refused: the socket is closed instead', async () => {
    const { ws, box } = await askingSocket();
    const doc = new Y.Doc();
    doc.getMap('elements').set('bad', 'not an element');
    const closing = closed(ws);
    ws.send(encodeUpdateMessage(Y.encodeStateAsUpdate(doc)));
    ws.send(savedQuery(1));
    expect((await closing).code).toBeGreaterThanOrEqual(4400);
    expect(box.savedAnswers()).toEqual([0]);
  });

  it('wait for an update held for what it depends on, and come once it is complete and stored', async () => {
    const { boardId, ws, box } = await askingSocket();
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    insertElement(doc, note('n2', 'Sammen'));
    updateElement(doc, 'n2', { text: 'Sammen finder vi ud af det' });
    const [first, second] = updates;
    ws.send(encodeUpdateMessage(second!)); // depends on `first`, which has not been sent
    ws.send(savedQuery(1));
    await expect(box.answer(1, 1_500)).rejects.toThrow('no saved answer 1');
    ws.send(encodeUpdateMessage(first!));
    ws.send(savedQuery(2));
    await box.answer(2);
    const reader = connectClient(server.wsUrl, boardId);
    try {
      await synced(reader);
      expect(getElement(reader.doc, 'n2')).toMatchObject({ text: 'Sammen finder vi ud af det' });
    } finally {
      reader.destroy();
      ws.close();
    }
  });

  it('refuse a query a client cannot send (0 is the server\'s word)', async () => {
    const boardId = await createBoard(server);
    const ws = await rawSocket(server.wsUrl, `${boardId}?saved=1`);
    const closing = closed(ws);
    ws.send(savedQuery(0));
    expect((await closing).code).toBe(4400);
  });
});
