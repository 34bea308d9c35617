import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_SYNC_STEP_2_V2, type StickyNote, V2_PARAM, getElement, insertElement } from '@sammen/shared';
import { trackSaved } from '../../client/src/sync/savedTracker.js';
import { readSyncStep2V2 } from '../../client/src/sync/syncStep2V2.js';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { type YClient, connectClient, synced } from '../harness/yclient.js';

// The page's tracker (client/src/sync/savedTracker.ts) on the provider the page uses, against the
// real server: what it calls saved is on the server, changes made offline included; and against a
// server that gives no answers it falls back to "synced means sent".

let server: RunningServer;
const clients: YClient[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.stop();
});

const note = (id: string, text: string): StickyNote => ({
  id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text,
});

function client(boardId: string, params: Record<string, string> = {}): YClient {
  const c = connectClient(server.wsUrl, boardId, { params });
  clients.push(c);
  return c;
}

/** What a fresh client reads from the server. */
async function onServer(boardId: string, id: string) {
  const reader = client(boardId);
  await synced(reader);
  return getElement(reader.doc, id);
}

describe('savedTracker', () => {
  it('calls a change saved only once the server has stored it, offline changes included', async () => {
    const boardId = await createBoard(server);
    const page = client(boardId, { saved: '1' });
    const saved = trackSaved(page.doc, page.provider);
    await synced(page);
    insertElement(page.doc, note('a', 'online'));
    expect(saved.unsaved()).toBe(true);
    await expect.poll(() => saved.unsaved()).toBe(false);
    expect(await onServer(boardId, 'a')).toMatchObject({ text: 'online' });

    page.provider.disconnect();
    insertElement(page.doc, note('b', 'written offline'));
    expect(saved.unsaved()).toBe(true);
    page.provider.connect();
    await expect.poll(() => saved.unsaved()).toBe(false);
    expect(await onServer(boardId, 'b')).toMatchObject({ text: 'written offline' });
    expect(saved.overdue()).toBe(false);
    saved.destroy();
  });

  it('asks once synced, however long after sync step 1 the (V2) sync step 2 comes', async () => {
    const boardId = await createBoard(server);
    const page = client(boardId, { saved: '1', [V2_PARAM]: '1' });
    readSyncStep2V2(page.provider);
    // A big board's sync step 2 can come long after the server's step 1: held back here by 1 s.
    const apply = page.provider.messageHandlers[MESSAGE_SYNC_STEP_2_V2]!;
    page.provider.messageHandlers[MESSAGE_SYNC_STEP_2_V2] = (...args) => {
      const [, decoder] = args;
      const rest = decoder.arr.subarray(decoder.pos);
      setTimeout(() => apply(args[0], { ...decoder, arr: rest, pos: 0 } as typeof decoder, args[2], args[3], args[4]), 1_000);
    };
    const saved = trackSaved(page.doc, page.provider);
    await synced(page);
    page.provider.disconnect();
    insertElement(page.doc, note('e', 'written offline, big board'));
    page.provider.connect();
    await synced(page);
    await expect.poll(() => saved.unsaved(), { timeout: 5_000 }).toBe(false);
    expect(await onServer(boardId, 'e')).toMatchObject({ text: 'written offline, big board' });
    saved.destroy();
  });

  it('without answers from the server (no saved=1), counts a change saved when sent on a synced socket', async () => {
    const boardId = await createBoard(server);
    const page = client(boardId);
    const saved = trackSaved(page.doc, page.provider);
    await synced(page);
    insertElement(page.doc, note('c', 'sent'));
    expect(saved.unsaved()).toBe(false);
    page.provider.disconnect();
    insertElement(page.doc, note('d', 'offline'));
    expect(saved.unsaved()).toBe(true);
    page.provider.connect();
    await synced(page);
    expect(saved.unsaved()).toBe(false);
    saved.destroy();
  });
});
