import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SCHEMA_VERSION, getElements, getSchemaVersion, insertElement, updateElement } from '@sammen/shared';
import type { DocumentStore } from '../store/DocumentStore.js';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import { schema1Board } from '../../../shared/src/schema/schema1Board.testing.js';
import { busWithPeer } from './peerBus.testing.js';
import { createLocalBus } from './Bus.js';
import { decodeMessage, encodeSyncStep1, encodeUpdate } from './messages.js';
import { Room, type RoomOptions, type SyncSocket } from './Room.js';

// A cold open of a board this process left clean is answered from the stored bytes, before the room
// has applied them; everything else (client updates, the bus) waits for that apply and then reaches
// every client, so a client that synced from the raw bytes misses nothing.

const quietLog = { info() {}, warn() {}, error() {} };
const sender = (connectionId: string) => ({ connectionId, workshopId: null, memberId: null, role: null, privateDoc: false });
const sqlite = (): DocumentStore => openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-cold-'))).documents;
const options = (store: DocumentStore, more: Partial<RoomOptions> = {}): RoomOptions => ({
  docId: 'doc', store, gate: { check: () => ({ ok: true }) }, bus: createLocalBus(), log: quietLog, maxDocBytes: 1 << 22, compactAfterUpdates: 1000, onEmpty() {}, ...more,
});

function note(doc: Y.Doc, id: string): void {
  insertElement(doc, { id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: id });
}

/** A compacted board of `notes` notes at the current schema; resolves with its last seq. */
async function storedBoard(store: DocumentStore, notes: number): Promise<number> {
  const doc = new Y.Doc();
  doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION);
  for (let i = 0; i < notes; i++) note(doc, `n${i}`);
  const state = Y.encodeStateAsUpdate(doc);
  const seq = await store.append('doc', state);
  await store.compact('doc', state, seq);
  return seq;
}

/** An update made by someone else on top of nothing (a new note needs nothing of the board). */
function newNote(id: string): Uint8Array {
  const doc = new Y.Doc();
  note(doc, id);
  return Y.encodeStateAsUpdate(doc);
}

/** A y-websocket client on an in-memory socket: applies what it is sent, notes when and what. */
function client(room: Room, name: string) {
  const replica = new Y.Doc();
  const log: Array<{ kind: string; roomHadElements: number }> = [];
  const socket: SyncSocket = {
    send: (data) => {
      const m = decodeMessage(data);
      log.push({ kind: m.kind, roomHadElements: getElements(room.doc).length });
      if (m.kind === 'update') Y.applyUpdate(replica, m.update);
    },
    close: () => {},
  };
  const conn = room.connect(socket, sender(name));
  return { replica, log, conn, ids: () => getElements(replica).map((e) => e.id).sort() };
}

