/**
 * Fan-out in one room (issue 12): Sammen (the built server as `npm start` runs it: SQLite, synchronous=FULL,
 * every update on disk before anyone receives it) against @hocuspocus/server 3.4.4 (in memory, stores
 * nothing), same load, same run, each on a fresh process. Clients are spread over two load processes.
 * Also memory per loaded board and per connection, the heap over 10,000 connect/disconnect cycles, and
 * two Sammen processes over Redis against one. Needs `npm run build` first (server/dist).
 *
 * BENCH_FANOUT_SECONDS (default 20) sets the length of each write phase; BENCH_FANOUT_REPEAT (default 1)
 * runs the load pairs more than once; BENCH_FANOUT_ONLY=load skips the rest, BENCH_FANOUT_ONLY=memory
 * runs only the rest (Redis, memory, cycles).
 */
import { insertElement } from '../shared/src/index.ts';
import { BenchClient, now } from './fanout/client.ts';
import { clientNoteIds, connectAll, LoadProcess } from './fanout/load.ts';
import { cpuSeconds, heapAfterGc, type Peer, rssBytes, startFloor, startHocuspocus, startSammen } from './fanout/peers.ts';
import { type BenchTable, fmt, machine } from './table.ts';

const SECONDS = Number(process.env.BENCH_FANOUT_SECONDS ?? 20);
const REPEAT = Number(process.env.BENCH_FANOUT_REPEAT ?? 1);
const ONLY = process.env.BENCH_FANOUT_ONLY ?? '';
const LOADS: Array<{ clients: number; writesPerSecond: number }> = [
  { clients: 200, writesPerSecond: 60 },
  { clients: 500, writesPerSecond: 20 },
];
const DRAIN_MS = 10_000;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const INSPECT = '--inspect=127.0.0.1:0';

export interface FanoutResult {
  p50: number;
  p95: number;
  p99: number;
  expected: number;
  received: number;
  cpuUsPerDelivery: number;
  rssMb: number;
  synced: number;
  lateMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Called around the write phase (bench/appendThread.ts reads the server's event-loop delay over it). */
export interface WritePhaseProbe {
  start(): void;
  end(): Promise<void>;
}

/**
 * One room, `clients` clients (spread over the peers' processes and two load processes), writes at
 * `writesPerSecond` in all for SECONDS; latency = received − sent at every other client.
 */
export async function fanout(peers: Peer[], clients: number, writesPerSecond: number, probe?: WritePhaseProbe): Promise<FanoutResult> {
  const loads = [new LoadProcess(), new LoadProcess()];
  let seed: BenchClient | null = null;
  try {
    const docName = await peers[0]!.newDocument();
    seed = await seedNotes(peers, docName, clientNoteIds(loads.length, clients));
    const urls = peers.map((p) => p.wsUrl(docName));
    const synced = await connectAll(loads, peers[0]!.kind, { urls, docNames: urls.map(() => docName) }, clients, now());
    await sleep(1000); // let the connection burst settle
    const cpu0 = peers.reduce((s, p) => s + cpuSeconds(p.pid), 0);
    probe?.start();
    const wrote = await Promise.all(loads.map((l) => l.ask({ type: 'write', writesPerSecond: writesPerSecond / loads.length, durationMs: SECONDS * 1000 }, 'wrote')));
    await probe?.end();
    const writes = wrote.reduce((s, w) => s + w.writes, 0);
    const expected = writes * (synced - 1);
    const rss = peers.reduce((s, p) => s + rssBytes(p.pid), 0);
    const drainEnd = Date.now() + DRAIN_MS;
    let received = 0;
    while (Date.now() < drainEnd) {
      received = (await Promise.all(loads.map((l) => l.ask({ type: 'count' }, 'count')))).reduce((s, c) => s + c.received, 0);
      if (received >= expected) break;
      await sleep(100);
    }
    const cpu = peers.reduce((s, p) => s + cpuSeconds(p.pid), 0) - cpu0;
    const reports = await Promise.all(loads.map((l) => l.ask({ type: 'report' }, 'report')));
    const latencies = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
    received = reports.reduce((s, r) => s + r.received, 0);
    await Promise.all(loads.map((l) => l.ask({ type: 'close' }, 'closed')));
    return {
      p50: pct(latencies, 50),
      p95: pct(latencies, 95),
      p99: pct(latencies, 99),
      expected,
      received,
      cpuUsPerDelivery: (cpu * 1e6) / Math.max(1, received),
      rssMb: rss / 2 ** 20,
      synced,
      lateMs: Math.max(...wrote.map((w) => w.lateMs)),
    };
  } finally {
    seed?.close();
    for (const l of loads) l.kill();
  }
}

/**
 * One sticky note per client (the note it will move), written through the first server and seen by the
 * last one. The seeding client stays connected until the run ends (Hocuspocus forgets a document, notes
 * and all, when its last connection leaves: it stores nothing).
 */
async function seedNotes(peers: Peer[], docName: string, ids: string[]): Promise<BenchClient> {
  const [seed] = await openClients(peers[0]!, [docName]);
  seed!.edit((doc) =>
    ids.forEach((id, i) =>
      insertElement(doc, { id, type: 'note', index: `a${i}`, frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: '' }),
    ),
  );
  const until = Date.now() + 20_000;
  for (;;) {
    const [probe] = await openClients(peers[peers.length - 1]!, [docName]);
    const count = probe!.elementCount;
    probe!.close();
    if (count === ids.length) break;
    if (Date.now() > until) throw new Error(`the seeded notes did not arrive (${count} of ${ids.length})`);
    await sleep(200);
  }
  return seed!;
}

export async function withPeers<T>(start: () => Promise<Peer[]>, use: (peers: Peer[]) => Promise<T>): Promise<T> {
  const peers = await start();
  try {
    return await use(peers);
  } finally {
    await Promise.all(peers.map((p) => p.stop()));
  }
}

/** Connects one client per document name and waits until all are synced. */
async function openClients(peer: Peer, docNames: string[], concurrency = 25): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  for (let i = 0; i < docNames.length; i += concurrency) {
    await Promise.all(
      docNames.slice(i, i + concurrency).map(
        (name, j) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`client ${i + j} did not sync`)), 20_000);
            clients.push(new BenchClient(peer.wsUrl(name), peer.kind, name, `m${i + j}`, 0, { latencies: [], received: 0 }, () => (clearTimeout(timer), resolve())));
          }),
      ),
    );
  }
  return clients;
}

