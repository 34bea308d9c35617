import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type Element, SCHEMA_VERSION, type StickyNote, getElementText, getElements, getSchemaVersion, insertElement } from '@sammen/shared';
import { schema1Board } from '../../shared/src/schema/schema1Board.testing.js';
import { openSqliteStorage } from '../../server/src/store/SqliteStorage.js';
import { createWorkshop } from '../harness/control.js';
import { type Cluster, clusterServices, startCluster } from '../harness/cluster.js';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { type YClient, connectClient, synced, waitForDoc } from '../harness/yclient.js';
import { untilCold } from '../harness/coldRoom.js';

// A cold open (the board's room unloaded: IDLE_UNLOAD_MS, checked on /metrics) is answered from the
// stored bytes before the room has applied them. The clients that synced from those bytes must still
// get everything that happens while the room applies them: other clients' edits (queued until the
// apply, then judged, stored and shared) and, across processes, what another process stores.

const METRICS_TOKEN = 'cold-open-test-metrics-token-0123456789';
const NOTES = 2000;
const services = await clusterServices();

const note = (id: string, n = 0): StickyNote => ({
  id, type: 'note', index: `a${String(n).padStart(5, '0')}`, frameId: null, x: (n % 100) * 220, y: Math.floor(n / 100) * 220, width: 200, height: 200, color: 'yellow', text: `note ${id}`,
});
const ids = (doc: Y.Doc) => new Set(getElements(doc).map((e) => e.id));
const hasAll = (wanted: string[]) => (doc: Y.Doc) => {
  const have = ids(doc);
  return wanted.every((id) => have.has(id));
};

/** Fills a board with NOTES notes through one client, checked by a second, then closes both. */
async function filledBoard(server: RunningServer): Promise<{ boardId: string; noteIds: string[] }> {
  const boardId = await createBoard(server);
  const writer = connectClient(server.wsUrl, boardId);
  await synced(writer);
  writer.doc.transact(() => {
    for (let n = 0; n < NOTES; n++) insertElement(writer.doc, note(`n${n}`, n));
  });
  const noteIds = Array.from({ length: NOTES }, (_, n) => `n${n}`);
  const check = connectClient(server.wsUrl, boardId);
  await waitForDoc(check.doc, hasAll(noteIds), 60_000);
  check.destroy();
  writer.destroy();
  return { boardId, noteIds };
}

/** Inserts a note as soon as the client's socket is open: before its sync, while the room loads. */
function writesOnOpen(client: YClient, id: string, n: number): void {
  const write = ({ status }: { status: string }) => {
    if (status !== 'connected') return;
    client.provider.off('status', write);
    insertElement(client.doc, note(id, n));
  };
  client.provider.on('status', write);
}

describe('a cold open answered from the stored bytes (one process)', () => {
  let server: RunningServer;
  const clients: YClient[] = [];
  beforeAll(async () => {
    server = await startServer({ env: { IDLE_UNLOAD_MS: '100', METRICS_TOKEN, WS_MESSAGE_BURST: '100000', WS_MESSAGES_PER_SECOND: '100000' } });
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.stop();
  });

  it('clients synced from the stored bytes get every edit made while the room applies them', { timeout: 120_000 }, async () => {
    const { boardId, noteIds } = await filledBoard(server);
    await untilCold(server, METRICS_TOKEN);
    const connect = () => {
      const c = connectClient(server.wsUrl, boardId);
      clients.push(c);
      return c;
    };
    // The reader first: it is answered from the stored bytes (a client's update would make the room
    // apply at once, so the writers come once the reader has its answer, while the room applies).
    const reader = connect();
    await synced(reader);
    const [first, second] = [connect(), connect()];
    writesOnOpen(first, 'from-first', NOTES + 1);
    writesOnOpen(second, 'from-second', NOTES + 2);
    await Promise.all([first, second].map(synced));
    // The reader writes too.
    insertElement(reader.doc, note('from-reader', NOTES + 3));
    const everything = [...noteIds, 'from-first', 'from-second', 'from-reader'];
    await Promise.all([reader, first, second].map((c) => waitForDoc(c.doc, hasAll(everything), 60_000)));
    // A client that comes afterwards finds all of it in the room, and nothing more.
    const late = connect();
    await synced(late);
    expect(ids(late.doc).size).toBe(everything.length);
    for (const c of [reader, first, second]) expect(c.doc.store.pendingStructs).toBeNull();
    // The room did answer from the stored bytes (the log says how many it answered so).
    const answered = server.logs
      .map((l) => { try { return JSON.parse(l) as { msg?: string; answered?: number }; } catch { return {}; } })
      .filter((e) => e.msg === 'board applied; clients meanwhile answered from its stored bytes');
    expect(answered.length).toBeGreaterThanOrEqual(1);
    expect(answered.at(-1)!.answered).toBeGreaterThanOrEqual(1);
  });
});

