/**
 * The built Sammen server (server/dist) as main.ts starts it, but with the SQLite appends where
 * BENCH_APPENDS says: `thread` (the product's default) or `main` (committed on the event loop, as
 * before issue 12), so bench/appendThread.ts can compare both in one run. It also measures the event
 * loop's delay (perf_hooks.monitorEventLoopDelay, 1 ms resolution): SIGUSR1 starts a new measurement,
 * SIGUSR2 prints it as one JSON line (`{"msg":"event loop delay",...}`, in ms) on stdout.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApp } from '../../server/dist/app.js';
import { loadConfig } from '../../server/dist/config.js';
import { openSqliteStorage } from '../../server/dist/store/SqliteStorage.js';

const appends = process.env.BENCH_APPENDS ?? 'thread';
if (appends !== 'thread' && appends !== 'main') throw new Error(`BENCH_APPENDS must be thread or main, not ${appends}`);

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
process.on('SIGUSR1', () => delay.reset());
process.on('SIGUSR2', () => {
  const ms = (ns: number) => ns / 1e6;
  const figures = { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), mean: ms(delay.mean) };
  process.stdout.write(`${JSON.stringify({ msg: 'event loop delay', ...figures })}\n`);
});

const config = loadConfig();
const storage = openSqliteStorage(config.dataDir, { appendThread: appends === 'thread' });
const { app } = await buildApp({ config, storage });
await app.listen({ port: config.port, host: config.host });
const address = app.server.address();
app.log.info({ port: typeof address === 'object' && address ? address.port : config.port, appends }, 'Sammen is ready');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0), () => process.exit(1)));
