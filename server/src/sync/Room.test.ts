import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, getElements, insertElement } from '@sammen/shared';
import type { DocumentStore } from '../store/DocumentStore.js';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import { createLocalBus } from './Bus.js';
import { decodeMessage, encodeUpdate } from './messages.js';
import { Room, type SyncSocket } from './Room.js';
import type { UpdateGate } from './UpdateGate.js';

const quietLog = { info() {}, warn() {}, error() {} };
const sender = (connectionId: string) => ({ connectionId, workshopId: null, memberId: null, role: null, privateDoc: false });

/** An in-memory socket that records what the room sent and how it closed it. */
function memorySocket() {
  const sent: Uint8Array[] = [];
  let closedWith: { code: number; reason: string } | null = null;
  const socket: SyncSocket = {
    send: (d) => sent.push(d),
    close: (code, reason) => (closedWith = { code, reason }),
  };
  return { socket, sent, closed: () => closedWith };
}

function noteUpdate(id: string): Uint8Array {
  const doc = new Y.Doc();
  insertElement(doc, { id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: id });
  return Y.encodeStateAsUpdate(doc);
}

async function loadRoom(store: DocumentStore, gate: UpdateGate = { check: () => ({ ok: true }) }) {
  return Room.load({
    docId: 'doc', store, gate, bus: createLocalBus(), log: quietLog, maxDocBytes: 1 << 20, compactAfterUpdates: 1000, onEmpty() {},
  });
}

const sqlite = () => openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-room-'))).documents;

describe('Room', () => {
  it('stores an update before it is broadcast', async () => {
    const store = sqlite();
    const room = await loadRoom(store);
    const a = memorySocket();
    const b = memorySocket();
    const ca = room.connect(a.socket, sender('a'));
    room.connect(b.socket, sender('b'));
    await room.flush(); // the schema stamp of a new board is stored and shared first
    const [beforeA, beforeB] = [a.sent.length, b.sent.length];
    room.receive(ca, encodeUpdate(noteUpdate('n1')));
    await room.flush();
    expect(b.sent.length).toBe(beforeB + 1);
    expect(decodeMessage(b.sent.at(-1)!)).toMatchObject({ kind: 'update' });
    expect(a.sent.length).toBe(beforeA); // no echo to the sender
    const stored = await store.load('doc');
    const copy = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(copy, u);
    expect(getElements(copy).map((e) => e.id)).toEqual(['n1']);
  });

  it('a refused update is neither stored nor applied, and the sender is told why', async () => {
    const store = sqlite();
    const room = await loadRoom(store, { check: () => ({ ok: false, code: CLOSE.FORBIDDEN.code, reason: 'Observers cannot edit' }) });
    const a = memorySocket();
    const ca = room.connect(a.socket, sender('a'));
    const storedBefore = (await store.load('doc')).updates.length;
    room.receive(ca, encodeUpdate(noteUpdate('n1')));
    await room.flush();
    expect(a.closed()).toEqual({ code: 4403, reason: 'Observers cannot edit' });
    expect(getElements(room.doc)).toEqual([]);
    expect((await store.load('doc')).updates.length).toBe(storedBefore);
  });

  it('when the store fails, the update is not applied and the sender is closed with 4503', async () => {
    const real = sqlite();
    let failing = false;
    const flaky: DocumentStore = {
      ...real,
      load: real.load,
      append: async (id, u) => {
        if (failing) throw new Error('disk full');
        return real.append(id, u);
      },
    };
    const room = await loadRoom(flaky);
    const a = memorySocket();
    const b = memorySocket();
    const ca = room.connect(a.socket, sender('a'));
    room.connect(b.socket, sender('b'));
    await room.flush();
    failing = true;
    const before = b.sent.length;
    room.receive(ca, encodeUpdate(noteUpdate('n1')));
    await room.flush();
    expect(a.closed()).toMatchObject({ code: 4503 });
    expect(getElements(room.doc)).toEqual([]);
    expect(b.sent.length).toBe(before);
  });
});

describe('Room presence', () => {
  it('closes a connection whose presence message is too large, and keeps small ones', async () => {
    const { encodeAwarenessUpdate, Awareness } = await import('y-protocols/awareness');
    const room = await loadRoom(sqlite());
    const a = memorySocket();
    const b = memorySocket();
    const ca = room.connect(a.socket, sender('a'));
    room.connect(b.socket, sender('b'));
    const peer = new Awareness(new Y.Doc());
    const msg = (state: Record<string, unknown>) => {
      peer.setLocalState(state);
      const update = encodeAwarenessUpdate(peer, [peer.clientID]);
      return new Uint8Array([1, ...varUint(update.length), ...update]);
    };
    room.receive(ca, msg({ user: { name: 'Alice', color: '#d7263d' } }));
    await room.flush();
    expect(room.awareness.getStates().size).toBe(1);
    room.receive(ca, msg({ user: { name: 'x'.repeat(70_000) } }));
    await room.flush();
    expect(a.closed()).toMatchObject({ code: 1009 });
    expect(room.awareness.getStates().size).toBe(0); // its presence left with it
  });
});

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
