import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { describeStorage, openStorage } from './store/openStorage.js';

/** Entry point: read config, open the store, listen, and shut down cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const storage = await openStorage(config);
  const { app, readiness } = await buildApp({ config, storage });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  app.log.info({ port, ...describeStorage(config) }, 'Sammen is ready');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Not ready from now on, so the load balancer sends new connections elsewhere; with
    // SHUTDOWN_DELAY_MS, keep serving that long (until it has noticed) before closing anything.
    readiness.stop();
    app.log.info({ signal, delayMs: config.shutdownDelayMs }, 'shutting down');
    delay(config.shutdownDelayMs)
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (err) => {
          app.log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
