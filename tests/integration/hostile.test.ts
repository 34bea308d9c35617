import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { SCHEMA_VERSION, type StickyNote, elementsMap, getElement, getElements, getSchemaVersion, insertElement, updateElement } from '@sammen/shared';
import { connectControl, createWorkshop, join } from '../harness/control.js';
import { createBoard } from '../harness/server.js';
import { serverSession } from '../harness/session.js';
import { closed, connectClient, rawSocket, synced, waitForDoc } from '../harness/yclient.js';
import { encodeUpdateMessage } from '../harness/wire.js';

/** Findings of issue 10 ("no client can hurt the others"), each tried against a real server. */
const harness = serverSession();
const { track } = harness;

const note = (id: string, extra: Partial<StickyNote> = {}): StickyNote => ({
  id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: id, ...extra,
});

/** The board as the server holds it now, read by a fresh client. */
async function serverBoard(boardId: string, token?: string): Promise<Y.Doc> {
  const c = connectClient(harness.server.wsUrl, boardId, token ? { token } : {});
  await synced(c);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(c.doc));
  c.destroy();
  return copy;
}

/** A crafted client: a replica of the board whose `change` is sent raw; resolves with the close. */
async function sendCrafted(boardId: string, token: string | undefined, change: (doc: Y.Doc) => void) {
  const replica = await serverBoard(boardId, token);
  const sv = Y.encodeStateVector(replica);
  change(replica);
  const ws = await rawSocket(harness.server.wsUrl, token ? `${boardId}?token=${token}` : boardId);
  const closing = closed(ws);
  ws.send(encodeUpdateMessage(Y.encodeStateAsUpdate(replica, sv)));
  return closing;
}

const nestDeep = (doc: Y.Doc, id: string): void => {
  doc.transact(() => {
    let inner = new Y.Array<unknown>();
    elementsMap(doc).get(id)!.set('junk', inner);
    for (let i = 0; i < 20_000; i++) {
      const next = new Y.Array<unknown>();
      inner.push([next]);
      inner = next;
    }
  });
};

function awarenessMessage(entries: Array<[id: number, clock: number, state: unknown]>): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

/** Resolves once `awareness` satisfies `predicate` (checked on every change). */
function waitForAwareness(awareness: awarenessProtocol.Awareness, predicate: () => boolean): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out waiting for presence')), 10_000);
    const check = () => {
      if (!predicate()) return;
      clearTimeout(timer);
      awareness.off('change', check);
      resolve();
    };
    awareness.on('change', check);
  });
}

describe('content is validated, not only roots', () => {
  it('refuses a Y.Array nested 20,000 deep and wrongly typed fields, on open and workshop boards; reports still work', async () => {
    const boardId = await createBoard(harness.server);
    const writer = track(connectClient(harness.server.wsUrl, boardId));
    await synced(writer);
    insertElement(writer.doc, note('n1'));
    await waitForDoc((await serverBoard(boardId)), (d) => getElement(d, 'n1') !== undefined);
    expect(await sendCrafted(boardId, undefined, (d) => nestDeep(d, 'n1'))).toMatchObject({ code: 4400, reason: expect.stringMatching(/nested/) });
    expect(await sendCrafted(boardId, undefined, (d) => {
      const map = elementsMap(d).get('n1')!;
      map.set('g', { ...(map.get('g') as object), x: 'far away' });
    })).toMatchObject({ code: 4400, reason: expect.stringMatching(/x/) });
    const board = await serverBoard(boardId);
    expect(getElements(board).map((e) => e.id)).toEqual(['n1']);
    expect(() => board.toJSON()).not.toThrow();

    const w = await createWorkshop(harness.server);
    const alice = await join(harness.server, w.joinCode, 'Alice');
    const fac = track(connectClient(harness.server.wsUrl, w.boardId, { token: w.facilitatorToken }));
    await synced(fac);
    insertElement(fac.doc, note('w1'));
    await waitForDoc(await serverBoard(w.boardId, w.facilitatorToken), (d) => getElement(d, 'w1') !== undefined);
    expect((await sendCrafted(w.boardId, alice, (d) => nestDeep(d, 'w1'))).code).toBe(4400);
    expect((await sendCrafted(w.boardId, w.facilitatorToken, (d) => nestDeep(d, 'w1'))).code).toBe(4400);
    const report = await fetch(`${harness.server.url}/api/workshops/${w.id}/report?format=md`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } });
    expect(report.status).toBe(200);
    expect(getElement(await serverBoard(w.boardId, w.facilitatorToken), 'w1')).toMatchObject({ text: 'w1' });
  });
});

