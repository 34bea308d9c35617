import path from 'node:path';

/** Everything the server reads from its environment, read once in main.ts and passed down. */
export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded store (SQLite file `sammen.db`). */
  dataDir: string;
  /**
   * Origins allowed to open board WebSockets and call the API from a browser. Empty means
   * same-origin only (the Origin's host must equal the Host header).
   */
  allowedOrigins: string[];
  /** Largest WebSocket message accepted; larger closes the socket with 1009. */
  maxMessageBytes: number;
  /** Largest board (stored snapshot plus pending updates); an update past it is refused with 4413. */
  maxBoardBytes: number;
  /** How long a board with no connections stays in memory. */
  idleUnloadMs: number;
  /** Pending updates of a board that trigger a background compaction into a snapshot. */
  compactAfterUpdates: number;
  /** Boards unchanged for this many days are deleted with everything they hold; 0 keeps them forever. */
  retentionDays: number;
  /** Folder of the built-in workshop templates (JSON). */
  templatesDir: string;
  /** Built client to serve, or null to serve none. */
  clientDir: string | null;
  logLevel: string;
}

const MiB = 1024 * 1024;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  return {
    port: int(env.PORT, 8080, 'PORT', 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(cwd, env.DATA_DIR || './data'),
    allowedOrigins: (env.ALLOWED_ORIGINS || '')
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
    maxMessageBytes: int(env.MAX_MESSAGE_BYTES, 2 * MiB, 'MAX_MESSAGE_BYTES', 1024, 64 * MiB),
    maxBoardBytes: int(env.MAX_BOARD_BYTES, 32 * MiB, 'MAX_BOARD_BYTES', 1024, 1024 * MiB),
    idleUnloadMs: int(env.IDLE_UNLOAD_MS, 30_000, 'IDLE_UNLOAD_MS', 0, 24 * 3600_000),
    compactAfterUpdates: int(env.COMPACT_AFTER_UPDATES, 500, 'COMPACT_AFTER_UPDATES', 1, 1_000_000),
    retentionDays: int(env.RETENTION_DAYS, 0, 'RETENTION_DAYS', 0, 100 * 365),
    templatesDir: path.resolve(path.dirname(new URL(import.meta.url).pathname), '../templates'),
    clientDir: env.CLIENT_DIR === '' ? null : path.resolve(cwd, env.CLIENT_DIR || defaultClientDir()),
    logLevel: env.LOG_LEVEL || 'info',
  };
}

function defaultClientDir(): string {
  // server/dist/config.js → client/dist, independent of the working directory.
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../client/dist');
}

function int(raw: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return n;
}
