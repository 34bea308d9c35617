/**
 * The servers under test, each a fresh child process: the built Sammen server (default SQLite store,
 * synchronous=FULL, temp DATA_DIR) and @hocuspocus/server in memory. Plus what is read from outside
 * the process: CPU time and RSS from /proc, and the V8 heap after a full GC over the inspector protocol.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createBoard, startServer } from '../../tests/harness/server.ts';
import type { ServerKind } from './client.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Peer {
  kind: ServerKind;
  label: string;
  pid: number;
  /** A new, empty document; returns its name. */
  newDocument(): Promise<string>;
  /** The WebSocket URL a client opens for the document. */
  wsUrl(docName: string): string;
  /** The server's stderr so far (for the inspector's address). */
  stderr(): string;
  stop(): Promise<void>;
}

/** Limits a public server keeps and a load test must lift (one address opens hundreds of sockets and boards). */
const SAMMEN_BENCH_ENV = {
  WS_CONNECTIONS_PER_ADDRESS: '1000000',
  BOARDS_PER_ADDRESS_PER_HOUR: '10000000',
  BOARDS_PER_HOUR: '100000000',
};

/** The built Sammen server; `main`: another entry (e.g. bench/appendThread/server.ts, with NODE_OPTIONS=--import tsx). */
export async function startSammen(env: Record<string, string> = {}, label = 'Sammen', dataDir?: string, main?: string): Promise<Peer & { dataDir: string }> {
  const server = await startServer({ env: { ...SAMMEN_BENCH_ENV, ...env }, dataDir, main });
  return {
    dataDir: server.dataDir,
    kind: 'sammen',
    label,
    pid: server.pid,
    newDocument: () => createBoard(server, 'fan-out bench'),
    wsUrl: (id) => `${server.wsUrl}/yjs/${id}`,
    stderr: () => server.logs.join('\n'),
    async stop() {
      await server.stop();
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    },
  };
}

export async function startHocuspocus(nodeOptions = ''): Promise<Peer> {
  return startScriptPeer('bench/fanout/hocuspocusServer.ts', 'hocuspocus', 'Hocuspocus 3.4.4', nodeOptions);
}

/** The harness's floor (bench/fanout/floorServer.ts): a bare relay, to show what the load itself costs. */
export async function startFloor(): Promise<Peer> {
  return startScriptPeer('bench/fanout/floorServer.ts', 'sammen', 'bare relay (floor)', '', (name) => `/yjs/${name}`);
}

/** A peer run from a TypeScript file that prints `{"port":N}` once listening. */
async function startScriptPeer(script: string, kind: ServerKind, label: string, nodeOptions: string, pathFor: (name: string) => string = () => ''): Promise<Peer> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const match = /\{"port":(\d+)\}/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code}: ${stderr}`)));
  });
  let n = 0;
  return {
    kind,
    label,
    pid: child.pid!,
    newDocument: async () => `doc-${++n}`,
    wsUrl: (name) => `ws://127.0.0.1:${port}${pathFor(name)}`,
    stderr: () => stderr,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => (clearTimeout(timer), resolve()));
        child.kill('SIGTERM');
      }),
  };
}

/** User + system CPU seconds the process has used (/proc/<pid>/stat fields 14 and 15, in clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory in bytes (/proc/<pid>/status VmRSS). */
export function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/**
 * The V8 heap in use after a full garbage collection, read over the inspector protocol (the process
 * must run with --inspect=127.0.0.1:0; its stderr names the address). Collected twice: weak
 * references and finalizers need a second pass before the figure settles.
 */
export async function heapAfterGc(peer: Peer): Promise<number> {
  const match = /ws:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+/.exec(peer.stderr());
  if (!match) throw new Error(`no inspector address in the server's output: ${peer.stderr().slice(0, 500)}`);
  const ws = new WebSocket(match[0]);
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  let id = 0;
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const mine = ++id;
      const onMessage = (data: Buffer) => {
        const reply = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown> };
        if (reply.id !== mine) return;
        ws.off('message', onMessage);
        resolve(reply.result ?? {});
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id: mine, method }));
    });
  await call('HeapProfiler.collectGarbage');
  await call('HeapProfiler.collectGarbage');
  const usage = await call('Runtime.getHeapUsage');
  ws.close();
  return Number(usage.usedSize);
}
