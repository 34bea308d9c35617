import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, SCHEMA_VERSION, getElements, getSchemaVersion, initBoardDoc, insertElement } from '@sammen/shared';
import type { DocumentStore } from '../store/DocumentStore.js';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import { createLocalBus } from './Bus.js';
import { decodeMessage, encodeSyncStep1 } from './messages.js';
import { Room, RoomLoadError, type SyncSocket } from './Room.js';

// Opening a board that is not loaded (a cold open) does only what it must: a board stored at the
// current schema is not copied or rewritten, and its stored snapshot is the first client's answer.

const quietLog = { info() {}, warn() {}, error() {} };
const sender = { connectionId: 'c', workshopId: null, memberId: null, role: null, privateDoc: false };
const sqlite = (): DocumentStore => openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-load-'))).documents;
const load = (store: DocumentStore) =>
  Room.load({ docId: 'doc', store, gate: { check: () => ({ ok: true }) }, bus: createLocalBus(), log: quietLog, maxDocBytes: 1 << 22, compactAfterUpdates: 1000, onEmpty() {} });

function boardState(schemaVersion: number | null, notes: number): Uint8Array {
  const doc = new Y.Doc();
  if (schemaVersion !== null) doc.getMap('meta').set('schemaVersion', schemaVersion);
  for (let i = 0; i < notes; i++) {
    insertElement(doc, { id: `n${i}`, type: 'note', index: `a${i}`, frameId: null, x: i, y: 0, width: 200, height: 200, color: 'yellow', text: `note ${i}` });
  }
  return Y.encodeStateAsUpdate(doc);
}

/** Stores `state` as a compacted board: one snapshot, no updates after it. */
async function compacted(store: DocumentStore, state: Uint8Array): Promise<void> {
  const seq = await store.append('doc', state);
  await store.compact('doc', state, seq);
}

/** Connects a client that knows nothing and returns the payload of the sync step 2 it is sent. */
async function firstAnswer(room: Room): Promise<Uint8Array> {
  const updates: Uint8Array[] = [];
  const socket: SyncSocket = {
    send: (data) => {
      const m = decodeMessage(data);
      if (m.kind === 'update') updates.push(m.update);
    },
    close: () => {},
  };
  const conn = room.connect(socket, sender);
  room.receive(conn, encodeSyncStep1(new Y.Doc()));
  await room.flush();
  expect(updates).toHaveLength(1);
  return updates[0]!;
}

describe('Room.load', () => {
  it('opens a compacted board at the current schema without storing anything, and answers the first client with the snapshot itself', async () => {
    const store = sqlite();
    const state = boardState(SCHEMA_VERSION, 50);
    await compacted(store, state);
    const before = await store.load('doc');
    const room = await load(store);
    const after = await store.load('doc');
    expect(after.lastSeq).toBe(before.lastSeq); // no migration or stamp written
    expect(after.updates).toHaveLength(0);
    const answer = await firstAnswer(room);
    expect(Buffer.from(answer).equals(Buffer.from(state))).toBe(true);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, answer);
    expect(getElements(replica)).toHaveLength(50);
  });

  it('after a change, a new client gets the changed board, not the stored snapshot', async () => {
    const store = sqlite();
    await compacted(store, boardState(SCHEMA_VERSION, 3));
    const room = await load(store);
    await room.applyServerChange((doc) => insertElement(doc, { id: 'late', type: 'note', index: 'b0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'pink', text: 'late' }));
    const replica = new Y.Doc();
    Y.applyUpdate(replica, await firstAnswer(room));
    expect(getElements(replica).map((e) => e.id)).toContain('late');
    expect(getElements(replica)).toHaveLength(4);
  });

  it('still stamps a board stored without a schema version, and stores the stamp', async () => {
    const store = sqlite();
    await compacted(store, boardState(null, 2));
    const room = await load(store);
    expect(getSchemaVersion(room.doc)).toBe(SCHEMA_VERSION);
    const stored = await store.load('doc');
    expect(stored.updates).toHaveLength(1);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, await firstAnswer(room));
    expect(getSchemaVersion(replica)).toBe(SCHEMA_VERSION);
  });

  it('still refuses a board from a newer schema', async () => {
    const store = sqlite();
    await compacted(store, boardState(SCHEMA_VERSION + 1, 1));
    const err = await load(store).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RoomLoadError);
    expect((err as RoomLoadError).close).toEqual(CLOSE.SCHEMA_TOO_NEW);
  });

  it('a new, empty board is stamped as before', async () => {
    const store = sqlite();
    const room = await load(store);
    const reference = new Y.Doc();
    initBoardDoc(reference);
    expect(getSchemaVersion(room.doc)).toBe(getSchemaVersion(reference));
    expect((await store.load('doc')).updates).toHaveLength(1);
  });
});
