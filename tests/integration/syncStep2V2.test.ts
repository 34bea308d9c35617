import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MESSAGE_SYNC_STEP_2_V2, type StickyNote, V2_PARAM, getElements } from '@sammen/shared';
import { readSyncStep2V2 } from '../../client/src/sync/syncStep2V2.js';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { type YClient, connectClient, rawSocket, seedBoard, synced } from '../harness/yclient.js';

// The V2 sync step 2 (shared/src/syncStep2V2.ts) from the real server: only to a socket that asks,
// and the same board as the V1 one.

let server: RunningServer;
const clients: YClient[] = [];
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server.stop();
});

const notes: StickyNote[] = Array.from({ length: 50 }, (_, i) => ({
  id: `n${i}`, type: 'note', index: `a${i}`, frameId: null, x: i * 220, y: 0, width: 200, height: 200, color: 'yellow', text: `Lapp ${i}: kva er viktig for deg? æøå`,
}));

/** The first message of the given type the socket receives after asking with an empty state vector. */
async function answerTo(path: string): Promise<number[]> {
  const ws = await rawSocket(server.wsUrl, path);
  const types: number[] = [];
  const got = new Promise<void>((resolve) =>
    ws.on('message', (raw: Buffer) => {
      types.push(raw[0]!);
      if (raw[0] === MESSAGE_SYNC_STEP_2_V2 || (raw[0] === 0 && raw[1] === 1)) resolve();
    }),
  );
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  syncProtocol.writeSyncStep1(e, new Y.Doc());
  ws.send(encoding.toUint8Array(e));
  await got;
  ws.close();
  return types;
}

describe('sync step 2 in V2', () => {
  it('goes only to a socket that asks, and holds the same board', async () => {
    const boardId = await createBoard(server);
    clients.push(await seedBoard(server.wsUrl, boardId, notes)); // keeps the room loaded
    expect(await answerTo(boardId)).not.toContain(MESSAGE_SYNC_STEP_2_V2);
    expect(await answerTo(`${boardId}?${V2_PARAM}=1`)).toContain(MESSAGE_SYNC_STEP_2_V2);

    const page = connectClient(server.wsUrl, boardId, { params: { [V2_PARAM]: '1' } });
    clients.push(page);
    readSyncStep2V2(page.provider);
    const read = page.provider.messageHandlers[MESSAGE_SYNC_STEP_2_V2]!;
    let v2Messages = 0;
    page.provider.messageHandlers[MESSAGE_SYNC_STEP_2_V2] = (...args) => {
      v2Messages++;
      read(...args);
    };
    await synced(page);
    expect(v2Messages).toBe(1);
    expect(getElements(page.doc)).toEqual(getElements(clients[0]!.doc));
    expect(getElements(page.doc)).toHaveLength(notes.length);
  });
});
