/**
 * Issue 12: SQLite appends committed on the event loop (as before) against on their own thread (the
 * product's default), in one run, same load as bench/fanout.ts (one room, 200 clients × 60 writes/s
 * and 500 × 20, the built server with SQLite, synchronous=FULL), plus the server's event-loop delay
 * (monitorEventLoopDelay, 1 ms resolution) over the write phase, and what handing a batch to the
 * thread costs the main thread. Needs `npm run build` first.
 *
 * BENCH_FANOUT_SECONDS (default 20) sets the length of each write phase; BENCH_APPENDS_REPEAT
 * (default 2) how many times each pair runs, in the order main, thread, thread, main, … so that a
 * drift of the shared machine's load does not favour one side.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FanoutResult, fanout, withPeers } from './fanout.ts';
import { measureCommitCost } from './appendThread/commitCost.ts';
import { measureHandover } from './appendThread/handover.ts';
import { type Peer, startSammen } from './fanout/peers.ts';
import { type BenchTable, fmt, machine } from './table.ts';

const SECONDS = Number(process.env.BENCH_FANOUT_SECONDS ?? 20);
const REPEAT = Number(process.env.BENCH_APPENDS_REPEAT ?? 2);
const LOADS = [
  { clients: 200, writesPerSecond: 60 },
  { clients: 500, writesPerSecond: 20 },
];
const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'appendThread/server.ts');
type Appends = 'main' | 'thread';

interface Delay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Event-loop delay over the write phase, read from the server's stdout after SIGUSR2 (appendThread/server.ts). */
function delayProbe(peer: Peer) {
  let figures: Delay | null = null;
  return {
    start: () => void process.kill(peer.pid, 'SIGUSR1'),
    async end() {
      const seen = peer.stderr().split('\n').filter((l) => l.includes('"event loop delay"')).length;
      process.kill(peer.pid, 'SIGUSR2');
      for (let i = 0; i < 100; i++) {
        const lines = peer.stderr().split('\n').filter((l) => l.includes('"event loop delay"'));
        if (lines.length > seen) {
          figures = JSON.parse(lines[lines.length - 1]!) as Delay;
          return;
        }
        await sleep(20);
      }
      throw new Error('the server did not report its event-loop delay');
    },
    figures: () => figures,
  };
}

async function measure(appends: Appends, clients: number, writesPerSecond: number): Promise<{ result: FanoutResult; delay: Delay }> {
  const start = async () => [await startSammen({ BENCH_APPENDS: appends, NODE_OPTIONS: '--import tsx' }, `Sammen (${appends})`, undefined, ENTRY)];
  return withPeers(start, async (peers) => {
    const probe = delayProbe(peers[0]!);
    const result = await fanout(peers, clients, writesPerSecond, probe);
    return { result, delay: probe.figures()! };
  });
}

