import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// SAMMEN_SERVER_MAIN: measure another build (e.g. an older commit) with the same tests.
const MAIN = process.env.SAMMEN_SERVER_MAIN ?? path.join(ROOT, 'server/dist/main.js');

export interface RunningServer {
  url: string;
  wsUrl: string;
  port: number;
  dataDir: string;
  /** The server process's id (for reading its memory in /proc). */
  readonly pid: number;
  /** Lines the server logged (JSON), for assertions about what it said. */
  logs: string[];
  /** Stops the server (SIGTERM, then SIGKILL after 5 s). */
  stop(): Promise<void>;
  /** Kills the server without letting it shut down cleanly (a crash). */
  kill(): Promise<void>;
  /** Starts the server again on the same port and data folder. */
  restart(): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  env?: Record<string, string>;
  /** Another server build's main.js (a bench's "before"); default SAMMEN_SERVER_MAIN or server/dist/main.js. */
  main?: string;
}

/**
 * Runs the built server (`server/dist/main.js`, as `npm start` does) as a real child process on a
 * free port, with its own data folder. Fails loudly if the build is missing.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const main = options.main ?? MAIN;
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sammen-test-'));
  const logs: string[] = [];
  let child: ChildProcess;
  let port = 0;

  const launch = async (): Promise<void> => {
    child = spawn(process.execPath, [main], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    port = await new Promise<number>((resolve, reject) => {
      let buffer = '';
      const onData = (chunk: Buffer) => {
        buffer += chunk.toString();
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          logs.push(line);
          try {
            const entry = JSON.parse(line) as { msg?: string; port?: number };
            if (entry.msg === 'Sammen is ready' && entry.port) resolve(entry.port);
          } catch {
            // not JSON: keep it in logs
          }
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (c: Buffer) => logs.push(c.toString()));
      child.once('exit', (code) => reject(new Error(`server exited with ${code} before it was ready:\n${logs.join('\n')}`)));
    });
  };

  const waitExit = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill(signal);
    });

  await launch();
  const server: RunningServer = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get wsUrl() {
      return `ws://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get pid() {
      return child.pid!;
    },
    dataDir,
    logs,
    stop: () => waitExit('SIGTERM'),
    kill: () => waitExit('SIGKILL'),
    restart: async () => {
      await waitExit('SIGTERM');
      await launch();
    },
  };
  return server;
}

/** Creates a board through the public API and returns its id. */
export async function createBoard(server: { url: string }, title = 'Test board'): Promise<string> {
  const res = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`POST /api/boards gave ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
