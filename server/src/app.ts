import fastifyHelmet from '@fastify/helmet';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ERRORS, SCHEMA_VERSION, isBoardId } from '@sammen/shared';
import { type RetentionPolicy, purgeExpired } from './store/retention.js';
import type { Config } from './config.js';
import { installErrorHandlers, sendError } from './http/errors.js';
import { installJsonParser } from './http/jsonBody.js';
import { addressKey } from './http/addressKey.js';
import { clientAddressResolver } from './http/clientAddress.js';
import { limitBoardConnections } from './http/connectionLimit.js';
import { ProcessConnections, capBoardConnections, capControlConnections } from './http/processConnections.js';
import { Readiness, type ReadinessCheck, READINESS_TIMEOUT_MS } from './http/readiness.js';
import { atOnce, creationLimits } from './http/limits.js';
import { Metrics, metricsRoutes, observeHttp } from './http/metrics.js';
import { OpenPerAddress } from './http/openPerAddress.js';
import { logAddress } from './http/logAddress.js';
import { isOriginAllowed } from './http/origin.js';
import { redactUrl } from './http/redact.js';
import { boardRoutes } from './routes/boards.js';
import { clientRoutes } from './routes/client.js';
import { healthRoutes } from './routes/health.js';
import { syncRoutes } from './routes/sync.js';
import type { DocumentStore, Storage } from './store/DocumentStore.js';
import { groupCommit } from './store/groupCommit.js';
import { type Bus, createLocalBus } from './sync/Bus.js';
import { type RedisBus, createRedisBus } from './cluster/redisBus.js';
import { checkSchemaAtStart } from './cluster/schemaCheckAtStart.js';
import { pingRedis } from './cluster/redis.js';
import { RoomManager } from './sync/RoomManager.js';
import { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { UpdateGate } from './sync/UpdateGate.js';
import { attachControlChannel } from './control/controlChannel.js';
import { createControlPlane } from './cluster/controlPlane.js';
import { workshopRoutes } from './routes/workshops.js';
import { createSyncAuthorizer } from './workshops/access.js';
import { TemplateLibrary, loadBuiltInTemplates } from './templates/TemplateLibrary.js';
import { templateRoutes } from './routes/templates.js';
import { noteGroupRoutes } from './routes/noteGroups.js';
import { outputRoutes } from './routes/outputs.js';
import { createWorkshopGate } from './workshops/WorkshopGate.js';
import { WorkshopService } from './workshops/WorkshopService.js';

export interface AppDeps {
  config: Config;
  storage: Storage;
  bus?: Bus;
  /** Replaces the workshop gate (roles and locks) for every board update. */
  gate?: UpdateGate;
  /** Built-in templates (default: the repository's server/templates folder). */
  builtInTemplatesDir?: string;
  logger?: FastifyServerOptions['logger'];
}

export interface SammenApp {
  app: FastifyInstance;
  rooms: RoomManager;
  workshops: WorkshopService;
  /** `GET /health/ready`'s state; `stop()` it first thing on SIGTERM (app.close() does too). */
  readiness: Readiness;
}

/**
 * Builds the whole server from its dependencies; main.ts only reads config and listens. Closing the
 * app unloads every room (compacting pending history) and then closes the storage.
 */
export async function buildApp(deps: AppDeps): Promise<SammenApp> {
  const { config, storage } = deps;
  const app = Fastify({
    logger: deps.logger ?? {
      level: config.logLevel,
      serializers: {
        // No personal data in logs: the client's network, not its address (see http/logAddress.ts).
        req: (req) => ({ method: req.method, url: redactUrl(req.url), remoteNetwork: logAddress(req.ip) }),
        // @fastify/websocket logs the raw URL of an upgrade to a path without a WebSocket route.
        path: (path: unknown) => (typeof path === 'string' ? redactUrl(path) : path),
      },
    },
    bodyLimit: 1024 * 1024,
    // A request must arrive whole within 5 minutes (Node's own default, which Fastify turns off): a client
    // trickling a body cannot hold an upload place (UPLOADS_AT_ONCE) or a socket for ever.
    requestTimeout: 300_000,
    // X-Forwarded-For only from the proxies the operator named (TRUST_PROXY): trusting everyone would
    // let any client pick the address that rate limits and the join-code lockout count against.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
  });
  // One board schema among the processes on this Redis: an old one beside a new one would write the
  // old layout into migrated boards (schemaGuard.ts).
  if (!deps.bus && config.redisUrl) {
    await checkSchemaAtStart({ url: config.redisUrl, prefix: config.redisPrefix, own: SCHEMA_VERSION, waitMs: config.peerSchemaWaitMs, log: app.log });
  }
  // Board updates and awareness across processes (REDIS_URL); nobody else to tell without it.
  const redisBus: RedisBus | null = !deps.bus && config.redisUrl ? createRedisBus({ url: config.redisUrl, prefix: config.redisPrefix, log: app.log }) : null;
  const bus = deps.bus ?? redisBus ?? createLocalBus();
  let controlConnections = (): number => 0;
  const metrics: Metrics = new Metrics({
    boardConnections: () => [...app.websocketServer.clients].filter((s) => s.readyState === s.OPEN).length,
    controlConnections: () => controlConnections(),
    loadedDocuments: (): string[] => rooms.loadedIds(),
    maxConnections: config.wsConnectionsPerProcess,
    ...(redisBus ? { bus: () => redisBus.stats() } : {}),
  });
  // Group commit: the appends of every room that wait while one commit is on disk share the next one.
  const documents: DocumentStore = metrics.instrumentDocuments(groupCommit(storage.documents));
  // Workshop events, who is online, open boards, creation allowances and socket.io across processes
  // (REDIS_URL); this process's memory without it.
  const plane = createControlPlane({ redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, loadedIds: () => rooms.loadedIds(), log: app.log });
  const limits = creationLimits(config.limits, (action, scope) => metrics.limited(action, scope), plane.makeQuota);
  const uploads = atOnce(config.uploadsAtOnce, () => metrics.limited('uploads', 'server'));
  const retention: RetentionPolicy = { openBoardDays: config.retentionDays, defaultDays: config.retentionDefaultDays, maxDays: config.retentionMaxDays };
  // The gate asks the workshop service for live roles and locks; the service needs the rooms to edit
  // boards. Break the cycle with a late-bound lookup.
  let workshops: WorkshopService | null = null;
  const gate = deps.gate ?? createWorkshopGate((sender) => workshops?.accessFor(sender) ?? null);
  const rooms = new RoomManager({
    store: documents,
    gate,
    bus,
    log: app.log,
    maxDocBytes: config.maxBoardBytes,
    compactAfterUpdates: config.compactAfterUpdates,
    limits: config.connectionLimits,
    idleUnloadMs: config.idleUnloadMs,
    onStored: (docId) => {
      noteActivity(docId);
      // A private note that reached the server after its round was revealed is revealed too.
      workshops?.privateDocumentStored(docId);
    },
    onRefused: (reason) => metrics.refused(reason),
  });
  // Remember when a board last changed (for retention), at most once a minute per board.
  const lastTouched = new Map<string, number>();
  const noteActivity = (docId: string): void => {
    if (!isBoardId(docId)) return;
    const now = Date.now();
    if ((lastTouched.get(docId) ?? 0) > now - 60_000) return;
    lastTouched.set(docId, now);
    storage.boards.touch(docId).catch((err: unknown) => app.log.warn({ err }, 'could not note board activity'));
  };

  workshops = new WorkshopService({
    retention, workshops: storage.workshops, boards: storage.boards, documents, writes: storage, rooms, events: plane.events, online: plane.online, log: app.log,
  });

  installErrorHandlers(app);
  installJsonParser(app);
  await app.register(fastifyHelmet, {
    // Everything the page needs comes from this server: no fonts, scripts or APIs from elsewhere.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // React style attributes
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // TLS is the reverse proxy's business; HSTS from a plain-HTTP server would be wrong.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  // The API is for this site's own pages (and non-browser clients): refuse other sites' pages.
  // Judged on the path as the router matched it: `/%61pi/boards` is routed to `/api/boards` too.
  app.addHook('onRequest', async (request, reply) => {
    // (And on the decoded path too, in case a wildcard route such as the static files matched it.)
    const paths = [request.routeOptions.url ?? '', safeDecode(request.url.split('?')[0] ?? '')];
    const api = paths.some((p) => p.toLowerCase().startsWith('/api/'));
    if (api && !isOriginAllowed(request.headers.origin, request.headers.host, config.allowedOrigins)) {
      return sendError(reply, ERRORS.ORIGIN_NOT_ALLOWED);
    }
  });
  // socket.io and @fastify/websocket both want the server's upgrade requests: the control channel
  // takes /socket.io/, everything else goes to Fastify's WebSocket routes.
  const upgrades = new EventEmitter();
  app.server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/socket.io/')) upgrades.emit('upgrade', req, socket, head);
  });
  await app.register(fastifyWebsocket, {
    // ws would accept 100 MiB; our own check (routes/sync.ts) closes at maxMessageBytes with a reason,
    // this is the hard stop for frames so large we will not even buffer them.
    options: { maxPayload: config.maxMessageBytes * 4, server: upgrades as never },
  });
  observeHttp(app, metrics);
  // Board and control WebSockets together, per process (WS_CONNECTIONS_PER_PROCESS): 503, try another.
  const processConnections = new ProcessConnections(config.wsConnectionsPerProcess);
  capBoardConnections(app, processConnections, () => metrics.busy('board'));
  limitBoardConnections(app, config.wsConnectionsPerAddress, () => metrics.limited('connections', 'address'));
  const readiness = new Readiness(readinessChecks(storage, redisBus, plane.redis), {
    onChange: (name, err) =>
      err ? app.log.warn({ check: name, err: err.message }, 'not ready: a readiness check fails') : app.log.info({ check: name }, 'readiness check answers again'),
  });
  await app.register(healthRoutes, { readiness });
  if (config.metricsToken) await app.register(metricsRoutes, { metrics, token: config.metricsToken });
  await app.register(boardRoutes, { boards: storage.boards, limit: limits.boards });
  const library = new TemplateLibrary(loadBuiltInTemplates(deps.builtInTemplatesDir ?? config.templatesDir), storage.templates);
  await app.register(workshopRoutes, {
    workshops, templates: library, limit: limits.workshops, wrongCodes: plane.wrongCodes, redis: plane.redis, redisPrefix: config.redisPrefix,
  });
  await app.register(templateRoutes, { library, workshops, limit: limits.templates, uploads });
  await app.register(noteGroupRoutes, { workshops });
  await app.register(outputRoutes, {
    workshops,
    storage,
    rooms,
    limitImports: limits.imports,
    uploads,
    maxImportBytes: config.maxImportBytes,
    maxBoardBytes: config.maxBoardBytes,
  });
  const addressOf = clientAddressResolver(config.trustProxy);
  const io = attachControlChannel(app, {
    workshops,
    rooms,
    allowedOrigins: config.allowedOrigins,
    onRefused: (error) => metrics.refusedCommand(error),
    adapter: plane.socketAdapter,
    perAddress: {
      open: new OpenPerAddress(config.wsConnectionsPerAddress),
      addressOf: (req) => addressKey(addressOf(req.socket.remoteAddress, req.headers['x-forwarded-for'])),
      onLimited: () => metrics.limited('connections', 'address'),
    },
  });
  controlConnections = () => io.engine.clientsCount;
  io.engine.use(capControlConnections(processConnections, () => metrics.busy('control')));
  await app.register(syncRoutes, {
    rooms,
    authorize: createSyncAuthorizer(storage.boards, workshops, (boardId) =>
      plane.openBoards.mark([boardId]).catch((err: unknown) => app.log.warn({ err }, 'could not mark the board open'))),
    allowedOrigins: config.allowedOrigins,
    maxMessageBytes: config.maxMessageBytes,
  });
  if (config.clientDir) await app.register(clientRoutes, { clientDir: config.clientDir });

  // Every workshop may have chosen a retention, so the check always runs (one indexed query).
  {
    const purge = () =>
      purgeExpired(storage, rooms, retention, Date.now(), (ids) => plane.openBoards.openAnywhere(ids)).then(
        (ids) => ids.length && app.log.info({ boards: ids.length }, 'deleted boards past the retention period'),
        (err: unknown) => app.log.error({ err }, 'retention purge failed'),
      );
    app.addHook('onReady', async () => void purge());
    const timer = setInterval(purge, 6 * 3600_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  app.addHook('preClose', async () => {
    readiness.stop();
    // Late private notes waiting for their typing to end go on the board before the rooms close.
    await workshops?.revealLateNow();
    // Say goodbye to WebSocket clients before Fastify waits for their connections to end.
    await rooms.close();
  });
  app.addHook('onClose', async () => {
    await plane.close();
    await bus.close();
    await storage.close();
  });
  await plane.ready();
  return { app, rooms, workshops, readiness };
}

/** An id no board has (ids are random base64url): reading it is the store's cheapest real query. */
const READY_PROBE_ID = 'readiness-probe';

/** The store answers a trivial read; with Redis, the bus's link and the control plane's answer PING. */
function readinessChecks(storage: Storage, bus: RedisBus | null, control: Redis | null): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [{ name: 'store', run: async () => void (await storage.boards.get(READY_PROBE_ID)) }];
  if (bus || control) {
    checks.push({
      name: 'redis',
      required: false, // degraded, not unready: see ReadinessCheck.required
      run: async () => {
        await bus?.ping(READINESS_TIMEOUT_MS);
        if (control) await pingRedis(control, READINESS_TIMEOUT_MS);
      },
    });
  }
  return checks;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** TRUST_PROXY as a hop count: the address that many proxies in front of us saw. */
function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}
