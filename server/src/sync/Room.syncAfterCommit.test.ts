import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { MESSAGE_SAVED, getElements, insertElement } from '@sammen/shared';
import type { DocumentStore } from '../store/DocumentStore.js';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import { StorageError } from '../store/StorageError.js';
import { createLocalBus } from './Bus.js';
import { decodeMessage, encodeSyncStep1, encodeUpdate } from './messages.js';
import { Room, type SyncSocket } from './Room.js';

// A client that has synced holds every update the room accepted before it asked, including those
// still on their way to disk (tests and readers copy a fresh client's document the moment it syncs).

const quietLog = { info() {}, warn() {}, error() {} };
const sender = (connectionId: string) => ({ connectionId, workshopId: null, memberId: null, role: null, privateDoc: false });

/** A room on a real store whose appends, once `hold` is called, wait until `release` (a slow disk). */
async function roomOnSlowDisk(): Promise<{ room: Room; hold(): void; release(): void }> {
  const real = openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-sync-commit-'))).documents;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let holding = false;
  const store: DocumentStore = {
    ...real,
    append: async (id, update) => {
      if (holding) await held;
      return real.append(id, update);
    },
  };
  const room = await Room.load({ docId: 'doc', store, gate: { check: () => ({ ok: true }) }, bus: createLocalBus(), log: quietLog, maxDocBytes: 1 << 20, compactAfterUpdates: 1000, onEmpty() {} });
  return { room, hold: () => (holding = true), release: () => release() };
}

it("a sync step 1 that arrives while another client's update is being committed is answered with that update in it", async () => {
  const { room, hold, release } = await roomOnSlowDisk();
  const socket = (): SyncSocket => ({ send: () => {}, close: () => {} });
  const writer = room.connect(socket(), sender('writer'));

  // Sync step 2 and later updates are the same kind of message: the first one is the answer.
  const answers: Uint8Array[] = [];
  const reader = room.connect({ send: (data) => { const m = decodeMessage(data); if (m.kind === 'update') answers.push(m.update); }, close: () => {} }, sender('reader'));

  const local = new Y.Doc();
  insertElement(local, { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'on its way' });
  hold();
  room.receive(writer, encodeUpdate(Y.encodeStateAsUpdate(local)));
  room.receive(reader, encodeSyncStep1(new Y.Doc()));
  await new Promise((r) => setTimeout(r, 50));
  expect(answers).toHaveLength(0); // not answered while the update is on its way to disk
  release();
  await room.flush();
  expect(answers.length).toBeGreaterThanOrEqual(1);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, answers[0]!);
  expect(getElements(copy).map((e) => e.id)).toEqual(['n1']);
  await room.unload();
});

it('a server read (a reveal reading private notes) waits for the updates received before it, still on their way to disk', async () => {
  const { room, hold, release } = await roomOnSlowDisk();
  const writer = room.connect({ send: () => {}, close: () => {} }, sender('writer'));
  const local = new Y.Doc();
  insertElement(local, { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'sent just before the reveal' });
  hold();
  room.receive(writer, encodeUpdate(Y.encodeStateAsUpdate(local)));
  let read: string[] | null = null;
  const reading = room.read((doc) => (read = getElements(doc).map((e) => e.id)));
  await new Promise((r) => setTimeout(r, 50));
  expect(read).toBeNull(); // waits for the commit instead of reading the document without the note
  release();
  expect(await reading).toEqual(['n1']);
  await room.unload();
});

it("a saved question is answered only once the asker's updates before it are on disk", async () => {
  const { room, hold, release } = await roomOnSlowDisk();
  const answers: number[] = [];
  const writer = room.connect(
    { send: (data) => { if (data[0] === MESSAGE_SAVED) answers.push(data[1]!); }, close: () => {} },
    sender('writer'),
    { saved: true },
  );
  expect(answers).toEqual([0]); // "I answer them", on connecting
  const local = new Y.Doc();
  insertElement(local, { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'on its way' });
  hold();
  room.receive(writer, encodeUpdate(Y.encodeStateAsUpdate(local)));
  room.receive(writer, Uint8Array.of(MESSAGE_SAVED, 5));
  await new Promise((r) => setTimeout(r, 50));
  expect(answers).toEqual([0]); // the update is still on its way to disk
  release();
  await room.flush();
  expect(answers).toEqual([0, 5]);
  await room.unload();
});

it('a saved question after an update the disk refused gets no answer: the asker is closed with 4503', async () => {
  const real = openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-sync-full-'))).documents;
  let full = false;
  const store: DocumentStore = {
    ...real,
    append: async (id, update) => {
      if (full) throw new StorageError('full', new Error('SQLITE_FULL'));
      return real.append(id, update);
    },
  };
  const room = await Room.load({ docId: 'doc', store, gate: { check: () => ({ ok: true }) }, bus: createLocalBus(), log: quietLog, maxDocBytes: 1 << 20, compactAfterUpdates: 1000, onEmpty() {} });
  const answers: number[] = [];
  const closes: number[] = [];
  const writer = room.connect(
    { send: (data) => { if (data[0] === MESSAGE_SAVED) answers.push(data[1]!); }, close: (code) => closes.push(code) },
    sender('writer'),
    { saved: true },
  );
  const local = new Y.Doc();
  insertElement(local, { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'the disk is full' });
  full = true;
  room.receive(writer, encodeUpdate(Y.encodeStateAsUpdate(local)));
  room.receive(writer, Uint8Array.of(MESSAGE_SAVED, 1));
  await room.flush();
  expect(closes).toEqual([4503]);
  expect(answers).toEqual([0]);
  await room.unload();
});
