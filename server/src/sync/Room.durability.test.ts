import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, getElements, insertElement } from '@sammen/shared';
import type { DocumentStore } from '../store/DocumentStore.js';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import { StorageError, storageFailure } from '../store/StorageError.js';
import { createLocalBus } from './Bus.js';
import { decodeMessage } from './messages.js';
import { Room, RoomLoadError, type SyncSocket } from './Room.js';

// Server-made changes (reveal, vote results, migrations) follow the clients' rule: stored before
// anyone sees them; a failure reaches the caller and leaves the live document as it was.

const quietLog = { info() {}, warn() {}, error() {} };
const sender = (connectionId: string) => ({ connectionId, workshopId: null, memberId: null, role: null, privateDoc: false });

/** A real SQLite store whose appends can be made to fail, counting what it really stored. */
function switchableStore() {
  const real = openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-durable-'))).documents;
  const state = { failing: false, stored: 0 };
  const store: DocumentStore = {
    ...real,
    append: async (id, update) => {
      if (state.failing) throw new StorageError('full', new Error('SQLITE_FULL'));
      const seq = await real.append(id, update);
      state.stored += 1;
      return seq;
    },
  };
  return { store, state, real };
}

function recordingSocket(onSend: () => void = () => {}) {
  const updates: Uint8Array[] = [];
  const socket: SyncSocket = {
    send: (data) => {
      const message = decodeMessage(data);
      if (message.kind === 'update') {
        updates.push(message.update);
        onSend();
      }
    },
    close: () => {},
  };
  return { socket, updates };
}

const load = (store: DocumentStore) =>
  Room.load({ docId: 'doc', store, gate: { check: () => ({ ok: true }) }, bus: createLocalBus(), log: quietLog, maxDocBytes: 1 << 20, compactAfterUpdates: 1000, onEmpty() {} });

const addNote = (id: string) => (doc: Y.Doc) =>
  insertElement(doc, { id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: id });

describe('server-made changes', () => {
  it('are stored before any client receives them', async () => {
    const { store, state } = switchableStore();
    const room = await load(store);
    let storedWhenSent = -1;
    const client = recordingSocket(() => (storedWhenSent = state.stored));
    room.connect(client.socket, sender('a'));
    const before = state.stored;
    await room.applyServerChange(addNote('revealed'));
    expect(state.stored).toBe(before + 1);
    expect(storedWhenSent).toBe(before + 1);
    expect(getElements(room.doc).map((e) => e.id)).toEqual(['revealed']);
  });

  it('that cannot be stored are not applied, not shared, and the caller gets the StorageError', async () => {
    const { store, state } = switchableStore();
    const room = await load(store);
    const client = recordingSocket();
    room.connect(client.socket, sender('a'));
    await room.flush();
    state.failing = true;
    const before = Y.encodeStateAsUpdate(room.doc);
    await expect(room.applyServerChange(addNote('revealed'))).rejects.toBeInstanceOf(StorageError);
    expect(getElements(room.doc)).toEqual([]);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
    expect(client.updates).toEqual([]);
    // Once the store works again, the same change goes through.
    state.failing = false;
    await room.applyServerChange(addNote('revealed'));
    expect(getElements(room.doc).map((e) => e.id)).toEqual(['revealed']);
    expect(client.updates).toHaveLength(1);
  });

  it('a board whose schema stamp cannot be stored does not open (4503), and opens later', async () => {
    const { store, state, real } = switchableStore();
    state.failing = true;
    const failed = await load(store).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(RoomLoadError);
    expect((failed as RoomLoadError).close).toEqual(CLOSE.STORAGE_FAILED);
    expect(storageFailure(failed)?.kind).toBe('full');
    state.failing = false;
    const room = await load(store);
    expect(room.doc.getMap('meta').get('schemaVersion')).toBeDefined();
    // The stamp the clients received is the one on disk.
    const copy = new Y.Doc();
    for (const u of (await real.load('doc')).updates) Y.applyUpdate(copy, u);
    expect(copy.getMap('meta').toJSON()).toEqual(room.doc.getMap('meta').toJSON());
  });
});
