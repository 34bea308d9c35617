import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from '../store/DocumentStore.js';
import { groupCommit } from '../store/groupCommit.js';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import { createLocalBus } from './Bus.js';
import { decodeMessage, encodeUpdate } from './messages.js';
import { Room, type SyncSocket } from './Room.js';

// A room hands each accepted update to the group committer at once and judges the next message while
// it is on its way to disk; updates are applied and shared in order once stored, several at a time
// as one message. Real SQLite behind a real group committer whose commits can be held (a slow disk).

const quietLog = { info() {}, warn() {}, error() {} };
const sender = (connectionId: string) => ({ connectionId, workshopId: null, memberId: null, role: null, privateDoc: false });

function slowDisk() {
  const real = openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-pipeline-'))).documents;
  const state = { batches: [] as number[], hold: null as Promise<void> | null };
  const disk: DocumentStore = {
    ...real,
    appendBatch: async (entries) => {
      state.batches.push(entries.length);
      if (state.hold) await state.hold;
      return real.appendBatch(entries);
    },
  };
  return { store: groupCommit(disk), real, state };
}

function recordingSocket() {
  const updates: Uint8Array[] = [];
  const socket: SyncSocket = {
    send: (data) => {
      const message = decodeMessage(data);
      if (message.kind === 'update') updates.push(message.update);
    },
    close: () => {},
  };
  return { socket, updates };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('the commit pipeline of a room', () => {
  it('stores updates from several clients in one commit, then applies them in order and sends them as one message', async () => {
    const { store, real, state } = slowDisk();
    const room = await Room.load({ docId: 'doc', store, gate: { check: () => ({ ok: true }) }, bus: createLocalBus(), log: quietLog, maxDocBytes: 1 << 20, compactAfterUpdates: 1000, onEmpty() {} });
    const watcher = recordingSocket();
    room.connect(watcher.socket, sender('watcher'));
    let release!: () => void;
    state.hold = new Promise<void>((r) => (release = r));
    const blocker = new Y.Doc();
    blocker.getMap('elements').set('first', 1);
    const a = room.connect(recordingSocket().socket, sender('a'));
    room.receive(a, encodeUpdate(Y.encodeStateAsUpdate(blocker)));
    await tick();
    await tick(); // the first commit is on its way and held
    const writers = ['x', 'y', 'z'].map((id) => {
      const doc = new Y.Doc();
      doc.getMap('elements').set(id, id);
      const conn = room.connect(recordingSocket().socket, sender(id));
      room.receive(conn, encodeUpdate(Y.encodeStateAsUpdate(doc)));
      return doc;
    });
    await tick();
    await tick();
    expect(watcher.updates).toHaveLength(0); // nothing is shared before it is stored
    expect(room.doc.getMap('elements').size).toBe(0);
    state.hold = null;
    release();
    await room.flush();
    // One transaction and one message for the three.
    // (after the new board's schema stamp) the first update alone, then the three that waited meanwhile
    expect(state.batches.slice(-2)).toEqual([1, 3]);
    // Four updates reach the watcher in at most two messages (the three of one commit always together).
    expect(watcher.updates.length).toBeGreaterThanOrEqual(1);
    expect(watcher.updates.length).toBeLessThanOrEqual(2);
    const replica = new Y.Doc();
    for (const u of watcher.updates) Y.applyUpdate(replica, u);
    expect(replica.getMap('elements').toJSON()).toEqual({ first: 1, x: 'x', y: 'y', z: 'z' });
    expect((await real.load('doc')).updates.length).toBeGreaterThanOrEqual(4);
    for (const w of writers) w.destroy();
  });

  it('an update that builds on one still being stored waits for it, and both apply', async () => {
    const { store, state } = slowDisk();
    const room = await Room.load({ docId: 'doc', store, gate: { check: () => ({ ok: true }) }, bus: createLocalBus(), log: quietLog, maxDocBytes: 1 << 20, compactAfterUpdates: 1000, onEmpty() {} });
    let release!: () => void;
    state.hold = new Promise<void>((r) => (release = r));
    const typist = new Y.Doc();
    const sent: Uint8Array[] = [];
    typist.on('update', (u: Uint8Array) => sent.push(u));
    const text = typist.getText('t');
    text.insert(0, 'he');
    text.insert(2, 'j');
    const conn = room.connect(recordingSocket().socket, sender('typist'));
    for (const u of sent) room.receive(conn, encodeUpdate(u));
    await tick();
    await tick();
    state.hold = null;
    release();
    await room.flush();
    expect(room.doc.getText('t').toString()).toBe('hej');
    expect(conn.held).toBeNull();
  });
});
