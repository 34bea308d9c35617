import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { openSqliteStorage } from '../store/SqliteStorage.js';
import { createLocalBus } from './Bus.js';
import { DEFAULT_CONNECTION_LIMITS } from './limits.js';
import { MESSAGE_AWARENESS } from './messages.js';
import { Room, type SyncSocket } from './Room.js';

/**
 * Presence is coalesced per room (presenceOutbox.ts): n people moving their cursors in one interval
 * cost every socket one message, not n.
 */
const quietLog = { info() {}, warn() {}, error() {} };
const sender = (connectionId: string) => ({ connectionId, workshopId: null, memberId: null, role: null, privateDoc: false });
const INTERVAL = DEFAULT_CONNECTION_LIMITS.presence.minIntervalMs;

function memorySocket() {
  const sent: Uint8Array[] = [];
  const socket: SyncSocket = { send: (d) => sent.push(d), close: () => {} };
  /** The awareness messages received, each as the client ids and states it carries. */
  const presence = () =>
    sent
      .map((m) => decoding.createDecoder(m))
      .filter((d) => decoding.readVarUint(d) === MESSAGE_AWARENESS)
      .map((d) => {
        const reader = new awarenessProtocol.Awareness(new Y.Doc());
        reader.setLocalState(null);
        awarenessProtocol.applyAwarenessUpdate(reader, decoding.readVarUint8Array(d), null);
        return new Map([...reader.getStates()].filter(([id]) => id !== reader.clientID));
      });
  return { socket, presence };
}

const awarenessMessage = (id: number, clock: number, state: unknown): Uint8Array => {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, id);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
};

it('n cursors moving at once reach every socket as one message; changes within the interval wait and go together', async () => {
  const room = await Room.load({
    docId: 'doc',
    store: openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-presence-'))).documents,
    gate: { check: () => ({ ok: true }) },
    bus: createLocalBus(),
    log: quietLog,
    maxDocBytes: 1 << 20,
    compactAfterUpdates: 1000,
    onEmpty() {},
  });
  await room.flush();
  const watcher = memorySocket();
  room.connect(watcher.socket, sender('watcher'));
  const people = Array.from({ length: 40 }, (_, i) => room.connect(memorySocket().socket, sender(`p${i}`)));

  // Twenty people move their cursors in the same moment.
  people.slice(0, 20).forEach((conn, i) => room.receive(conn, awarenessMessage(1000 + i, 1, { cursor: { x: i, y: 0 } })));
  await new Promise<void>((resolve) => setTimeout(resolve, 5)); // the room's queue, then the end of that turn
  expect(watcher.presence().length).toBe(1);
  expect(watcher.presence()[0]!.size).toBe(20);

  // Twenty others move theirs right after: nothing goes until the interval since the last message has passed.
  const sentAt = Date.now();
  people.slice(20).forEach((conn, i) => room.receive(conn, awarenessMessage(2000 + i, 1, { cursor: { x: i, y: 1 } })));
  await new Promise<void>((resolve) => setTimeout(resolve, 5));
  expect(watcher.presence().length).toBe(1);
  await expect.poll(() => watcher.presence().length, { timeout: 2000, interval: 5 }).toBe(2);
  expect(Date.now() - sentAt).toBeGreaterThanOrEqual(INTERVAL - 10);
  const second = watcher.presence()[1]!;
  expect([...second.keys()].sort()).toEqual(Array.from({ length: 20 }, (_, i) => 2000 + i));
  expect(second.get(2005)).toEqual({ cursor: { x: 5, y: 1 } });
  // The room holds everyone's latest state.
  expect(room.awareness.getStates().size).toBe(40);
});
