import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import { Redis } from 'ioredis';

/** The shared Redis tests use: REDIS_URL, or the machine's 127.0.0.1:6379. */
export const SHARED_REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const REDIS_SERVER = process.env.REDIS_SERVER_BIN || '/usr/bin/redis-server';

/**
 * Whether `url` answers PING. When it does not: on CI (`CI=true`) this throws (a scale-out test that
 * silently skips proves nothing); elsewhere it returns the reason, so the caller can skip with it.
 */
export async function checkRedis(url = SHARED_REDIS_URL): Promise<true | string> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 2000 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch (err) {
    const reason = `Redis at ${url} is unreachable (${err instanceof Error ? err.message : String(err)})`;
    if (process.env.CI === 'true') throw new Error(`${reason}; CI must run Redis for this test`, { cause: err });
    return reason;
  } finally {
    redis.disconnect();
  }
}

/** A REDIS_PREFIX no other test (or run) uses, so tests on the shared Redis never see each other. */
export function uniqueRedisPrefix(name: string): string {
  return `test-${name.replace(/[^A-Za-z0-9_.-]/g, '-').slice(0, 32)}-${randomBytes(4).toString('hex')}:`;
}

/** Deletes every key under `prefix` (a test's own keys, when it ends). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    // Redis gone: nothing to clean
  } finally {
    redis.disconnect();
  }
}

export interface OwnRedis {
  url: string;
  port: number;
  /** Stops Redis (SIGTERM). With `--save ''` nothing is kept: a restart starts empty. */
  stop(): Promise<void>;
  /** Kills Redis (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

/**
 * A redis-server of this test's own on a free port, without persistence (`--save '' --appendonly no`),
 * so the test can stop, kill and restart it (and lose its data) without disturbing anyone else.
 * Throws when the binary is missing on CI; returns the reason elsewhere.
 */
export async function startOwnRedis(): Promise<OwnRedis | string> {
  if (!fs.existsSync(REDIS_SERVER)) {
    const reason = `${REDIS_SERVER} is missing (apt-get install redis-server)`;
    if (process.env.CI === 'true') throw new Error(reason);
    return reason;
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    const output: string[] = [];
    child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (c: Buffer) => output.push(c.toString()));
    child.stderr!.on('data', (c: Buffer) => output.push(c.toString()));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}:\n${output.join('')}`);
      if (await answers(url)) return;
      if (Date.now() > deadline) throw new Error(`redis-server did not answer on ${port}:\n${output.join('')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const exit = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });

  await start();
  return { url, port, start, stop: () => exit('SIGTERM'), kill: () => exit('SIGKILL') };
}

async function answers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
