/**
 * The peer: @hocuspocus/server with no extensions (documents in memory, nothing stored), on a free port.
 * Prints `{"port":N}` once listening. Started by bench/fanout.ts as its own process.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
await server.listen();
process.stdout.write(`${JSON.stringify({ port: server.address.port })}\n`);
process.on('SIGTERM', () => void server.destroy().then(() => process.exit(0)));
