import net from 'node:net';
import path from 'node:path';
import { type ConnectionLimits, DEFAULT_CONNECTION_LIMITS, SYNC_STEP_1_COST } from './sync/limits.js';

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
  /** Open boards (no workshop) unchanged for this many days are deleted; 0 keeps them forever. */
  retentionDays: number;
  /** A new workshop's retention when its facilitator chooses none (days after the last change; 0 keeps). */
  retentionDefaultDays: number;
  /** Most days a facilitator may choose; 0 means no maximum (and "keep" may be chosen). */
  retentionMaxDays: number;
  /** Folder of the built-in workshop templates (JSON). */
  templatesDir: string;
  /** Built client to serve, or null to serve none. */
  clientDir: string | null;
  logLevel: string;
  /** What one board WebSocket may cost: send buffer, message rate, presence (see sync/limits.ts). */
  connectionLimits: ConnectionLimits;
  /**
   * Which peers may tell us the client's address in X-Forwarded-For: `false` (nobody: the address is
   * the TCP peer's), a hop count, or proxy addresses/CIDRs. Never "everyone": then any client could
   * choose its address and dodge or aim the per-address limits.
   */
  trustProxy: false | number | string[];
  /** Bearer token for GET /metrics; null turns the endpoint off (404). */
  metricsToken: string | null;
  /** Anonymous creation limits: per address (IPv6 by /64) and for the whole server, per hour. */
  limits: Record<LimitedAction, { perAddress: number; total: number }>;
  /** Largest backup file accepted on import (each board in it must also fit `maxBoardBytes`). */
  maxImportBytes: number;
  /** Open board WebSockets per client address (IPv6 per /64). */
  wsConnectionsPerAddress: number;
  /**
   * Open WebSockets (board and control channel together) this one process takes; the next is refused
   * with 503 and Retry-After before the upgrade, so the client or the load balancer tries another process.
   */
  wsConnectionsPerProcess: number;
  /**
   * After SIGTERM, how long readiness (`GET /health/ready`) answers 503 while the server still serves,
   * before it stops listening and closes its connections: long enough for the load balancer to notice.
   */
  shutdownDelayMs: number;
  /** Large uploads (backup imports, template files) handled at once by the whole server. */
  uploadsAtOnce: number;
  /**
   * Redis that several server processes share (board updates, awareness, the control channel), or
   * null: one process, nothing crosses. `redis://[:password@]host:port[/db]` or `rediss://` for TLS.
   */
  redisUrl: string | null;
  /** Prefix of every Redis key and channel, so several deployments (or tests) can share one Redis. */
  redisPrefix: string;
  /**
   * With Redis: how long a starting process waits for live processes of another board schema to stop
   * (cluster/schemaGuard.ts) before it refuses to start.
   */
  peerSchemaWaitMs: number;
  /**
   * PostgreSQL that stores everything instead of the SQLite file under `dataDir` (needed when several
   * processes serve the same boards), or null. `postgres://user:password@host:5432/database`.
   */
  databaseUrl: string | null;
  /** Connections each process keeps to PostgreSQL. */
  databasePoolSize: number;
}

/** What anyone without a token can create. */
export type LimitedAction = 'boards' | 'workshops' | 'imports' | 'templates';

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
    ...retention(env),
    templatesDir: path.resolve(path.dirname(new URL(import.meta.url).pathname), '../templates'),
    clientDir: env.CLIENT_DIR === '' ? null : path.resolve(cwd, env.CLIENT_DIR || defaultClientDir()),
    logLevel: env.LOG_LEVEL || 'info',
    connectionLimits: {
      maxBufferedBytes: int(env.WS_MAX_BUFFERED_BYTES, DEFAULT_CONNECTION_LIMITS.maxBufferedBytes, 'WS_MAX_BUFFERED_BYTES', 64 * 1024, 1024 * MiB),
      messagesPerSecond: int(env.WS_MESSAGES_PER_SECOND, DEFAULT_CONNECTION_LIMITS.messagesPerSecond, 'WS_MESSAGES_PER_SECOND', 1, 1_000_000),
      // At least enough for one sync step 1 (which costs SYNC_STEP_1_COST + 1 tokens).
      messageBurst: int(env.WS_MESSAGE_BURST, DEFAULT_CONNECTION_LIMITS.messageBurst, 'WS_MESSAGE_BURST', SYNC_STEP_1_COST + 1, 10_000_000),
      presence: DEFAULT_CONNECTION_LIMITS.presence,
    },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    metricsToken: env.METRICS_TOKEN ? metricsToken(env.METRICS_TOKEN) : null,
    limits: {
      boards: perHour(env, 'BOARDS', 60, 1000),
      workshops: perHour(env, 'WORKSHOPS', 60, 1000),
      imports: perHour(env, 'IMPORTS', 30, 300),
      templates: perHour(env, 'TEMPLATES', 60, 600),
    },
    maxImportBytes: int(env.MAX_IMPORT_BYTES, 64 * MiB, 'MAX_IMPORT_BYTES', 1024, 4096 * MiB),
    wsConnectionsPerAddress: int(env.WS_CONNECTIONS_PER_ADDRESS, 500, 'WS_CONNECTIONS_PER_ADDRESS', 1, 1_000_000),
    wsConnectionsPerProcess: int(env.WS_CONNECTIONS_PER_PROCESS, 10_000, 'WS_CONNECTIONS_PER_PROCESS', 1, 1_000_000),
    shutdownDelayMs: int(env.SHUTDOWN_DELAY_MS, 0, 'SHUTDOWN_DELAY_MS', 0, 600_000),
    uploadsAtOnce: int(env.UPLOADS_AT_ONCE, 2, 'UPLOADS_AT_ONCE', 1, 1000),
    redisUrl: env.REDIS_URL ? redisUrl(env.REDIS_URL) : null,
    redisPrefix: redisPrefix(env.REDIS_PREFIX),
    peerSchemaWaitMs: int(env.PEER_SCHEMA_WAIT_MS, 20_000, 'PEER_SCHEMA_WAIT_MS', 0, 600_000),
    databaseUrl: env.DATABASE_URL ? databaseUrl(env.DATABASE_URL) : null,
    databasePoolSize: int(env.DATABASE_POOL_SIZE, 10, 'DATABASE_POOL_SIZE', 1, 1000),
  };
}

function databaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('DATABASE_URL must be a URL such as postgres://user:password@127.0.0.1:5432/sammen');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}"`);
  }
  return raw;
}

/** `<NAME>_PER_ADDRESS_PER_HOUR` and `<NAME>_PER_HOUR`. */
function perHour(env: NodeJS.ProcessEnv, name: string, perAddress: number, total: number): { perAddress: number; total: number } {
  return {
    perAddress: int(env[`${name}_PER_ADDRESS_PER_HOUR`], perAddress, `${name}_PER_ADDRESS_PER_HOUR`, 1, 10_000_000),
    total: int(env[`${name}_PER_HOUR`], total, `${name}_PER_HOUR`, 1, 100_000_000),
  };
}

function redisUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`REDIS_URL must be a URL such as redis://127.0.0.1:6379, got "${raw}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`REDIS_URL must start with redis:// or rediss://, got "${url.protocol}"`);
  return raw;
}

/** REDIS_PREFIX: letters, digits and `_-.:`, ending in `:` (added when missing). Default `sammen:`. */
function redisPrefix(raw: string | undefined): string {
  const value = (raw ?? '').trim() || 'sammen:';
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(value)) throw new Error(`REDIS_PREFIX may hold only letters, digits and _-.: (at most 64), got "${value}"`);
  return value.endsWith(':') ? value : `${value}:`;
}

function metricsToken(raw: string): string {
  if (raw.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters (it guards /metrics)');
  return raw;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: empty (trust no proxy), a hop count, or a comma-separated list of addresses, CIDRs and
 * the names loopback, linklocal, uniquelocal (what Fastify's `trustProxy` accepts).
 */
export function parseTrustProxy(raw: string | undefined): false | number | string[] {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false') return false;
  if (value === 'true') {
    throw new Error('TRUST_PROXY=true would let any client choose its address; list your proxies (e.g. 127.0.0.1,10.0.0.0/8) or give a hop count');
  }
  if (/^\d+$/.test(value)) return int(value, 0, 'TRUST_PROXY', 0, 20) || false;
  const entries = value.split(',').map((e) => e.trim()).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = net.isIP(address ?? '');
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_NAMES.has(entry) && (family === 0 || !bitsOk || extra !== undefined)) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an address, a CIDR (10.0.0.0/8) or loopback/linklocal/uniquelocal`);
    }
  }
  return entries;
}

/**
 * RETENTION_DAYS (open boards; before 0.2 also workshops) stays the default of RETENTION_DEFAULT_DAYS,
 * so an existing setting keeps its meaning. With a maximum, "keep forever" is no longer a default.
 */
function retention(env: NodeJS.ProcessEnv): Pick<Config, 'retentionDays' | 'retentionDefaultDays' | 'retentionMaxDays'> {
  const retentionDays = int(env.RETENTION_DAYS, 0, 'RETENTION_DAYS', 0, 100 * 365);
  const retentionMaxDays = int(env.RETENTION_MAX_DAYS, 0, 'RETENTION_MAX_DAYS', 0, 100 * 365);
  let retentionDefaultDays = int(env.RETENTION_DEFAULT_DAYS, retentionDays, 'RETENTION_DEFAULT_DAYS', 0, 100 * 365);
  if (retentionMaxDays > 0 && retentionDefaultDays > retentionMaxDays) {
    throw new Error(`RETENTION_DEFAULT_DAYS (${retentionDefaultDays}) must not be more than RETENTION_MAX_DAYS (${retentionMaxDays})`);
  }
  if (retentionMaxDays > 0 && retentionDefaultDays === 0) retentionDefaultDays = retentionMaxDays;
  return { retentionDays, retentionDefaultDays, retentionMaxDays };
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
