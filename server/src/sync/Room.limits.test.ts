import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CLOSE, getElement, insertElement, updateElement } from '@sammen/shared';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import { createLocalBus } from './Bus.js';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits, type RefusalReason } from './limits.js';
import { MESSAGE_AWARENESS, encodeUpdate } from './messages.js';
import { Room, type SyncSocket } from './Room.js';
import type { UpdateGate } from './UpdateGate.js';

const quietLog = { info() {}, warn() {}, error() {} };
const sender = (connectionId: string) => ({ connectionId, workshopId: null, memberId: null, role: null, privateDoc: false });

/** An in-memory socket whose unread bytes (`bufferedAmount`) the test controls. */
function memorySocket() {
  const sent: Uint8Array[] = [];
  let closedWith: { code: number; reason: string } | null = null;
  const state = { buffered: 0 };
  const socket: SyncSocket = {
    send: (d) => sent.push(d),
    close: (code, reason) => (closedWith = { code, reason }),
    get bufferedAmount() {
      return state.buffered;
    },
  };
  return { socket, sent, state, closed: () => closedWith };
}

async function loadRoom(limits: Partial<ConnectionLimits> = {}, gate: UpdateGate = { check: () => ({ ok: true }) }) {
  const refused: RefusalReason[] = [];
  const room = await Room.load({
    docId: 'doc',
    store: openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-limits-'))).documents,
    gate,
    bus: createLocalBus(),
    log: quietLog,
    maxDocBytes: 64 << 20,
    compactAfterUpdates: 1_000_000,
    onEmpty() {},
    limits: { ...DEFAULT_CONNECTION_LIMITS, ...limits },
    onRefused: (r) => refused.push(r),
  });
  await room.flush();
  return { room, refused };
}

const syncStep1 = (doc: Y.Doc): Uint8Array => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
};

