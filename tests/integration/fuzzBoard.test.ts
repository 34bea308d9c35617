import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { type StickyNote, elementsMap, getElements, insertElement, readElementMap } from '@sammen/shared';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { type YClient, connectClient, rawSocket, synced, waitForDoc } from '../harness/yclient.js';

/**
 * Property-based fuzzing of the board protocol and presence against a real server: random and mutated
 * y-websocket messages, one crafted connection per run. After every run the process answers, a real
 * client still syncs, every stored element is valid, and a refused input left the board as it was.
 */
let server: RunningServer;
let boardId: string;
let alice: YClient;
let watcher: YClient;
beforeAll(async () => {
  // A high rate limit, so that the fuzzer reaches the handlers behind it.
  server = await startServer({ env: { WS_MESSAGES_PER_SECOND: '100000', WS_MESSAGE_BURST: '100000' } });
  boardId = await createBoard(server);
  alice = connectClient(server.wsUrl, boardId);
  watcher = connectClient(server.wsUrl, boardId);
  await Promise.all([synced(alice), synced(watcher)]);
  insertElement(alice.doc, note('seed'));
  alice.provider.awareness.setLocalState({ user: { name: 'Alice', color: '#d7263d' } });
  await waitForDoc(watcher.doc, (d) => elementsMap(d).has('seed'));
});
afterAll(async () => {
  alice.destroy();
  watcher.destroy();
  await server.stop();
});

const note = (id: string): StickyNote => ({ id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: id });

/** One random change to a replica of the board, valid or not. */
const change = fc.oneof(
  fc.record({ op: fc.constant('set' as const), key: fc.constantFrom('x', 'type', 'id', 'text', 'color', 'width', 'junk', 'frameId', 'm', 'g', 's'), value: fc.jsonValue({ maxDepth: 6 }) }),
  // One field of a stored group (schema 2) changed, the rest kept, as a hostile client could.
  fc.record({ op: fc.constant('regroup' as const), group: fc.constantFrom('m', 'g', 's'), key: fc.constantFrom('x', 'y', 'id', 'type', 'index', 'frameId', 'color', 'text', 'junk'), value: fc.jsonValue({ maxDepth: 5 }) }),
  fc.record({ op: fc.constant('insert' as const), id: fc.string({ maxLength: 70 }), fields: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 12 }) }),
  fc.record({ op: fc.constant('valid' as const), id: fc.stringMatching(/^[a-z0-9]{1,10}$/), x: fc.integer({ min: -2_000_000, max: 2_000_000 }) }),
  fc.record({ op: fc.constant('text' as const), text: fc.string({ maxLength: 11_000 }) }),
  fc.record({ op: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 3000 }), kind: fc.constantFrom('array', 'map', 'text') }),
  fc.record({ op: fc.constant('root' as const), name: fc.constantFrom('meta', 'votes', 'other'), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ op: fc.constant('delete' as const) }),
);
type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

function apply(doc: Y.Doc, c: Change): void {
  const seed = elementsMap(doc).get('seed');
  doc.transact(() => {
    switch (c.op) {
      case 'set':
        seed?.set(c.key, c.value);
        break;
      case 'regroup': {
        const group: unknown = seed?.get(c.group);
        seed?.set(c.group, { ...(typeof group === 'object' ? group : {}), [c.key]: c.value });
        break;
      }
      case 'insert': {
        const map = new Y.Map<unknown>();
        elementsMap(doc).set(c.id, map);
        for (const [k, v] of Object.entries(c.fields)) map.set(k, v);
        break;
      }
      case 'valid':
        insertElement(doc, { ...note(c.id), x: Math.max(-1_000_000, Math.min(1_000_000, c.x)) });
        break;
      case 'text': {
        const text = seed?.get('text');
        if (text instanceof Y.Text) text.insert(0, c.text);
        break;
      }
      case 'nest': {
        let inner: Y.AbstractType<any> = c.kind === 'array' ? new Y.Array() : c.kind === 'map' ? new Y.Map() : new Y.Text();
        seed?.set('junk', inner);
        for (let i = 0; i < c.depth; i++) {
          const next = new Y.Array<unknown>();
          if (inner instanceof Y.Array) inner.push([next]);
          else if (inner instanceof Y.Map) inner.set('k', next);
          else (inner as Y.Text).insertEmbed(0, next as never);
          inner = next;
        }
        break;
      }
      case 'root':
        doc.getMap(c.name).set('k', c.value);
        break;
      case 'delete':
        elementsMap(doc).delete('seed');
        break;
    }
  });
}

/** A sync message (0 = sync) around a payload: step 1 (0), step 2 (1), update (2) or an unknown kind. */
function syncMessage(kind: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, kind);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Flips, truncates or extends bytes. */
const mutation = fc.record({
  flips: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
  truncate: fc.option(fc.nat(), { nil: undefined }),
  tail: fc.uint8Array({ maxLength: 8 }),
});
function mutate(bytes: Uint8Array, m: { flips: Array<[number, number]>; truncate: number | undefined; tail: Uint8Array }): Uint8Array {
  let out = Uint8Array.from(bytes);
  for (const [at, value] of m.flips) if (out.length) out[at % out.length] = value;
  if (m.truncate !== undefined && out.length) out = out.slice(0, m.truncate % out.length);
  return Uint8Array.from([...out, ...m.tail]);
}

