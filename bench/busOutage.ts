/**
 * What a Redis outage costs the board bus in memory: 50,000 board updates of 2 KiB published while
 * Redis is down (a redis-server of the bench's own, SIGKILLed), through
 *  - the old path: `writer.eval(ADD, …)` on an ioredis connection with its offline queue (what
 *    `redisBus.publish` did before it was bounded), and
 *  - the bus now (`createRedisBus`): dropped while the link is down, one gap mark owed per board.
 * Each in a child process of its own (`--expose-gc`), heap and RSS read after a full GC before and after.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connectRedis } from '../server/src/cluster/redis.ts';
import { createRedisBus } from '../server/src/cluster/redisBus.ts';
import { startOwnRedis } from '../tests/harness/redis.ts';
import { type BenchTable, machine } from './table.ts';

const UPDATES = 50_000;
const UPDATE_BYTES = 2048;

interface Measured {
  queued: number;
  dropped: number;
  heapMiB: number;
  rssMiB: number;
}

const mib = (bytes: number) => bytes / 2 ** 20;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** In the child: publishes the updates into an outage and measures what stayed in memory. */
async function measure(mode: 'queue' | 'bus'): Promise<Measured> {
  const redis = await startOwnRedis();
  if (typeof redis === 'string') throw new Error(redis);
  const data = new Uint8Array(UPDATE_BYTES).fill(7);
  const settle = () => new Promise((r) => setTimeout(r, 300));
  if (mode === 'queue') {
    const writer = connectRedis({ url: redis.url, role: 'bench' });
    await new Promise((r) => writer.once('ready', r));
    await redis.kill();
    await settle();
    gc();
    const before = process.memoryUsage();
    for (let i = 0; i < UPDATES; i++) writer.eval('return 1', 1, 'k', 'x', Buffer.from(data)).catch(() => {});
    gc();
    const after = process.memoryUsage();
    const queued = (writer as unknown as { offlineQueue: { length: number } }).offlineQueue.length;
    writer.disconnect();
    return { queued, dropped: 0, heapMiB: mib(after.heapUsed - before.heapUsed), rssMiB: mib(after.rss - before.rss) };
  }
  const bus = createRedisBus({ url: redis.url, prefix: 'bench:' });
  await settle();
  await redis.kill();
  await settle();
  gc();
  const before = process.memoryUsage();
  for (let i = 0; i < UPDATES; i++) bus.publish('board', { kind: 'update', data });
  gc();
  const after = process.memoryUsage();
  const stats = bus.stats();
  await bus.close();
  return { queued: stats.pendingPublishes, dropped: stats.droppedPublishes, heapMiB: mib(after.heapUsed - before.heapUsed), rssMiB: mib(after.rss - before.rss) };
}

function inChild(mode: 'queue' | 'bus'): Measured {
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), mode], { encoding: 'utf8' });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) throw new Error(`bench child failed: ${result.stderr}`);
  return JSON.parse(line) as Measured;
}

export async function run(): Promise<BenchTable> {
  const rows = (['queue', 'bus'] as const).map((mode) => {
    const m = inChild(mode);
    const name = mode === 'queue' ? 'ioredis offline queue (before)' : 'bounded bus (now)';
    return [name, String(m.queued), String(m.dropped), m.heapMiB.toFixed(1), m.rssMiB.toFixed(1)];
  });
  return {
    title: `Board bus while Redis is down: ${UPDATES.toLocaleString('en')} updates of ${UPDATE_BYTES / 1024} KiB`,
    command: 'npm run bench -- busOutage',
    machine: machine(),
    headers: ['path', 'held for Redis', 'dropped (gap marked)', 'heap growth MiB', 'RSS growth MiB'],
    rows,
    notes: [
      'Held updates grow with the outage and the edit rate without limit before; now nothing is held (at most 10,000 unanswered while connected) and the readers catch the boards up from the store once Redis is back.',
    ],
  };
}

const mode = process.argv[2];
if (mode === 'queue' || mode === 'bus') {
  const measured = await measure(mode);
  console.log(JSON.stringify(measured));
  process.exit(0);
}