describe('a board stored at schema 1 (before fields were packed)', () => {
  it('opens migrated for a real client, every element as before, text intact; a version saved then lists and reads the same', { timeout: 120_000 }, async () => {
    let server = await startServer();
    const { id: workshopId, boardId, facilitatorToken } = await createWorkshop(server);
    await server.stop();
    const board: Element[] = [
      { id: 'f1', type: 'frame', index: 'a0', frameId: null, x: 0, y: 0, width: 800, height: 600, title: 'Idéer', fill: 'white', variant: 'cluster' },
      { ...note('n1', 1), frameId: 'f1', color: 'pink', text: 'Gåbus til skolen', author: 'Kari' },
      { id: 't1', type: 'text', index: 'a00002', frameId: null, x: 5, y: 5, width: 240, height: 40, text: 'Overskrift', fontSize: 32, color: 'dark' },
      { id: 'c1', type: 'arrow', index: 'a00003', frameId: null, start: { kind: 'element', elementId: 'n1' }, end: { kind: 'point', x: 9, y: 9 }, color: 'dark' },
    ];
    // What an older server left in its store: the board at schema 1, and a version saved from it.
    const state = Y.encodeStateAsUpdate(schema1Board(board, false));
    const storage = openSqliteStorage(server.dataDir);
    await storage.documents.compact(boardId, state, await storage.documents.append(boardId, state));
    await storage.versions.save({ id: 'v-old', boardId, name: 'Før pausen', createdAt: '2026-01-02T09:00:00.000Z', state });
    await storage.close();

    server = await startServer({ dataDir: server.dataDir });
    try {
      const client = connectClient(server.wsUrl, boardId, { token: facilitatorToken });
      await synced(client);
      expect(getSchemaVersion(client.doc)).toBe(SCHEMA_VERSION);
      expect(getElements(client.doc)).toEqual(board);
      expect(getElementText(client.doc, 'n1')!.toString()).toBe('Gåbus til skolen');
      // Writes in the new layout are accepted on the migrated board.
      getElementText(client.doc, 'n1')!.insert(0, 'NB ');
      const check = connectClient(server.wsUrl, boardId, { token: facilitatorToken });
      await waitForDoc(check.doc, (d) => getElements(d).find((e) => e.id === 'n1')?.type === 'note' && getElementText(d, 'n1')?.toString() === 'NB Gåbus til skolen');
      check.destroy();
      client.destroy();

      const auth = { authorization: `Bearer ${facilitatorToken}` };
      const listed = (await (await fetch(`${server.url}/api/workshops/${workshopId}/versions`, { headers: auth })).json()) as Array<{ id: string }>;
      expect(listed.map((v) => v.id)).toEqual(['v-old']);
      const version = (await (await fetch(`${server.url}/api/workshops/${workshopId}/versions/v-old`, { headers: auth })).json()) as { elements: Element[] };
      expect(version.elements).toEqual(board);
    } finally {
      await server.stop();
    }
  });
});

describe.skipIf(services !== true)(`a cold open answered from the stored bytes, with another process writing${services === true ? '' : ` (${services})`}`, () => {
  let cluster: Cluster;
  const clients: YClient[] = [];
  beforeAll(async () => {
    cluster = await startCluster(2, { env: { IDLE_UNLOAD_MS: '100', METRICS_TOKEN, WS_MESSAGE_BURST: '100000', WS_MESSAGES_PER_SECOND: '100000' } });
  }, 180_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await cluster?.stop();
  });

  it('a client synced from the stored bytes gets what the other process stores while the room applies them', { timeout: 180_000 }, async () => {
    const [cold, other] = cluster.servers as [RunningServer, RunningServer];
    const { boardId, noteIds } = await filledBoard(cold);
    await Promise.all([untilCold(cold, METRICS_TOKEN), untilCold(other, METRICS_TOKEN)]);
    const reader = connectClient(cold.wsUrl, boardId);
    const writer = connectClient(other.wsUrl, boardId);
    clients.push(reader, writer);
    writesOnOpen(writer, 'from-other-process', NOTES + 1);
    await synced(reader);
    insertElement(writer.doc, note('after-sync', NOTES + 2));
    const everything = [...noteIds, 'from-other-process', 'after-sync'];
    await Promise.all([waitForDoc(reader.doc, hasAll(everything), 90_000), waitForDoc(writer.doc, hasAll(everything), 90_000)]);
    expect(reader.doc.store.pendingStructs).toBeNull();
  });
});