async function boardNow(): Promise<Y.Doc> {
  const c = connectClient(server.wsUrl, boardId);
  await synced(c);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(c.doc));
  c.destroy();
  return copy;
}

/** Sends `messages`, then a sync step 1; resolves with the close code, or null if the server answered. */
async function send(messages: Uint8Array[]): Promise<number | null> {
  const ws: WebSocket = await rawSocket(server.wsUrl, boardId);
  const outcome = new Promise<number | null>((resolve) => {
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) resolve(null); // our final sync step 1 was answered
    });
    ws.once('close', (code) => resolve(code));
  });
  for (const m of messages) ws.send(m);
  ws.send(syncMessage(0, Y.encodeStateVector(new Y.Doc())));
  const result = await outcome;
  ws.terminate();
  return result;
}

async function stillServing(): Promise<Y.Doc> {
  expect((await fetch(`${server.url}/health`)).status).toBe(200);
  const board = await boardNow();
  expect(() => board.toJSON()).not.toThrow();
  elementsMap(board).forEach((map, id) => expect(readElementMap(map)?.id, `element ${id}`).toBe(id));
  return board;
}

it('board updates: random and mutated updates never take the server down, store nothing invalid, and a refusal changes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), fc.option(mutation, { nil: undefined }), fc.constantFrom(1, 2), async (changes, m, kind) => {
      const before = await boardNow();
      const replica = new Y.Doc();
      Y.applyUpdate(replica, Y.encodeStateAsUpdate(before));
      const sv = Y.encodeStateVector(replica);
      for (const c of changes) apply(replica, c);
      const update = Y.encodeStateAsUpdate(replica, sv);
      const code = await send([syncMessage(kind, m ? mutate(update, m) : update)]);
      const after = await stillServing();
      if (code !== null && code >= 4400 && code < 4500) {
        expect(Y.encodeStateVector(after)).toEqual(Y.encodeStateVector(before)); // nothing stored from a refused input
      }
    }),
    { numRuns: 60, interruptAfterTimeLimit: 25_000, markInterruptAsFailure: false, seed: Number(process.env.FUZZ_SEED) || undefined },
  );
  // Real clients went on syncing throughout.
  insertElement(alice.doc, note('after-board-fuzz'));
  await waitForDoc(watcher.doc, (d) => elementsMap(d).has('after-board-fuzz'));
  expect(getElements(watcher.doc).some((e) => e.id === 'after-board-fuzz')).toBe(true);
}, 60_000);

it('raw bytes and presence: garbage and random awareness never take the server down or reach others unchecked', async () => {
  const entry = fc.tuple(fc.oneof(fc.nat(), fc.constant(alice.doc.clientID)), fc.nat({ max: 1_000_000 }), fc.oneof(fc.jsonValue({ maxDepth: 12 }).map((v) => JSON.stringify(v)), fc.string({ maxLength: 50 })));
  const awarenessMessage = entry.chain((first) => fc.array(entry, { maxLength: 20 }).map((rest) => [first, ...rest])).map((entries) => {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, entries.length);
    for (const [id, clock, state] of entries) {
      encoding.writeVarUint(inner, id);
      encoding.writeVarUint(inner, clock);
      encoding.writeVarString(inner, state);
    }
    const outer = encoding.createEncoder();
    encoding.writeVarUint(outer, 1);
    encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
    return encoding.toUint8Array(outer);
  });
  const message = fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.tuple(fc.constantFrom(0, 1, 2, 3, 4, 127, 128), fc.uint8Array({ maxLength: 100 })).map(([t, rest]) => Uint8Array.from([t, ...rest])),
    fc.tuple(fc.nat({ max: 3 }), fc.uint8Array({ maxLength: 50 })).map(([k, sv]) => syncMessage(k, sv)),
    awarenessMessage,
    fc.tuple(awarenessMessage, mutation).map(([a, m]) => mutate(a, m)),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 5 }), async (messages) => {
      const before = Y.encodeStateVector(await boardNow());
      await send(messages);
      const after = await stillServing();
      expect(Y.encodeStateVector(after)).toEqual(before); // none of this writes the board
      const states = watcher.provider.awareness.getStates();
      expect((states.get(alice.doc.clientID) as { user?: { name?: string } } | undefined)?.user?.name).toBe('Alice');
      for (const state of states.values()) expect(() => JSON.stringify(state)).not.toThrow();
    }),
    { numRuns: 80, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false, seed: Number(process.env.FUZZ_SEED) || undefined },
  );
  insertElement(alice.doc, note('after-byte-fuzz'));
  await waitForDoc(watcher.doc, (d) => elementsMap(d).has('after-byte-fuzz'));
}, 60_000);