interface MemoryResult {
  heapPerConnectionKb: number;
  heapPerBoardKb: number;
  rssPerConnectionKb: number;
  rssPerBoardKb: number;
}

/** 1,000 connections to one board, then 1,000 more boards with one connection each: heap (after GC) and RSS growth. */
async function memory(start: () => Promise<Peer>): Promise<MemoryResult> {
  return withPeers(async () => [await start()], async ([peer]) => {
    const N = 1000;
    const warm = await openClients(peer!, [await peer!.newDocument()]);
    const heap0 = await heapAfterGc(peer!);
    const rss0 = rssBytes(peer!.pid);
    const oneBoard = await peer!.newDocument();
    const connections = await openClients(peer!, Array.from({ length: N }, () => oneBoard));
    const heap1 = await heapAfterGc(peer!);
    const rss1 = rssBytes(peer!.pid);
    const names: string[] = [];
    for (let i = 0; i < N; i++) names.push(await peer!.newDocument());
    const boards = await openClients(peer!, names);
    const heap2 = await heapAfterGc(peer!);
    const rss2 = rssBytes(peer!.pid);
    for (const c of [...warm, ...connections, ...boards]) c.close();
    const perConnHeap = (heap1 - heap0) / N;
    const perConnRss = (rss1 - rss0) / N;
    return {
      heapPerConnectionKb: perConnHeap / 1024,
      heapPerBoardKb: ((heap2 - heap1) / N - perConnHeap) / 1024,
      rssPerConnectionKb: perConnRss / 1024,
      rssPerBoardKb: ((rss2 - rss1) / N - perConnRss) / 1024,
    };
  });
}

/** 10,000 connect → sync → disconnect cycles over 1,000 boards; heap after GC after the first 1,000 and after all. */
async function heapCycles(): Promise<{ warmMb: number; endMb: number }> {
  return withPeers(async () => [await startSammen({ NODE_OPTIONS: INSPECT, IDLE_UNLOAD_MS: '200' })], async ([peer]) => {
    const boards: string[] = [];
    for (let i = 0; i < 1000; i++) boards.push(await peer!.newDocument());
    let warmMb = 0;
    const CYCLES = 10_000;
    const WAVE = 50;
    for (let done = 0; done < CYCLES; done += WAVE) {
      const clients = await openClients(peer!, Array.from({ length: WAVE }, (_, j) => boards[(done + j) % boards.length]!), WAVE);
      for (const c of clients) c.close();
      if (done + WAVE === 1000) {
        await sleep(1500); // every room unloads after IDLE_UNLOAD_MS
        warmMb = (await heapAfterGc(peer!)) / 2 ** 20;
      }
    }
    await sleep(1500);
    return { warmMb, endMb: (await heapAfterGc(peer!)) / 2 ** 20 };
  });
}