export async function run(): Promise<BenchTable> {
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const { clients, writesPerSecond } of LOADS) {
    const load = `${clients} clients × ${writesPerSecond} writes/s`;
    const runs: Record<Appends, Array<{ result: FanoutResult; delay: Delay }>> = { main: [], thread: [] };
    for (let r = 0; r < REPEAT; r++) {
      const order: Appends[] = r % 2 === 0 ? ['main', 'thread'] : ['thread', 'main'];
      for (const appends of order) {
        console.error(`  ${load}: appends on ${appends} (${r + 1}/${REPEAT}) ...`);
        const m = await measure(appends, clients, writesPerSecond);
        console.error(`    ${JSON.stringify(m)}`);
        runs[appends].push(m);
        if (m.result.synced !== clients) notes.push(`${load}, ${appends}: only ${m.result.synced} of ${clients} clients synced.`);
        if (m.result.lateMs > 50) notes.push(`${load}, ${appends}: the load processes sent some writes up to ${fmt(m.result.lateMs)} ms late.`);
      }
    }
    const median = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    };
    const summary = (appends: Appends) => {
      const xs = runs[appends];
      return {
        p50: median(xs.map((x) => x.result.p50)),
        p99: median(xs.map((x) => x.result.p99)),
        lost: xs.map((x) => `${x.result.expected - x.result.received} of ${x.result.expected}`).join('; '),
        cpu: median(xs.map((x) => x.result.cpuUsPerDelivery)),
        loopP99: median(xs.map((x) => x.delay.p99)),
        loopMax: median(xs.map((x) => x.delay.max)),
      };
    };
    const main = summary('main');
    const thread = summary('thread');
    const row = (who: string, s: typeof main, each: Array<{ result: FanoutResult; delay: Delay }>) => [
      load,
      who,
      fmt(s.p50),
      `${fmt(s.p99)} (${each.map((x) => fmt(x.result.p99)).join(', ')})`,
      s.lost,
      fmt(s.cpu),
      `${fmt(s.loopP99)} (${each.map((x) => fmt(x.delay.p99)).join(', ')})`,
      fmt(s.loopMax),
    ];
    rows.push(row('appends on the event loop (before)', main, runs.main), row('appends on their own thread', thread, runs.thread));
    const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
    rows.push([load, 'ratio thread / event loop', ratio(thread.p50, main.p50), ratio(thread.p99, main.p99), '', ratio(thread.cpu, main.cpu), ratio(thread.loopP99, main.loopP99), ratio(thread.loopMax, main.loopMax)]);
  }

  console.error('  one commit at a time ...');
  for (const batch of [1, 50]) {
    for (const appendThread of [false, true]) {
      const c = await measureCommitCost(appendThread, batch);
      const who = appendThread ? 'appends on their own thread' : 'appends on the event loop (before)';
      rows.push([`one commit of ${batch} × 150 B at a time`, who, '', '', '', '', `${fmt(c.loopBusyUsPerCommit)} µs busy / commit`, `${fmt(c.latencyUsPerCommit)} µs / commit`]);
    }
  }

  console.error('  handing a batch to the thread ...');
  for (const [batch, bytes] of [[1, 150], [50, 150], [500, 150]] as const) {
    for (const h of await measureHandover(batch, bytes)) rows.push([`hand-over of ${batch} × ${bytes} B`, h.way, '', '', '', `${fmt(h.usPerBatch)} µs / batch (main thread)`, '', '']);
  }

  notes.unshift(
    `Same clients, room and measurement as bench/fanout.ts (${SECONDS} s of writes per row; latency = received − sent at every other client). Both sides are the built server (server/dist) started through bench/appendThread/server.ts, which differs from main.ts only in opening the SQLite store with \`appendThread\` true or false; fresh process and data folder per run.`,
    `Each figure is the median of ${REPEAT} runs (of an even number: the mean of the middle two; each run in brackets), run in the order event loop, thread, thread, event loop, … on the same machine in one go. CPU µs per delivery counts every thread of the server process (the append thread too).`,
    'Event-loop delay: perf_hooks.monitorEventLoopDelay (resolution 1 ms) in the server, reset when the writes start and read when they end; p99 and max in ms (a 1 ms timer that fires late by that much).',
    'One commit at a time: the built store alone (no server), 500 sequential commits after 50 to warm up; "busy" = event-loop utilization (performance.eventLoopUtilization) per commit, where a flush on the main thread counts and waiting for the thread does not; the last column is each commit\'s time until it resolved.',
    'Hand-over: main-thread time of packing and postMessage per batch to a worker that only answers; updates as views into a 64 KiB read buffer (as the WebSocket gives them).',
    'The machine is shared (2 cores, other work running): compare within this run; absolute figures move between runs.',
  );
  return {
    title: 'SQLite appends: on the event loop vs on their own thread (issue 12)',
    command: `npm run build && BENCH_FANOUT_SECONDS=${SECONDS} BENCH_APPENDS_REPEAT=${REPEAT} npm run bench -- appendThread`,
    machine: machine(),
    headers: ['load', 'appends', 'p50 ms', 'p99 ms', 'lost deliveries', 'server CPU µs / delivery', 'event-loop delay p99 ms', 'event-loop delay max ms'],
    rows,
    notes,
  };
}