describe('a cold open from the stored bytes', () => {
  it('answers a first client with the stored snapshot before applying it, then sends the state vector', async () => {
    const store = sqlite();
    const seq = await storedBoard(store, 20);
    const room = await Room.open(options(store, { knownCleanSeq: seq }));
    expect(getElements(room.doc)).toHaveLength(0); // not applied yet
    const a = client(room, 'a');
    expect(a.log).toEqual([]); // no state vector before the room has one
    room.receive(a.conn, encodeSyncStep1(new Y.Doc()));
    await room.flush();
    expect(a.log[0]).toEqual({ kind: 'update', roomHadElements: 0 }); // the stored bytes, before the apply
    expect(a.ids()).toHaveLength(20);
    await room.whenLoaded();
    expect(getElements(room.doc)).toHaveLength(20);
    expect(a.log.at(-1)).toEqual({ kind: 'sync-step-1', roomHadElements: 20 });
  });

  it('a client synced from the stored bytes gets what other clients and other processes add while the room loads', async () => {
    const store = sqlite();
    const seq = await storedBoard(store, 10);
    const { bus, peerPublishes } = busWithPeer();
    const room = await Room.open(options(store, { knownCleanSeq: seq, bus }));
    const a = client(room, 'a');
    const b = client(room, 'b');
    room.receive(a.conn, encodeSyncStep1(new Y.Doc()));
    // Another process stores and publishes a note; client b sends one of its own: both before the apply.
    const fromPeer = newNote('peer');
    await store.append('doc', fromPeer);
    peerPublishes(fromPeer);
    const bNote = newNote('b-note');
    Y.applyUpdate(b.replica, bNote); // made in b's own document, then sent
    room.receive(b.conn, encodeUpdate(bNote));
    room.receive(b.conn, encodeSyncStep1(new Y.Doc()));
    await room.whenLoaded();
    await room.flush();
    expect(a.log[0]!.roomHadElements).toBe(0);
    const all = [...Array.from({ length: 10 }, (_, i) => `n${i}`), 'b-note', 'peer'].sort();
    expect(getElements(room.doc).map((e) => e.id).sort()).toEqual(all);
    expect(a.ids()).toEqual(all);
    expect(b.ids()).toEqual(all);
    // b's note was judged and stored after the apply, like any other update.
    const stored = await store.load('doc');
    expect(stored.updates).toHaveLength(2);
  });

  it('a client that has some of the board waits for the apply and gets a diff', async () => {
    const store = sqlite();
    const seq = await storedBoard(store, 5);
    const room = await Room.open(options(store, { knownCleanSeq: seq }));
    const a = client(room, 'a');
    const known = new Y.Doc();
    note(known, 'mine');
    room.receive(a.conn, encodeSyncStep1(known));
    await room.flush();
    expect(a.log.find((m) => m.kind === 'update')).toEqual({ kind: 'update', roomHadElements: 5 });
  });

  it('without knowing the board, reads its schema from the stored bytes: at the current schema it is served as stored', async () => {
    const store = sqlite();
    await storedBoard(store, 3);
    // Rows after the snapshot, from anyone; the last builds on the snapshot (a change of n1).
    await store.append('doc', newNote('later'));
    await store.append('doc', newNote('later2'));
    const editor = new Y.Doc();
    Y.applyUpdate(editor, (await store.load('doc')).snapshot!);
    const before = Y.encodeStateVector(editor);
    updateElement(editor, 'n1', { x: 99 });
    await store.append('doc', Y.encodeStateAsUpdate(editor, before));
    const room = await Room.open(options(store)); // nothing known (a restarted process)
    expect(getElements(room.doc)).toHaveLength(0);
    const a = client(room, 'a');
    room.receive(a.conn, encodeSyncStep1(new Y.Doc()));
    await room.flush();
    // The rows as one update, then the snapshot: two messages, both before the room's own apply.
    expect(a.log.slice(0, 2)).toEqual([{ kind: 'update', roomHadElements: 0 }, { kind: 'update', roomHadElements: 0 }]);
    expect(a.ids()).toEqual(['later', 'later2', 'n0', 'n1', 'n2']);
    expect(getElements(a.replica).find((e) => e.id === 'n1')).toMatchObject({ x: 99 });
    expect(a.replica.store.pendingStructs).toBeNull();
    await room.whenLoaded();
    expect(getElements(room.doc)).toHaveLength(5);
  });

  it('a board that needs its schema stamp (or a migration) is applied and stamped before anyone is answered', async () => {
    const store = sqlite();
    const doc = new Y.Doc();
    note(doc, 'old');
    const state = Y.encodeStateAsUpdate(doc);
    await store.compact('doc', state, await store.append('doc', state));
    const room = await Room.open(options(store));
    expect(getElements(room.doc)).toHaveLength(1); // applied when open resolves
    expect(getSchemaVersion(room.doc)).toBe(SCHEMA_VERSION);
  });

  it('a schema-1 board is migrated (stored first) before anyone is answered, and its next open is served raw', async () => {
    const store = sqlite();
    const els = [
      { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 1, y: 2, width: 200, height: 200, color: 'pink', text: 'Gåbus' },
      { id: 'f1', type: 'frame', index: 'a1', frameId: null, x: 0, y: 0, width: 800, height: 600, title: 'Idéer', fill: 'white' },
    ] as const;
    const state = Y.encodeStateAsUpdate(schema1Board(els));
    await store.compact('doc', state, await store.append('doc', state));
    const room = await Room.open(options(store));
    expect(getSchemaVersion(room.doc)).toBe(2);
    const a = client(room, 'a');
    room.receive(a.conn, encodeSyncStep1(new Y.Doc()));
    await room.flush();
    expect(getSchemaVersion(a.replica)).toBe(2);
    expect(getElements(a.replica)).toEqual(els);
    expect((await store.load('doc')).updates.length).toBe(1); // the migration, stored
    await room.unload();
    const again = await Room.open(options(store, { knownCleanSeq: room.cleanSeq! }));
    const b = client(again, 'b');
    again.receive(b.conn, encodeSyncStep1(new Y.Doc()));
    await again.flush();
    expect(b.log[0]).toEqual({ kind: 'update', roomHadElements: 0 }); // from the stored bytes
    expect(getElements(b.replica)).toEqual(els);
  });

  it('a board stamped on its first open is left clean by its unload, and then served from its stored bytes', async () => {
    const store = sqlite();
    const doc = new Y.Doc();
    note(doc, 'old'); // stored without a schema version: it needs the stamp, so it is not clean yet
    await store.append('doc', Y.encodeStateAsUpdate(doc));
    const first = await Room.open(options(store));
    expect(getElements(first.doc)).toHaveLength(1); // the old path: applied and stamped before it opens
    await first.unload();
    const cleanSeq = first.cleanSeq;
    expect(cleanSeq).toBe((await store.load('doc')).lastSeq);
    const second = await Room.open(options(store, { knownCleanSeq: cleanSeq! }));
    const b = client(second, 'b');
    second.receive(b.conn, encodeSyncStep1(new Y.Doc()));
    await second.flush();
    expect(b.log[0]).toEqual({ kind: 'update', roomHadElements: 0 });
    expect(b.ids()).toEqual(['old']);
    await second.whenLoaded();
    expect(getElements(second.doc)).toHaveLength(1);
  });

  it('a cold room unloaded before its apply leaves the board as it found it, clean', async () => {
    const store = sqlite();
    const seq = await storedBoard(store, 2);
    const room = await Room.open(options(store));
    await room.unload();
    expect(room.cleanSeq).toBe(seq);
    expect((await store.load('doc')).lastSeq).toBe(seq); // nothing written
  });

  it('a room that skipped an unreadable stored row does not leave its board clean', async () => {
    const store = sqlite();
    await storedBoard(store, 2);
    await store.append('doc', new Uint8Array([1, 2, 3, 250]));
    const room = await Room.open(options(store, { compactAfterUpdates: 1_000_000, bus: { ...createLocalBus(), exclusive: async () => false } }));
    await room.unload(); // its compaction cannot run (no lease): the unreadable row stays
    expect(room.cleanSeq).toBeNull();
  });
});
