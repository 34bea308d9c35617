/**
 * A load process (forked by bench/fanout.ts, so the clients do not share one event loop with the
 * coordinator or each other): connects its share of the clients, writes at its share of the rate when
 * told, and reports what its clients received. Talks to the parent over IPC.
 */
import { BenchClient, type ClientStats, type ServerKind } from './client.ts';

export type ToLoad =
  | { type: 'connect'; kind: ServerKind; urls: string[]; docNames: string[]; clients: number; idPrefix: string; t0: number }
  | { type: 'write'; writesPerSecond: number; durationMs: number }
  | { type: 'count' }
  | { type: 'report' }
  | { type: 'close' };

export type FromLoad =
  | { type: 'connected'; synced: number }
  | { type: 'wrote'; writes: number; lateMs: number }
  | { type: 'count'; received: number }
  | { type: 'report'; latencies: number[]; received: number; closed: number }
  | { type: 'closed' };

const send = (message: FromLoad): void => void process.send!(message);
const stats: ClientStats = { latencies: [], received: 0 };
let clients: BenchClient[] = [];

async function connect(message: Extract<ToLoad, { type: 'connect' }>): Promise<void> {
  let synced = 0;
  const BATCH = 25; // a few at a time: a thundering herd measures the accept queue, not the fan-out
  for (let i = 0; i < message.clients; i += BATCH) {
    const wave: Promise<void>[] = [];
    for (let j = i; j < Math.min(i + BATCH, message.clients); j++) {
      const k = j % message.urls.length;
      wave.push(
        new Promise<void>((resolve) => {
          const client = new BenchClient(message.urls[k]!, message.kind, message.docNames[k]!, `${message.idPrefix}${j}`, message.t0, stats, () => {
            synced += 1;
            resolve();
          });
          clients.push(client);
          setTimeout(resolve, 10_000); // one that never syncs is counted, not waited for
        }),
      );
    }
    await Promise.all(wave);
  }
  send({ type: 'connected', synced });
}

/** Writes round-robin over this process's clients on a fixed timeline (late writes are sent late, and timed from then). */
async function write(writesPerSecond: number, durationMs: number): Promise<void> {
  const total = Math.round((writesPerSecond * durationMs) / 1000);
  const interval = 1000 / writesPerSecond;
  const start = performance.now();
  let lateMs = 0;
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    else lateMs = Math.max(lateMs, -wait);
    clients[i % clients.length]!.write();
  }
  send({ type: 'wrote', writes: total, lateMs });
}

process.on('message', (message: ToLoad) => {
  switch (message.type) {
    case 'connect':
      void connect(message);
      break;
    case 'write':
      void write(message.writesPerSecond, message.durationMs);
      break;
    case 'count':
      send({ type: 'count', received: stats.received });
      break;
    case 'report':
      send({ type: 'report', latencies: stats.latencies, received: stats.received, closed: clients.filter((c) => c.closed).length });
      break;
    case 'close':
      for (const c of clients) c.close();
      clients = [];
      stats.latencies = [];
      stats.received = 0;
      send({ type: 'closed' });
      break;
  }
});
