import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StickyNote, elementsMap, getElements, insertElement } from '@sammen/shared';
import { createWorkshop, join } from '../harness/control.js';
import { dbFingerprint } from '../harness/dbRows.js';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { type YClient, connectClient, rawSocket, synced, waitForDoc } from '../harness/yclient.js';
import { encodeUpdateMessage } from '../harness/wire.js';

/**
 * Property: whatever one board connection sends (random bytes, framed sync messages with random
 * payloads, valid updates with flipped bytes, well-formed updates with garbage content, awareness with
 * any ids and states), the server either takes it or closes that connection with a refusal code, a
 * refused message stores nothing, and the other clients of the board go on. Against the real server.
 */
const RUNS = 200;
const REFUSALS = new Set([1009, 4400, 4403, 4413, 4504, 4529]);

const frame = (type: number, sub: number | null, payload: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  if (sub !== null) encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
};
const awareness = (entries: Array<[number, number, unknown]>): Uint8Array => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return frame(1, null, encoding.toUint8Array(e));
};
const validUpdate = (text: string): Uint8Array => {
  const doc = new Y.Doc();
  const note: StickyNote = { id: `f${text.length}`, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text };
  insertElement(doc, note);
  return Y.encodeStateAsUpdate(doc);
};
const garbageElement = (fields: Record<string, unknown>): Uint8Array => {
  const doc = new Y.Doc();
  const el = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) el.set(k, v);
  elementsMap(doc).set('g1', el);
  return Y.encodeStateAsUpdate(doc);
};

const messageArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.tuple(fc.constantFrom(0, 1, 2, 3, 9), fc.uint8Array({ maxLength: 300 })).map(([sub, p]) => frame(0, sub, p)),
  fc
    .tuple(fc.string({ maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), fc.nat({ max: 20 }))
    .map(([text, flips, cut]) => {
      const update = validUpdate(text);
      for (const [at, value] of flips) update[at % update.length] = value;
      return encodeUpdateMessage(update.slice(0, Math.max(1, update.length - cut)));
    }),
  fc.dictionary(fc.constantFrom('id', 'type', 'x', 'y', 'width', 'height', 'text', 'color', 'index', 'frameId', 'junk'), fc.jsonValue({ maxDepth: 3 })).map((fields) => encodeUpdateMessage(garbageElement(fields))),
  fc.array(fc.tuple(fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 4 })), { maxLength: 6 }).map(awareness),
);

/** Sends `message`, then a sync step 1 as a probe: resolves when the server has handled both, or closed. */
function exchange(ws: WebSocket, message: Uint8Array): Promise<{ closed: number | null }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no answer and no close within 5 s')), 5000);
    const done = (closed: number | null) => {
      clearTimeout(timer);
      ws.off('message', onMessage);
      resolve({ closed });
    };
    const onMessage = (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) done(null); // sync step 2: the answer to the probe
    };
    ws.on('message', onMessage);
    ws.once('close', (code) => done(code));
    ws.send(message);
    ws.send(frame(0, 0, Y.encodeStateVector(new Y.Doc())));
  });
}

describe('board protocol, fuzzed', () => {
  let server: RunningServer;
  let openBoard: string;
  let workshopBoard: string;
  let participantToken: string;
  let a: YClient;
  let b: YClient;
  let c: YClient;

  beforeAll(async () => {
    server = await startServer({ env: { COMPACT_AFTER_UPDATES: '1000000' } });
    openBoard = await createBoard(server);
    const w = await createWorkshop(server);
    workshopBoard = w.boardId;
    participantToken = await join(server, w.joinCode, 'Fuzz');
    a = connectClient(server.wsUrl, openBoard);
    b = connectClient(server.wsUrl, openBoard);
    // Keeps the workshop board loaded: its first load stamps the schema version (a write of its own).
    c = connectClient(server.wsUrl, workshopBoard, { token: participantToken });
    await Promise.all([synced(a), synced(b), synced(c)]);
  });
  afterAll(async () => {
    for (const client of [a, b, c]) client?.destroy();
    await server.stop();
  });

  it('every message is taken or refused with a close code, and a refused one stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(messageArb, fc.boolean(), async (message, onWorkshop) => {
        const before = dbFingerprint(server.dataDir);
        const ws = await rawSocket(server.wsUrl, onWorkshop ? `${workshopBoard}?token=${participantToken}` : openBoard);
        const { closed } = await exchange(ws, message);
        if (closed === null) return void ws.close();
        expect(REFUSALS.has(closed), `closed with ${closed}`).toBe(true);
        expect(dbFingerprint(server.dataDir), `refused message stored something: ${Buffer.from(message).toString('hex').slice(0, 200)}`).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it('afterwards the server answers and the board works for the others', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const note: StickyNote = { id: 'after', type: 'note', index: 'z0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'still here' };
    insertElement(a.doc, note);
    await waitForDoc(b.doc, (d) => getElements(d).some((e) => e.id === 'after'));
  });
});