describe('a client from before schema 2 (a cached page)', () => {
  it('writing a field the old way (x as its own key) is refused with a reason, and the board stays schema 2', async () => {
    const boardId = await createBoard(harness.server);
    const writer = track(connectClient(harness.server.wsUrl, boardId));
    await synced(writer);
    insertElement(writer.doc, note('n1', { x: 10 }));
    await waitForDoc(await serverBoard(boardId), (d) => getElement(d, 'n1') !== undefined);
    const moved = await sendCrafted(boardId, undefined, (d) => elementsMap(d).get('n1')!.set('x', 500));
    expect(moved).toMatchObject({ code: 4400, reason: expect.stringMatching(/"x" is stored outside its group "g"/) });
    const created = await sendCrafted(boardId, undefined, (d) => {
      const old = new Y.Map<unknown>();
      elementsMap(d).set('old', old);
      for (const [k, v] of Object.entries(note('old'))) old.set(k, k === 'text' ? new Y.Text(String(v)) : v);
    });
    expect(created).toMatchObject({ code: 4400, reason: expect.stringMatching(/outside its group/) });
    const board = await serverBoard(boardId);
    expect(getSchemaVersion(board)).toBe(SCHEMA_VERSION);
    expect(getElements(board)).toEqual([note('n1', { x: 10 })]);
  });
});

describe('presence belongs to its connection', () => {
  it('cannot be overwritten by another connection, nor flooded with ids', async () => {
    const boardId = await createBoard(harness.server);
    const alice = track(connectClient(harness.server.wsUrl, boardId));
    const watcher = track(connectClient(harness.server.wsUrl, boardId));
    await Promise.all([synced(alice), synced(watcher)]);
    alice.provider.awareness.setLocalState({ user: { name: 'Alice', color: '#d7263d' } });
    const aliceId = alice.doc.clientID;
    const nameOf = (id: number) => (watcher.provider.awareness.getStates().get(id) as { user?: { name: string } } | undefined)?.user?.name;
    await waitForAwareness(watcher.provider.awareness, () => nameOf(aliceId) === 'Alice');

    const attacker: WebSocket = await rawSocket(harness.server.wsUrl, boardId);
    attacker.send(awarenessMessage([[777_777_777, 1, { user: { name: 'Mallory', color: '#000000' } }]]));
    attacker.send(awarenessMessage([[aliceId, 1000, { user: { name: 'Impostor', color: '#000000' } }]]));
    const many: Array<[number, number, unknown]> = [];
    for (let id = 1; id <= 1000; id++) many.push([id, 1, { user: { name: `bot${id}`, color: '#000000' } }]);
    attacker.send(awarenessMessage(many));
    // Sent last: once the watcher sees bot1, the server has handled everything before it.
    await waitForAwareness(watcher.provider.awareness, () => nameOf(1) === 'bot1');
    expect(nameOf(777_777_777)).toBe('Mallory');
    expect(nameOf(aliceId)).toBe('Alice');
    const bots = [...watcher.provider.awareness.getStates().values()].filter((s) => /^bot/.test((s as { user?: { name: string } }).user?.name ?? ''));
    expect(bots.length).toBeLessThanOrEqual(4);
    attacker.close();
  });
});

describe('locks hold against prepared updates', () => {
  it('an update with a clock gap sent before a lock cannot move a note in the frame once completed after it', async () => {
    const w = await createWorkshop(harness.server);
    const alice = await join(harness.server, w.joinCode, 'Alice');
    const fac = track(connectClient(harness.server.wsUrl, w.boardId, { token: w.facilitatorToken }));
    await synced(fac);
    insertElement(fac.doc, { id: 'f1', type: 'frame', index: 'a0', frameId: null, x: 0, y: 0, width: 800, height: 600, title: 'Låst', fill: 'white' });
    insertElement(fac.doc, note('inside', { frameId: 'f1', x: 10, y: 10 }));
    const replica = await serverBoard(w.boardId, w.facilitatorToken);
    await waitForDoc(replica, (d) => getElement(d, 'inside') !== undefined);

    const sv0 = Y.encodeStateVector(replica);
    insertElement(replica, note('harmless', { x: 3000 }));
    const filler = Y.encodeStateAsUpdate(replica, sv0);
    const sv1 = Y.encodeStateVector(replica);
    updateElement(replica, 'inside', { x: 500 });
    const prepared = Y.encodeStateAsUpdate(replica, sv1);

    const ws = await rawSocket(harness.server.wsUrl, `${w.boardId}?token=${alice}`);
    const closing = closed(ws);
    ws.send(encodeUpdateMessage(prepared));
    // Presence after it, on the same connection: seen by the facilitator once the update was handled.
    ws.send(awarenessMessage([[424_242, 1, { user: { name: 'Alice', color: '#d7263d' } }]]));
    await waitForAwareness(fac.provider.awareness, () => fac.provider.awareness.getStates().has(424_242));

    const control = track(await connectControl(harness.server.url, w.facilitatorToken));
    expect(await control.run({ type: 'lock.frame', frameId: 'f1', locked: true, contents: true })).toEqual({ ok: true });
    ws.send(encodeUpdateMessage(filler));
    expect(await closing).toMatchObject({ code: 4403 });
    const board = await serverBoard(w.boardId, w.facilitatorToken);
    expect(getElement(board, 'inside')).toMatchObject({ x: 10 });
    // Everyone else goes on: the facilitator still edits.
    updateElement(fac.doc, 'inside', { x: 20 });
    await waitForDoc(await serverBoard(w.boardId, w.facilitatorToken), (d) => (getElement(d, 'inside') as StickyNote | undefined)?.x === 20);
  });
});