const ms = (n: number) => fmt(n);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export async function run(): Promise<BenchTable> {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (let r = 0; r < (process.env.BENCH_FANOUT_ONLY === 'memory' ? 0 : REPEAT); r++) {
    for (const { clients, writesPerSecond } of LOADS) {
      const load = `${clients} clients × ${writesPerSecond} writes/s in all`;
      console.error(`  ${load}: Sammen ...`);
      const s = await withPeers(async () => [await startSammen()], (p) => fanout(p, clients, writesPerSecond));
      console.error(`  ${load}: Hocuspocus ...`);
      const h = await withPeers(async () => [await startHocuspocus()], (p) => fanout(p, clients, writesPerSecond));
      console.error(`  ${load}: bare relay (floor) ...`);
      const f = await withPeers(async () => [await startFloor()], (p) => fanout(p, clients, writesPerSecond));
      const row = (who: string, x: FanoutResult): string[] => [
        load,
        who,
        ms(x.p50),
        ms(x.p95),
        ms(x.p99),
        `${x.expected - x.received} of ${x.expected}`,
        fmt(x.cpuUsPerDelivery),
        fmt(x.rssMb),
      ];
      rows.push(row('Sammen (SQLite, synchronous=FULL)', s), row('Hocuspocus (memory)', h));
      console.error(`    Sammen ${JSON.stringify(s)}\n    Hocuspocus ${JSON.stringify(h)}`);
      rows.push([load, 'ratio Sammen / Hocuspocus', ratio(s.p50, h.p50), ratio(s.p95, h.p95), ratio(s.p99, h.p99), '', ratio(s.cpuUsPerDelivery, h.cpuUsPerDelivery), ratio(s.rssMb, h.rssMb)]);
      rows.push(row('bare relay (floor: no checks, no storage, no framing work)', f));
      rows.push([load, 'ratio floor / Hocuspocus (the lowest the harness can show)', ratio(f.p50, h.p50), ratio(f.p95, h.p95), ratio(f.p99, h.p99), '', ratio(f.cpuUsPerDelivery, h.cpuUsPerDelivery), '']);
      console.error(`    floor ${JSON.stringify(f)}`);
      for (const [who, x] of [['Sammen', s], ['Hocuspocus', h], ['floor', f]] as const) {
        if (x.synced !== clients) notes.push(`${load}, ${who}: only ${x.synced} of ${clients} clients synced.`);
        if (x.lateMs > 50) notes.push(`${load}, ${who}: the load processes sent some writes up to ${fmt(x.lateMs)} ms late (timed from when they were sent).`);
      }
    }
  }

  if (process.env.BENCH_FANOUT_ONLY !== 'load') {
    // Two Sammen processes over Redis, the room's clients split between them, against one process.
    const { clients, writesPerSecond } = LOADS[0]!;
    const load = `${clients} clients × ${writesPerSecond} writes/s in all`;
    try {
      console.error(`  ${load}: Sammen, one process vs two over Redis ...`);
      const one = await withPeers(async () => [await startSammen()], (p) => fanout(p, clients, writesPerSecond));
      const two = await withPeers(
        async () => {
          const prefix = `bench-fanout-${process.pid}-${Date.now()}`;
          const first = await startSammen({ REDIS_URL, REDIS_PREFIX: prefix }, 'Sammen A');
          // The second process shares the first's data folder (one SQLite file, as with one PostgreSQL).
          return [first, await startSammen({ REDIS_URL, REDIS_PREFIX: prefix }, 'Sammen B', first.dataDir)];
        },
        (p) => fanout(p, clients, writesPerSecond),
      );
      rows.push(
        [load, 'Sammen, one process', ms(one.p50), ms(one.p95), ms(one.p99), `${one.expected - one.received} of ${one.expected}`, fmt(one.cpuUsPerDelivery), fmt(one.rssMb)],
        [load, 'Sammen, two processes over Redis (clients split)', ms(two.p50), ms(two.p95), ms(two.p99), `${two.expected - two.received} of ${two.expected}`, fmt(two.cpuUsPerDelivery), fmt(two.rssMb)],
        [load, 'added by Redis (two − one)', `${fmt(two.p50 - one.p50)} ms`, `${fmt(two.p95 - one.p95)} ms`, `${fmt(two.p99 - one.p99)} ms`, '', '', ''],
      );
    } catch (err) {
      notes.push(`Two processes over Redis: not measured (${err instanceof Error ? err.message.split('\n')[0] : String(err)}).`);
    }

    console.error('  memory per connection and per board ...');
    const sm = await memory(() => startSammen({ NODE_OPTIONS: INSPECT }));
    const hm = await memory(() => startHocuspocus(INSPECT));
    const memRow = (who: string, m: MemoryResult): string[] => [
      'memory: 1,000 connections to one board, then 1,000 boards × 1 connection',
      who,
      '',
      '',
      '',
      '',
      '',
      `heap ${fmt(m.heapPerConnectionKb)} KB/connection, ${fmt(m.heapPerBoardKb)} KB/board; RSS ${fmt(m.rssPerConnectionKb)} KB/connection, ${fmt(m.rssPerBoardKb)} KB/board`,
    ];
    rows.push(memRow('Sammen', sm), memRow('Hocuspocus', hm));

    console.error('  10,000 connect/disconnect cycles ...');
    const cycles = await heapCycles();
    rows.push([
      'heap after 10,000 connect/disconnect cycles over 1,000 boards (after GC)',
      'Sammen',
      '',
      '',
      '',
      '',
      '',
      `${fmt(cycles.warmMb)} MB after 1,000 → ${fmt(cycles.endMb)} MB after 10,000 (${((cycles.endMb / cycles.warmMb - 1) * 100).toFixed(1)} %)`,
    ]);
  }

  notes.unshift(
    `Each write is one Yjs update (a new key in a Y.Map holding the send time); latency = when another client's document has it − when it was sent, at every other client in the room. ${SECONDS} s of writes per row, round-robin over the clients; loss = deliveries expected (writes × other clients) − deliveries seen within ${DRAIN_MS / 1000} s after the last write.`,
    'Each server is a fresh process per row; clients are spread over two load processes (child processes). Each client is a WebSocket with its own Y.Doc, synced with y-protocols; it writes by moving its own sticky note (x = send time; a real board edit that passes Sammen\'s gate) and decodes the updates it receives to read the time, without applying them (applying took ~0.5 ms each on this loaded machine: the load processes could not keep up). Same client code for both servers; only the framing differs (Hocuspocus prefixes the document name and wants a token message first). A client\'s own write coming back in a merged message is not counted.',
    'Sammen: `server/dist/main.js` with its default SQLite store (WAL, synchronous=FULL) in a temp folder; every update is committed (group commit) before it is applied and broadcast. Hocuspocus: `new Server()` with no extensions: nothing is stored.',
    'Floor: bench/fanout/floorServer.ts, a bare WebSocket relay that sends each update on as received to the other sockets and only then applies it (sync answered from a Y.Doc; nothing checked, stored or re-framed). Its latency is what the load processes, the loopback and the scheduling of the 2 cores cost by themselves; "floor / Hocuspocus" is the lowest p99 ratio any server could show against Hocuspocus in this run.',
    'CPU µs per delivery: server utime+stime (/proc/<pid>/stat) from the first write until every update arrived (or the drain ended), ÷ deliveries. RSS: VmRSS at the end of the writes.',
    'Memory: heap used after two full GCs (inspector protocol, HeapProfiler.collectGarbage) and RSS; per connection from 1,000 clients joining one board, per board from 1,000 more boards with one client each, minus one connection. Cycles: IDLE_UNLOAD_MS=200, 50 clients at a time, each connects, syncs, disconnects; rooms unloaded before each heap reading.',
    'The machine is shared (2 cores, other work running): compare the ratios within one run; absolute figures move between runs.',
  );

  return {
    // A partial run (BENCH_FANOUT_ONLY) is its own section of RESULTS.md, with the command that made it.
    title: ONLY === 'load' ? 'Fan-out in one room: Sammen vs Hocuspocus' : 'Fan-out in one room: Sammen vs Hocuspocus, memory, two processes over Redis',
    command: `npm run build && ${ONLY ? `BENCH_FANOUT_ONLY=${ONLY} ` : ''}BENCH_FANOUT_SECONDS=${SECONDS} npm run bench -- fanout`,
    machine: machine(),
    headers: ['load', 'server', 'p50 ms', 'p95 ms', 'p99 ms', 'lost deliveries', 'server CPU µs / delivery', 'RSS MB / memory'],
    rows,
    notes,
  };
}
