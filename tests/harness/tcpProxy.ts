import net from 'node:net';

/**
 * A TCP proxy in the test process between a server and a service (PostgreSQL, Redis), so a test can
 * take the service away from that one server, for real: `refuse()` closes the port and every open
 * connection (connection refused, as a stopped database), `hang()` accepts connections but passes
 * nothing (as a dead network path or a stuck database), `forward()` brings it back on the same port.
 */
export interface TcpProxy {
  port: number;
  /** `url` (postgres://…, redis://…) with its host and port replaced by the proxy's. */
  via(url: string): string;
  forward(): Promise<void>;
  refuse(): Promise<void>;
  hang(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'forward' | 'hang' = 'forward';
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('close', () => sockets.delete(socket));
  };
  const server = net.createServer((client) => {
    track(client);
    if (mode === 'hang') return;
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const unlisten = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));

  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    via(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    async forward() {
      mode = 'forward';
      if (!server.listening) await listen(port);
    },
    async refuse() {
      const closing = unlisten();
      dropAll();
      await closing;
    },
    async hang() {
      mode = 'hang';
      dropAll();
      if (!server.listening) await listen(port);
    },
    async close() {
      const closing = unlisten();
      dropAll();
      await closing;
    },
  };
}
