import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, insertElement } from '@sammen/shared';
import type { DocumentStore } from '../store/DocumentStore.js';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import type { Bus } from './Bus.js';
import { busWithPeer } from './peerBus.testing.js';
import { encodeUpdate } from './messages.js';
import { Room, type SyncSocket } from './Room.js';

// With several processes on one board, the size limit and compaction count the board's rows, not this
// process's share: rows another process stored arrive over the bus and are counted too.

const quietLog = { info() {}, warn() {}, error() {} };
const sender = { connectionId: 'c', workshopId: null, memberId: null, role: null, privateDoc: false };
const sqlite = (): DocumentStore => openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-size-'))).documents;

function noteUpdate(id: string, textBytes: number): Uint8Array {
  const doc = new Y.Doc();
  insertElement(doc, { id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'x'.repeat(textBytes) });
  return Y.encodeStateAsUpdate(doc);
}

async function openRoom(store: DocumentStore, bus: Bus, more: { maxDocBytes?: number; compactAfterUpdates?: number } = {}) {
  const room = await Room.load({
    docId: 'doc', store, gate: { check: () => ({ ok: true }) }, bus, log: quietLog, maxDocBytes: more.maxDocBytes ?? 1 << 20, compactAfterUpdates: more.compactAfterUpdates ?? 1000, onEmpty() {},
  });
  let closed: { code: number } | null = null;
  const socket: SyncSocket = { send: () => {}, close: (code) => (closed = { code }) };
  const conn = room.connect(socket, sender);
  return { room, conn, closed: () => closed };
}

describe('board size and compaction with other processes', () => {
  it('counts rows another process stored: the next write past the limit is refused', async () => {
    const store = sqlite();
    const { bus, peerPublishes } = busWithPeer();
    const { room, conn, closed } = await openRoom(store, bus, { maxDocBytes: 8000 });
    const stamp = room.bytes;
    for (let i = 0; i < 3; i++) {
      const fromPeer = noteUpdate(`peer${i}`, 2000);
      await store.append('doc', fromPeer);
      peerPublishes(fromPeer);
    }
    expect(room.bytes).toBeGreaterThan(stamp + 6000);
    room.receive(conn, encodeUpdate(noteUpdate('mine', 2000)));
    await room.flush();
    expect(closed()).toEqual({ code: CLOSE.BOARD_TOO_LARGE.code });
  });

  it('asks the store before refusing: another process may have compacted the board meanwhile', async () => {
    const store = sqlite();
    const { bus, peerPublishes } = busWithPeer();
    const { room, conn, closed } = await openRoom(store, bus, { maxDocBytes: 8000 });
    // Another process stores a note, overwrites its text three times, then compacts: its rows are
    // counted here, but the stored board is now one small snapshot.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, (await store.load('doc')).updates[0]!);
    for (let i = 0; i < 3; i++) {
      const before = Y.encodeStateVector(peer);
      peer.getMap('scratch').set('x', 'y'.repeat(2000));
      const update = Y.encodeStateAsUpdate(peer, before);
      await store.append('doc', update);
      peerPublishes(update);
    }
    const stored = await store.load('doc');
    await store.compact('doc', Y.encodeStateAsUpdate(peer), stored.lastSeq, stored.updates.length);
    expect(room.bytes).toBeGreaterThan(6000);
    room.receive(conn, encodeUpdate(noteUpdate('mine', 2000)));
    await room.flush();
    expect(closed()).toBeNull();
    expect((await store.load('doc')).bytes).toBeLessThan(8000);
  });

  it('counts rows another process stored toward compaction', async () => {
    const store = sqlite();
    const compactions: string[] = [];
    const { bus, peerPublishes } = busWithPeer((docId) => compactions.push(docId));
    const { room } = await openRoom(store, bus, { compactAfterUpdates: 4 });
    // One row of this process's own (the new board's schema stamp) and three of the other's.
    for (let i = 0; i < 3; i++) {
      const fromPeer = noteUpdate(`peer${i}`, 10);
      await store.append('doc', fromPeer);
      peerPublishes(fromPeer);
    }
    await new Promise((resolve) => setImmediate(resolve)); // compaction is scheduled after the current messages
    await room.flush();
    expect(compactions).toEqual(['doc']);
    const stored = await store.load('doc');
    expect(stored.updates).toHaveLength(0);
    expect(stored.snapshot).not.toBeNull();
  });
});
