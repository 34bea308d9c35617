import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { type StickyNote, getElements, insertElement } from '@sammen/shared';
import { clusterServices } from '../harness/cluster.js';
import { type OutagePair, startOutagePair } from '../harness/outagePair.js';
import type { OwnRedis } from '../harness/redis.js';
import { type RunningServer, createBoard } from '../harness/server.js';
import type { TcpProxy } from '../harness/tcpProxy.js';
import { type YClient, connectClient, synced, waitForDoc } from '../harness/yclient.js';

/**
 * The board bus while Redis is away, with two real server processes on one PostgreSQL database: A
 * reaches a redis-server of the test's own through a TCP proxy, B directly. Updates written on A while
 * its link is down are stored, not queued (the bus's pending count stays 0, the dropped count grows),
 * and once the link is back B's clients converge to exactly A's document: when Redis itself was killed
 * (and came back empty), and when only A's link dropped while B's stayed up (then only A's gap mark can
 * tell B). Fails on CI when PostgreSQL, Redis or redis-server is missing (skips elsewhere, saying why).
 */
const services = await clusterServices();
const TOKEN = 'metrics-token-for-the-test-0123456789';

const note = (id: string): StickyNote => ({ id, type: 'note', index: `a${id}`, frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: `Forslag ${id}` });
const snapshot = (doc: Y.Doc) => JSON.stringify(getElements(doc).sort((x, y) => x.id.localeCompare(y.id)));

async function metric(server: RunningServer, series: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (line === undefined) throw new Error(`${series} is not on /metrics`);
  return Number(line.slice(series.length + 1));
}

/** Scrapes until `wanted` holds: the server notices a dropped link at its own pace. */
async function metricUntil(server: RunningServer, series: string, wanted: (value: number) => boolean): Promise<number> {
  let value = NaN;
  for (let i = 0; i < 300; i++) {
    value = await metric(server, series);
    if (wanted(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${series} stayed ${value}`);
}

describe.skipIf(services !== true)(`the board bus while Redis is away${services === true ? '' : ` (${services})`}`, () => {
  let pair: OutagePair;
  let redis: OwnRedis;
  let proxy: TcpProxy;
  let a: RunningServer;
  let b: RunningServer;
  const clients: YClient[] = [];
  const client = (server: RunningServer, boardId: string) => {
    const c = connectClient(server.wsUrl, boardId);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    pair = await startOutagePair('bus-outage', { METRICS_TOKEN: TOKEN });
    ({ redis, proxy, a, b } = pair);
  }, 60_000);
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await pair?.stop();
  });

  /** A board with a client on each process, linked (a first note crossed). */
  async function linkedBoard() {
    const boardId = await createBoard(a);
    const onA = client(a, boardId);
    const onB = client(b, boardId);
    await Promise.all([synced(onA), synced(onB)]);
    insertElement(onA.doc, note('first'));
    await waitForDoc(onB.doc, (d) => getElements(d).length === 1);
    return { boardId, onA, onB };
  }

  /**
   * Writes `count` notes on A's client, each its own update, and waits until a second client on A has
   * them all: A sends its sockets an update only once it is stored, so then A has stored them all.
   */
  async function writeOnA(onA: YClient, boardId: string, tag: string, count: number): Promise<void> {
    const witness = client(a, boardId);
    await synced(witness);
    const before = getElements(onA.doc).length;
    for (let i = 0; i < count; i++) insertElement(onA.doc, note(`${tag}${i}`));
    await waitForDoc(witness.doc, (d) => getElements(d).length === before + count, 30_000);
  }

  it('Redis killed: A stores and drops instead of queueing; after the restart (empty) B converges to exactly A', { timeout: 120_000 }, async () => {
    const { boardId, onA, onB } = await linkedBoard();
    const droppedBefore = await metric(a, 'sammen_bus_dropped_publishes_total');
    await redis.kill();
    await metricUntil(a, 'sammen_bus_connected', (v) => v === 0);

    await writeOnA(onA, boardId, 'outage', 400);
    expect(await metric(a, 'sammen_bus_pending_publishes')).toBe(0);
    expect(await metric(a, 'sammen_bus_dropped_publishes_total')).toBeGreaterThan(droppedBefore);
    expect(await metric(a, 'sammen_bus_gap_marks_owed')).toBe(1);

    await redis.start();
    await waitForDoc(onB.doc, (d) => getElements(d).length === 401, 60_000);
    expect(snapshot(onB.doc)).toBe(snapshot(onA.doc));
    await metricUntil(a, 'sammen_bus_gap_marks_owed', (v) => v === 0);
    // A client that opens the board on B now gets the same document.
    const fresh = client(b, boardId);
    await waitForDoc(fresh.doc, (d) => getElements(d).length === 401);
    expect(snapshot(fresh.doc)).toBe(snapshot(onA.doc));
  });

  it("only A's link down (B's up, no gap of its own to see): A's gap mark makes B catch up", { timeout: 120_000 }, async () => {
    const { boardId, onA, onB } = await linkedBoard();
    const droppedBefore = await metric(a, 'sammen_bus_dropped_publishes_total');
    await proxy.refuse();
    await metricUntil(a, 'sammen_bus_connected', (v) => v === 0);
    expect(await metric(b, 'sammen_bus_connected')).toBe(1);

    await writeOnA(onA, boardId, 'cut', 200);
    expect(await metric(a, 'sammen_bus_pending_publishes')).toBe(0);
    expect(await metric(a, 'sammen_bus_dropped_publishes_total')).toBeGreaterThan(droppedBefore);
    expect(await metric(a, 'sammen_bus_gap_marks_owed')).toBe(1);

    await proxy.forward();
    await waitForDoc(onB.doc, (d) => getElements(d).length === 201, 60_000);
    expect(snapshot(onB.doc)).toBe(snapshot(onA.doc));
    await metricUntil(a, 'sammen_bus_gap_marks_owed', (v) => v === 0);
    // B read A's gap mark (it may also have counted A as gone while A could not beat; both catch up).
    // (Logged before the catch-up; read through B's stdout, so allow it a moment to arrive.)
    for (let i = 0; i < 100 && !b.logs.some((l) => l.includes('another process could not publish some updates')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(b.logs.some((l) => l.includes('another process could not publish some updates'))).toBe(true);
  });
});
