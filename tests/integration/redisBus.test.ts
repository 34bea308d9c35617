import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import { getElements, insertElement } from '@sammen/shared';
import { createRedisBus } from '../../server/src/cluster/redisBus.js';
import type { DocumentStore, StoredDocument } from '../../server/src/store/DocumentStore.js';
import { openSqliteStorage } from '../../server/src/store/SqliteStorage.js';
import { type Bus, type BusMessage, createLocalBus } from '../../server/src/sync/Bus.js';
import { Room } from '../../server/src/sync/Room.js';
import { SHARED_REDIS_URL, checkRedis, deleteRedisKeys, startOwnRedis, uniqueRedisPrefix } from '../harness/redis.js';

// The Redis bus in-process, with real Redis and a real SQLite store shared by two "processes" (two
// buses, two rooms): order, no echo, gaps reported, and the two hazards of loading and compacting.

const redis = await checkRedis();
const quietLog = { info() {}, warn() {}, error() {} };
const prefixes: string[] = [];
const buses: Bus[] = [];

afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()));
  await Promise.all(prefixes.map((p) => deleteRedisKeys(SHARED_REDIS_URL, p)));
});

function newBus(prefix: string, url = SHARED_REDIS_URL, heartbeatMs?: number): ReturnType<typeof createRedisBus> {
  const bus = createRedisBus({ url, prefix, heartbeatMs, log: { info() {}, warn() {}, error() {} } });
  buses.push(bus);
  return bus;
}

/**
 * A bus whose connections are up. A bus publishing before its writer is connected drops the update
 * and owes a gap mark instead (updatePublisher.ts), so a test that expects the update itself, from a
 * bus that has subscribed to nothing, must wait for this first (on a busy machine the connect can be
 * slower than another bus's subscribe).
 */
async function connectedBus(prefix: string, url = SHARED_REDIS_URL): Promise<ReturnType<typeof createRedisBus>> {
  const bus = newBus(prefix, url);
  const deadline = Date.now() + 5000;
  while (!bus.stats().connected) {
    if (Date.now() > deadline) throw new Error('bus did not connect');
    await new Promise((r) => setTimeout(r, 10));
  }
  return bus;
}

function prefixFor(name: string): string {
  const prefix = uniqueRedisPrefix(name);
  prefixes.push(prefix);
  return prefix;
}

