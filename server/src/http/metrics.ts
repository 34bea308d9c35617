import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { WebSocket } from 'ws';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { CLOSE, ERRORS, isBoardId } from '@sammen/shared';
import type { BusStats } from '../cluster/redisBus.js';
import type { LimitedAction } from '../config.js';
import type { DocumentStore } from '../store/DocumentStore.js';
import { sendError } from './errors.js';

/** What the metrics read when Prometheus scrapes (nothing is counted on the hot path for gauges). */
export interface MetricSources {
  boardConnections(): number;
  controlConnections(): number;
  loadedDocuments(): string[];
  /** WS_CONNECTIONS_PER_PROCESS. */
  maxConnections?: number;
  /** The Redis bus's link and queue (REDIS_URL), or undefined in one process. */
  bus?: () => BusStats;
}

const CLOSE_NAMES = new Map<number, string>(Object.entries(CLOSE).map(([name, c]) => [c.code, name.toLowerCase()]));

/**
 * The server's Prometheus metrics, in a registry of its own (two apps in one process do not mix):
 * connections, loaded documents, stored updates and their latency, storage failures, refused board
 * messages by reason, connections the server closed by close code, rate-limited requests, and
 * prom-client's process metrics (memory, CPU, event-loop lag).
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly storedUpdates: Counter;
  private readonly storeFailures: Counter;
  private readonly appendSeconds: Histogram;
  private readonly refusedMessages: Counter<'reason'>;
  private readonly closedConnections: Counter<'reason'>;
  private readonly refusedCommands: Counter<'error'>;
  private readonly rateLimited: Counter<'action' | 'scope'>;
  private readonly httpRequests: Counter<'route' | 'status'>;
  private readonly httpSeconds: Histogram;
  private readonly busyRefusals: Counter<'kind'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'sammen_connections',
      help: 'Open connections: board WebSockets (y-websocket) and workshop control channels (socket.io)',
      labelNames: ['kind'],
      registers,
      collect() {
        this.set({ kind: 'board' }, sources.boardConnections());
        this.set({ kind: 'control' }, sources.controlConnections());
      },
    });
    new Gauge({
      name: 'sammen_loaded_documents',
      help: 'Documents held in memory: boards and participants\' private-notes documents',
      labelNames: ['kind'],
      registers,
      collect() {
        const ids = sources.loadedDocuments();
        const boards = ids.filter((id) => isBoardId(id)).length;
        this.set({ kind: 'board' }, boards);
        this.set({ kind: 'private' }, ids.length - boards);
      },
    });
    if (sources.maxConnections !== undefined) {
      const max = sources.maxConnections;
      new Gauge({
        name: 'sammen_connections_max',
        help: 'WebSockets (board and control together) this process takes (WS_CONNECTIONS_PER_PROCESS); the next is refused with 503',
        registers,
        collect() {
          this.set(max);
        },
      });
    }
    if (sources.bus) busMetrics(sources.bus, registers);
    this.busyRefusals = new Counter({
      name: 'sammen_busy_refusals_total',
      help: 'WebSocket connections refused with 503 because this process held WS_CONNECTIONS_PER_PROCESS, by kind (board, control)',
      labelNames: ['kind'],
      registers,
    });
    this.storedUpdates = new Counter({ name: 'sammen_stored_updates_total', help: 'Document updates stored (rate() gives updates per second)', registers });
    this.storeFailures = new Counter({ name: 'sammen_store_failures_total', help: 'Document appends the storage refused (disk full, I/O error): each refused an update', registers });
    this.appendSeconds = new Histogram({
      name: 'sammen_store_append_seconds',
      help: 'Time to store one document update durably (until it is on disk)',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.refusedMessages = new Counter({
      name: 'sammen_refused_messages_total',
      help: 'Board messages refused (the update gate, malformed, too big, board full, rate limit, slow reader, presence for another id or too many ids), by reason',
      labelNames: ['reason'],
      registers,
    });
    this.closedConnections = new Counter({
      name: 'sammen_closed_connections_total',
      help: 'Board WebSockets the server closed, by close code name (refusals, deletions, revoked access, shutdown)',
      labelNames: ['reason'],
      registers,
    });
    this.refusedCommands = new Counter({
      name: 'sammen_refused_commands_total',
      help: 'Control-channel commands answered with an error, by error code (invalid, forbidden, storage_failed...)',
      labelNames: ['error'],
      registers,
    });
    this.httpRequests = new Counter({
      name: 'sammen_http_requests_total',
      help: 'HTTP requests answered, by route pattern and status code',
      labelNames: ['route', 'status'],
      registers,
    });
    this.httpSeconds = new Histogram({
      name: 'sammen_http_request_seconds',
      help: 'Time to answer an HTTP request',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers,
    });
    this.rateLimited = new Counter({
      name: 'sammen_rate_limited_total',
      help: 'Requests refused with 429, by action and by whose allowance ran out (address or server)',
      labelNames: ['action', 'scope'],
      registers,
    });
  }

  /** One answered HTTP request: by route pattern (never the raw URL: ids and tokens stay out) and status. */
  answered(route: string | undefined, status: number, seconds: number): void {
    this.httpRequests.inc({ route: route ?? 'unmatched', status: String(status) });
    this.httpSeconds.observe(seconds);
  }

  /** The same store, with every append timed and counted (the storage itself stays unaware). */
  instrumentDocuments(store: DocumentStore): DocumentStore {
    const append: DocumentStore['append'] = async (docId, update) => {
      const done = this.appendSeconds.startTimer();
      try {
        const seq = await store.append(docId, update);
        this.storedUpdates.inc();
        return seq;
      } catch (err) {
        this.storeFailures.inc();
        throw err;
      } finally {
        done();
      }
    };
    return new Proxy(store, {
      get(target, prop) {
        if (prop === 'append') return append;
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** A board message the room refused (RoomOptions.onRefused). */
  refused(reason: string): void {
    this.refusedMessages.inc({ reason });
  }

  /** A control-channel command refused with `error` (a CommandError code). */
  refusedCommand(error: string): void {
    this.refusedCommands.inc({ error });
  }

  /** A board connection the server closed with `code` (whichever layer decided it). */
  closed(code: number | undefined): void {
    this.closedConnections.inc({ reason: code === undefined ? 'normal' : (CLOSE_NAMES.get(code) ?? `code_${code}`) });
  }

  limited(action: LimitedAction | 'connections' | 'uploads', scope: 'address' | 'server'): void {
    this.rateLimited.inc({ action, scope });
  }

  /** A WebSocket refused because the process is full (WS_CONNECTIONS_PER_PROCESS). */
  busy(kind: 'board' | 'control'): void {
    this.busyRefusals.inc({ kind });
  }
}

/** The bus's state, read at scrape time: is the link up, how much waits, how much was not published. */
function busMetrics(stats: () => BusStats, registers: Registry[]): void {
  new Gauge({
    name: 'sammen_bus_connected',
    help: '1 while both Redis connections of the board bus are up, else 0',
    registers,
    collect() {
      this.set(stats().connected ? 1 : 0);
    },
  });
  new Gauge({
    name: 'sammen_bus_pending_publishes',
    help: 'Board updates handed to Redis and not yet answered (bounded; never queued while Redis is away)',
    registers,
    collect() {
      this.set(stats().pendingPublishes);
    },
  });
  new Gauge({
    name: 'sammen_bus_gap_marks_owed',
    help: 'Boards with updates not published while Redis was away, whose gap mark (others catch up from the store) is still to be written',
    registers,
    collect() {
      this.set(stats().gapMarksOwed);
    },
  });
  new Counter({
    name: 'sammen_bus_dropped_publishes_total',
    help: 'Board updates stored but not published because Redis was away (the others catch them up from the store)',
    registers,
    collect() {
      // A counter read from the bus's own count (it only grows).
      this.reset();
      this.inc(stats().droppedPublishes);
    },
  });
}

/**
 * Counts every HTTP answer, and every board connection the server closes — whichever layer decided it
 * (the room, the sync route, back-pressure) and once, though several may close the same socket. Call
 * after @fastify/websocket is registered.
 */
export function observeHttp(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (request, reply) => {
    metrics.answered(request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.websocketServer.on('connection', (socket: WebSocket) => {
    const close = socket.close.bind(socket);
    socket.close = (code, reason) => {
      if (socket.readyState === socket.OPEN) metrics.closed(code);
      close(code, reason);
    };
  });
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** `GET /metrics` for Prometheus, only with `Authorization: Bearer <METRICS_TOKEN>`. */
export const metricsRoutes: FastifyPluginAsync<{ metrics: Metrics; token: string }> = async (app, { metrics, token }) => {
  const expected = digest(`Bearer ${token}`);
  // Scraped every few seconds: not worth a log line each time (failures are still logged).
  app.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
    const header = request.headers.authorization ?? '';
    if (!timingSafeEqual(digest(header), expected)) return sendError(reply, ERRORS.UNAUTHORIZED, 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>.');
    return reply.type(metrics.registry.contentType).header('cache-control', 'no-store').send(await metrics.registry.metrics());
  });
};