const awarenessMessage = (entries: Array<[id: number, clock: number, state: unknown]>): Uint8Array => {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(inner, id);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, JSON.stringify(state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
};

/** The awareness messages among `sent`, each as the client ids and states it carries. */
const presenceIn = (sent: Uint8Array[]): Array<Map<number, unknown>> =>
  sent
    .map((m) => decoding.createDecoder(m))
    .filter((d) => decoding.readVarUint(d) === MESSAGE_AWARENESS)
    .map((d) => {
      const reader = new awarenessProtocol.Awareness(new Y.Doc());
      reader.setLocalState(null);
      awarenessProtocol.applyAwarenessUpdate(reader, decoding.readVarUint8Array(d), null);
      return new Map([...reader.getStates()].filter(([id]) => id !== reader.clientID));
    });

function bigBoard(room: Room, notes: number): void {
  const source = new Y.Doc();
  for (let i = 0; i < notes; i++) {
    insertElement(source, { id: `n${i}`, type: 'note', index: 'a0', frameId: null, x: i, y: 0, width: 200, height: 200, color: 'yellow', text: 'x'.repeat(500) });
  }
  Y.applyUpdate(room.doc, Y.encodeStateAsUpdate(source));
}

describe('Room limits', () => {
  it('drops a consumer that falls too far behind (4504), and keeps sending to the others', async () => {
    const { room, refused } = await loadRoom({ maxBufferedBytes: 1000 });
    const slow = memorySocket();
    const fast = memorySocket();
    room.connect(slow.socket, sender('slow'));
    room.connect(fast.socket, sender('fast'));
    slow.state.buffered = 999_999; // it stopped reading
    const before = fast.sent.length;
    const writer = new Y.Doc();
    insertElement(writer, { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'hej' });
    const other = memorySocket();
    const co = room.connect(other.socket, sender('other'));
    room.receive(co, encodeUpdate(Y.encodeStateAsUpdate(writer)));
    await room.flush();
    expect(slow.closed()).toEqual(CLOSE.SLOW_CONSUMER);
    expect(refused).toContain('slow-consumer');
    expect(fast.sent.length).toBe(before + 1);
    expect(fast.closed()).toBeNull();
    expect(room.connectionCount).toBe(2);
  });

  it('skips presence for a reader that is behind, but still sends it the board changes', async () => {
    const { room } = await loadRoom();
    const behind = memorySocket();
    const writer = memorySocket();
    room.connect(behind.socket, sender('behind'));
    const cw = room.connect(writer.socket, sender('writer'));
    behind.state.buffered = 300 * 1024; // a phone on a slow link
    const before = behind.sent.length;
    room.receive(cw, awarenessMessage([[55, 1, { user: { name: 'Alice' } }]]));
    await room.flush();
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(room.awareness.getStates().has(55)).toBe(true);
    expect(behind.sent.length).toBe(before); // no presence for it
    const w = new Y.Doc();
    insertElement(w, { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: '' });
    room.receive(cw, encodeUpdate(Y.encodeStateAsUpdate(w)));
    await room.flush();
    expect(behind.sent.length).toBe(before + 1); // the change itself is never skipped
    expect(behind.closed()).toBeNull();
  });

  it('lets a client download a board larger than the limit without calling it slow', async () => {
    const { room } = await loadRoom({ maxBufferedBytes: 1000 });
    bigBoard(room, 20);
    const a = memorySocket();
    const ca = room.connect(a.socket, sender('a'));
    room.receive(ca, syncStep1(new Y.Doc()));
    await room.flush();
    const board = a.sent.at(-1)!;
    expect(board.byteLength).toBeGreaterThan(1000);
    a.state.buffered = board.byteLength; // still downloading it
    const writer = memorySocket();
    const cw = room.connect(writer.socket, sender('w'));
    const w = new Y.Doc();
    insertElement(w, { id: 'z', type: 'note', index: 'a1', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: '' });
    room.receive(cw, encodeUpdate(Y.encodeStateAsUpdate(w)));
    await room.flush();
    expect(a.closed()).toBeNull();
  });

  it('answers sync step 1 from one cached encoding of the board', async () => {
    const { room } = await loadRoom();
    bigBoard(room, 50);
    const a = memorySocket();
    const b = memorySocket();
    const ca = room.connect(a.socket, sender('a'));
    const cb = room.connect(b.socket, sender('b'));
    room.receive(ca, syncStep1(new Y.Doc()));
    room.receive(cb, syncStep1(new Y.Doc()));
    await room.flush();
    expect(a.sent.at(-1)).toBe(b.sent.at(-1)); // the same buffer, encoded once
  });

  it('closes a connection that sends faster than its rate limit (4529); others go on', async () => {
    const { room, refused } = await loadRoom({ messagesPerSecond: 10, messageBurst: 50 });
    const flood = memorySocket();
    const calm = memorySocket();
    const cflood = room.connect(flood.socket, sender('flood'));
    const ccalm = room.connect(calm.socket, sender('calm'));
    for (let i = 0; i < 200; i++) room.receive(cflood, syncStep1(new Y.Doc()));
    room.receive(ccalm, syncStep1(new Y.Doc()));
    await room.flush();
    expect(flood.closed()).toEqual(CLOSE.RATE_LIMITED);
    expect(refused).toContain('rate-limited');
    expect(flood.sent.length).toBeLessThanOrEqual(4); // its greeting and the two answers its budget held
    expect(calm.closed()).toBeNull();
  });

  it('charges the items of an update: 100,000 one-character items are refused before they are judged', async () => {
    let judged = 0;
    const { room, refused } = await loadRoom({}, { check: () => (judged++, { ok: true }) });
    const a = memorySocket();
    const ca = room.connect(a.socket, sender('a'));
    const client = new Y.Doc();
    const text = client.getText('t');
    client.transact(() => {
      for (let i = 0; i < 100_000; i++) text.insert(0, 'x');
    });
    const update = Y.encodeStateAsUpdate(client);
    expect(update.byteLength).toBeLessThan(DEFAULT_CONNECTION_LIMITS.messageBurst * 8 * 1024 - 1000); // its bytes alone pass
    room.receive(ca, encodeUpdate(update));
    await room.flush();
    expect(a.closed()).toEqual(CLOSE.RATE_LIMITED);
    expect(refused).toContain('rate-limited');
    expect(judged).toBe(0);
    expect(room.doc.getText('t').length).toBe(0);
  });

  it('holds an update that depends on changes the client has not sent; nothing applies until it is complete', async () => {
    const { room } = await loadRoom();
    const a = memorySocket();
    const b = memorySocket();
    const ca = room.connect(a.socket, sender('a'));
    room.connect(b.socket, sender('b'));
    const client = new Y.Doc();
    insertElement(client, { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'hej' });
    const first = Y.encodeStateAsUpdate(client);
    const sv = Y.encodeStateVector(client);
    updateElement(client, 'n1', { x: 500 });
    const second = Y.encodeStateAsUpdate(client, sv); // replaces the placement: useless without `first`
    const sentBefore = b.sent.length;
    room.receive(ca, encodeUpdate(second));
    await room.flush();
    expect(room.doc.store.pendingStructs).toBeNull();
    expect(room.doc.getMap('elements').size).toBe(0);
    expect(b.sent.length).toBe(sentBefore);
    room.receive(ca, encodeUpdate(first));
    await room.flush();
    expect(getElement(room.doc, 'n1')).toMatchObject({ x: 500 });
    expect(a.closed()).toBeNull();
  });

  it('keeps each presence with its connection: another connection cannot overwrite or remove it', async () => {
    const { room, refused } = await loadRoom();
    const a = memorySocket();
    const b = memorySocket();
    const ca = room.connect(a.socket, sender('a'));
    const cb = room.connect(b.socket, sender('b'));
    room.receive(ca, awarenessMessage([[101, 1, { user: { name: 'Alice' } }]]));
    await room.flush();
    room.receive(cb, awarenessMessage([[101, 50, { user: { name: 'Impostor' } }]]));
    room.receive(cb, awarenessMessage([[101, 51, null]]));
    const many: Array<[number, number, unknown]> = [];
    for (let id = 1000; id < 3000; id++) many.push([id, 1, { n: id }]);
    room.receive(cb, awarenessMessage(many));
    await room.flush();
    expect(room.awareness.getStates().get(101)).toEqual({ user: { name: 'Alice' } });
    expect(room.awareness.getStates().size).toBe(1 + DEFAULT_CONNECTION_LIMITS.presence.maxIdsPerConnection);
    expect(refused.filter((r) => r === 'presence-foreign-id').length).toBe(2);
    room.disconnect(cb);
    expect([...room.awareness.getStates().keys()]).toEqual([101]);
  });

  it('coalesces presence per room: n cursors moving at once reach every socket as one message; changes within the interval wait and go together', async () => {
    const { room } = await loadRoom();
    const watcher = memorySocket();
    room.connect(watcher.socket, sender('watcher'));
    const people = Array.from({ length: 40 }, (_, i) => room.connect(memorySocket().socket, sender(`p${i}`)));
    // Twenty people move their cursors in the same moment: one message, not twenty.
    people.slice(0, 20).forEach((conn, i) => room.receive(conn, awarenessMessage([[1000 + i, 1, { cursor: { x: i, y: 0 } }]])));
    await new Promise<void>((resolve) => setTimeout(resolve, 5)); // the room's queue, then the end of that turn
    expect(presenceIn(watcher.sent).map((m) => m.size)).toEqual([20]);
    // Twenty others move theirs right after: nothing goes until the interval since the last message has passed.
    const movedAt = Date.now();
    people.slice(20).forEach((conn, i) => room.receive(conn, awarenessMessage([[2000 + i, 1, { cursor: { x: i, y: 1 } }]])));
    await new Promise<void>((resolve) => setTimeout(resolve, 5));
    expect(presenceIn(watcher.sent).length).toBe(1);
    await expect.poll(() => presenceIn(watcher.sent).length, { timeout: 2000, interval: 5 }).toBe(2);
    expect(Date.now() - movedAt).toBeGreaterThanOrEqual(DEFAULT_CONNECTION_LIMITS.presence.minIntervalMs - 10);
    const second = presenceIn(watcher.sent)[1]!;
    expect([...second.keys()].sort()).toEqual(Array.from({ length: 20 }, (_, i) => 2000 + i));
    expect(second.get(2005)).toEqual({ cursor: { x: 5, y: 1 } });
    expect(room.awareness.getStates().size).toBe(40);
  });
});