function collector() {
  const messages: BusMessage[] = [];
  let gaps = 0;
  const waiters: Array<() => void> = [];
  return {
    messages,
    get gaps() {
      return gaps;
    },
    subscriber: {
      message: (m: BusMessage) => {
        messages.push(m);
        waiters.splice(0).forEach((w) => w());
      },
      gap: () => {
        gaps += 1;
        waiters.splice(0).forEach((w) => w());
      },
    },
    async until(check: () => boolean, timeoutMs = 5000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error('timed out waiting for the bus');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
  };
}

const addNote = (id: string) => (doc: Y.Doc) =>
  insertElement(doc, { id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: id });

const noteIds = (doc: Y.Doc) => getElements(doc).map((e) => e.id).sort();

function roomOn(bus: Bus, store: DocumentStore, docId = 'doc') {
  return Room.load({ docId, store, gate: { check: () => ({ ok: true }) }, bus, log: quietLog, maxDocBytes: 1 << 24, compactAfterUpdates: 1_000_000, onEmpty() {} });
}

const sqlite = () => openSqliteStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-bus-')));

describe.skipIf(redis !== true)(`Redis bus (${redis === true ? 'Redis up' : redis})`, () => {
  it('delivers one process’s messages to the others in order, never back to itself; awareness too', async () => {
    const prefix = prefixFor('order');
    const a = newBus(prefix);
    const b = newBus(prefix);
    const c = newBus(prefix);
    const onA = collector();
    const onB = collector();
    const onC = collector();
    await Promise.all([a.subscribe('d1', onA.subscriber).ready, b.subscribe('d1', onB.subscriber).ready, c.subscribe('d1', onC.subscriber).ready]);
    for (let i = 0; i < 300; i++) a.publish('d1', { kind: 'update', data: new Uint8Array([i & 255, i >> 8]) });
    b.publish('d1', { kind: 'awareness', data: new Uint8Array([42]) });
    await onB.until(() => onB.messages.length >= 300);
    await onC.until(() => onC.messages.length >= 301);
    const order = (messages: BusMessage[]) => messages.filter((m) => m.kind === 'update').map((m) => m.data[0]! + (m.data[1]! << 8));
    expect(order(onB.messages)).toEqual([...Array(300).keys()]);
    expect(order(onC.messages)).toEqual([...Array(300).keys()]);
    expect(onC.messages.filter((m) => m.kind === 'awareness').map((m) => [...m.data])).toEqual([[42]]);
    await onA.until(() => onA.messages.length >= 1);
    expect(onA.messages.map((m) => m.kind)).toEqual(['awareness']); // B's awareness, none of its own 300
    expect(onB.messages.some((m) => m.kind === 'awareness')).toBe(false);
    expect([onA.gaps, onB.gaps, onC.gaps]).toEqual([0, 0, 0]);
  });

  it('a document subscribed later joins the blocked read at once, and reads only what comes after', async () => {
    const prefix = prefixFor('late');
    const a = newBus(prefix);
    const b = newBus(prefix);
    const early = collector();
    await b.subscribe('first', early.subscriber).ready;
    a.publish('second', { kind: 'update', data: new Uint8Array([1]) }); // before B subscribes: not delivered
    await new Promise((r) => setTimeout(r, 100));
    const late = collector();
    await b.subscribe('second', late.subscriber).ready;
    const started = Date.now();
    a.publish('second', { kind: 'update', data: new Uint8Array([2]) });
    await late.until(() => late.messages.length >= 1);
    expect(Date.now() - started).toBeLessThan(1000); // not after the 5 s block timeout
    expect(late.messages.map((m) => [...m.data])).toEqual([[2]]);
  });

  it('reports a gap when entries it had not read are gone (stream deleted, as when trimmed or expired)', async () => {
    const prefix = prefixFor('gap');
    const a = await connectedBus(prefix);
    const b = newBus(prefix);
    const onB = collector();
    await b.subscribe('d', onB.subscriber).ready;
    a.publish('d', { kind: 'update', data: new Uint8Array([1]) });
    await onB.until(() => onB.messages.length === 1);
    const raw = new Redis(SHARED_REDIS_URL);
    await raw.del(`${prefix}doc:d:u`);
    raw.disconnect();
    a.publish('d', { kind: 'update', data: new Uint8Array([2]) });
    await onB.until(() => onB.messages.length === 2);
    expect(onB.gaps).toBe(1);
  });

  it('a room loading while another process stores and publishes an update still gets it (subscribe before load)', async () => {
    const prefix = prefixFor('load');
    const storage = sqlite();
    const writer = await roomOn(newBus(prefix), storage.documents);
    // The second process's store read returns what was stored BEFORE the other process's write,
    // and hands it back only after that write was stored and published: the window that lost it.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let readDone!: () => void;
    const read = new Promise<void>((r) => (readDone = r));
    const slowStore: DocumentStore = {
      ...storage.documents,
      load: async (docId): Promise<StoredDocument> => {
        const stored = await storage.documents.load(docId);
        readDone();
        await released;
        return stored;
      },
    };
    const loading = roomOn(newBus(prefix), slowStore);
    await read;
    await writer.applyServerChange(addNote('written-during-load'));
    await new Promise((r) => setTimeout(r, 200)); // delivered to the loading room's link meanwhile
    release();
    const reader = await loading;
    await waitFor(() => noteIds(reader.doc).includes('written-during-load'));
    expect(noteIds(reader.doc)).toEqual(['written-during-load']);
    await writer.unload();
    await reader.unload();
    await storage.close();
  });

  it('compaction keeps rows another process wrote that this one never received', async () => {
    const prefix = prefixFor('compact');
    const storage = sqlite();
    const compacting = await roomOn(newBus(prefix), storage.documents);
    // A process whose messages never reach the first one (its bus tells nobody): its rows are only
    // in the store. Compacting the first one's memory alone would delete them.
    const silent = await roomOn(createLocalBus(), storage.documents);
    await compacting.applyServerChange(addNote('mine'));
    await silent.applyServerChange(addNote('theirs'));
    expect(noteIds(compacting.doc)).toEqual(['mine']);
    await compacting.unload(); // compacts what is pending
    const stored = await storage.documents.load('doc');
    expect(stored.snapshot).not.toBeNull();
    const reloaded = new Y.Doc();
    for (const u of [stored.snapshot!, ...stored.updates]) Y.applyUpdate(reloaded, u);
    expect(noteIds(reloaded)).toEqual(['mine', 'theirs']);
    expect(stored.updates.length).toBe(0);
    silent.discard({ code: 1001, reason: 'done' });
    await storage.close();
  });

  it('compaction runs in one process at a time (a lease); a second one skips', async () => {
    const prefix = prefixFor('lease');
    const a = newBus(prefix);
    const b = newBus(prefix);
    let inside = false;
    let release!: () => void;
    const held = a.exclusive('doc', 'compact', async () => {
      inside = true;
      await new Promise<void>((r) => (release = r));
    });
    await waitFor(() => inside);
    expect(await b.exclusive('doc', 'compact', async () => {})).toBe(false);
    expect(await b.exclusive('other', 'compact', async () => {})).toBe(true);
    release();
    expect(await held).toBe(true);
    expect(await b.exclusive('doc', 'compact', async () => {})).toBe(true);
  });

  it('a process killed between storing an update and publishing it: the others catch up once its beat stops', async () => {
    const prefix = prefixFor('peer');
    const storage = sqlite();
    const room = await roomOn(newBus(prefix, SHARED_REDIS_URL, 100), storage.documents);
    // A peer that beat once and then went silent, as a SIGKILLed process does.
    const raw = new Redis(SHARED_REDIS_URL);
    const [seconds, micros] = await raw.time();
    await raw.zadd(`${prefix}bus:processes`, Number(seconds) * 1000 + Math.floor(Number(micros) / 1000), 'killed-process');
    raw.disconnect();
    // What it stored but never published.
    const elsewhere = new Y.Doc();
    addNote('stored-not-published')(elsewhere);
    await storage.documents.append('doc', Y.encodeStateAsUpdate(elsewhere));
    await waitFor(() => noteIds(room.doc).includes('stored-not-published'), 5000);
    await room.unload();
    await storage.close();
  });

  it('works where CLIENT commands are not allowed (managed Redis): a board opened later is read within moments', async () => {
    const own = await startOwnRedis();
    if (typeof own === 'string') throw new Error(own);
    const admin = new Redis(own.url);
    await admin.call('ACL', 'SETUSER', 'default', '-client');
    admin.disconnect();
    const a = await connectedBus('noclient:', own.url);
    const b = newBus('noclient:', own.url);
    const first = collector();
    await b.subscribe('first', first.subscriber).ready;
    const late = collector();
    await b.subscribe('second', late.subscriber).ready;
    a.publish('second', { kind: 'update', data: new Uint8Array([9]) });
    await late.until(() => late.messages.length === 1, 2000);
    expect(late.gaps).toBe(0);
    await own.stop();
  });

  it('after Redis restarts empty, a room catches up from the store what was published into the outage', async () => {
    const own = await startOwnRedis();
    if (typeof own === 'string') throw new Error(own);
    const prefix = 'restart:';
    const storage = sqlite();
    const one = await roomOn(newBus(prefix, own.url), storage.documents);
    const two = await roomOn(newBus(prefix, own.url), storage.documents);
    await one.applyServerChange(addNote('before'));
    await waitFor(() => noteIds(two.doc).includes('before'));
    await own.kill();
    // Stored while Redis is away: its publication waits in the writer's queue, or is lost with Redis.
    await one.applyServerChange(addNote('during'));
    await own.start();
    await one.applyServerChange(addNote('after'));
    await waitFor(() => noteIds(two.doc).length === 3, 10_000);
    expect(noteIds(two.doc)).toEqual(['after', 'before', 'during']);
    await one.unload();
    await two.unload();
    await storage.close();
    await own.stop();
  });
});

describe('closing', () => {
  it('a bus closed the moment its Redis has died closes within moments (its connection may still read ready)', async () => {
    for (let round = 0; round < 5; round++) {
      const own = await startOwnRedis();
      if (typeof own === 'string') throw new Error(own);
      const bus = createRedisBus({ url: own.url, prefix: `closing-${round}:`, heartbeatMs: 50, log: quietLog });
      await bus.subscribe('doc', { message() {}, gap() {} }).ready;
      await own.stop();
      const started = Date.now();
      // Commands sent on a connection that just died are kept for a reconnect that never comes.
      await Promise.race([bus.close(), new Promise((_, reject) => setTimeout(() => reject(new Error('close hung')), 10_000))]);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });
});

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
