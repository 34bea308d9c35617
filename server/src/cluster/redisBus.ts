import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Bus, BusMessage, BusSubscriber, BusSubscription } from '../sync/Bus.js';
import { SCHEMA_VERSION } from '@sammen/shared';
import { livePeers, watchPeers } from './peerWatch.js';
import { peerName, reportOtherSchemas } from './schemaGuard.js';
import { type RedisLogger, closeRedis, connectRedis, defineScript, pingRedis, redisKey, withTimeout } from './redis.js';
import { createUpdatePublisher } from './updatePublisher.js';

/**
 * The Bus over Redis Streams: one stream of updates and one of awareness per document.
 *
 * Order: each update is added by a script that records the id of the entry before it (`p`), so a
 * reader that finds `p` different from the last id it read knows it missed entries (the stream was
 * trimmed, expired, or Redis restarted empty) and tells the room to catch up from the store. A reader
 * whose connection dropped catches up too. Every update is stored before it is published, so the
 * store holds whatever fell into such a gap. Awareness is latest-wins and never gap-checked.
 *
 * One connection writes (XADD, leases), one reads with a single blocking XREAD over every subscribed
 * stream; a new subscription wakes that read with CLIENT UNBLOCK so the new stream joins it at once.
 *
 * Bounded while Redis is away: updates are never held for Redis; a dropped one leaves a gap mark (a `g`
 * entry) on its document's stream once the writer is back, on which readers catch up from the store
 * (`updatePublisher.ts`).
 */
export interface RedisBusOptions {
  url: string;
  prefix: string;
  log?: RedisLogger & { error(obj: object, msg?: string): void };
  /** Entries kept per document stream (approximate); a reader further behind catches up from the store. */
  maxLength?: number;
  /** How long an idle document's streams live in Redis. */
  streamTtlMs?: number;
  /** How often this process beats (a peer silent for 3 beats counts as gone; see peerWatch.ts). */
  heartbeatMs?: number;
  /** The board schema this process announces to the others (schemaGuard.ts); the shared one by default. */
  schemaVersion?: number;
  /** Updates handed to Redis and not yet answered, at most; past it (a stalled link) they are dropped. */
  maxPendingPublishes?: number;
}

/** What /metrics and readiness read from the bus. */
export interface BusStats {
  /** Both connections (writer and reader) are up. */
  connected: boolean;
  /** Updates handed to Redis and not yet answered (bounded by `maxPendingPublishes`). */
  pendingPublishes: number;
  /** Updates not published since start (Redis away or the link stalled); their documents got gap marks. */
  droppedPublishes: number;
  /** Documents whose gap mark is still to be written (the link is still down). */
  gapMarksOwed: number;
}

/** The Redis bus, with what operations need to see of it. */
export interface RedisBus extends Bus {
  stats(): BusStats;
  /** Resolves when both connections are up and Redis answers PING within `timeoutMs`; rejects otherwise. */
  ping(timeoutMs: number): Promise<void>;
}

/** XADD after reading the last id, atomically: the entry names its predecessor. */
const ADD = `
local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
local prev = '0-0'
if #last > 0 then prev = last[1][1] end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'o', ARGV[2], 'p', prev, 'd', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return id`;
/** The same for a presence query (a `q` field), on the awareness stream. */
const QUERY = ADD.replace(`'d', ARGV[3])`, `'d', ARGV[3], 'q', '1')`);
/** A gap mark (a `g` field, no data) on an update stream: "updates of mine are in the store only". */
const GAP = ADD.replace(`'d', ARGV[3])`, `'g', '1')`);
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

const DEFAULT_HEARTBEAT_MS = 2000;
const BLOCK_MS = 5000;
/** Where CLIENT ID/UNBLOCK are not allowed (some managed Redis), a board opened later waits at most this. */
const BLOCK_MS_WITHOUT_UNBLOCK = 250;
const READ_COUNT = 1000;
const LEASE_MS = 30_000;
const AWARENESS_MAX_LENGTH = 64;
const POSITION_TIMEOUT_MS = 2000;
const MAX_PENDING_PUBLISHES = 10_000;

interface TrackedDoc {
  docId: string;
  updatesKey: string;
  awarenessKey: string;
  subscribers: Set<BusSubscriber>;
  /** Last entry id read (or the stream's end when subscribing). */
  updatesId: string;
  awarenessId: string;
  /** Read only once positioned; until then XREAD would start from the stream's beginning. */
  positioned: boolean;
  /** Position unknown (Redis was away when subscribing): fix it, then report a gap, before reading. */
  resync: boolean;
  ready: Promise<void>;
}

type StreamReply = Array<[Buffer, Array<[Buffer, Buffer[]]>]> | null;

/** The set of live processes (peerWatch.ts), each named with the schema it writes (schemaGuard.ts). */
export function processesKey(prefix: string): string {
  return redisKey(prefix, 'bus', 'processes');
}

/**
 * The processes live on this Redis now, read without joining them (a process that has not decided to
 * run yet: schemaGuard.ts). `heartbeatMs` as the bus's option.
 */
export async function readLiveProcesses(redis: Redis, prefix: string, heartbeatMs = DEFAULT_HEARTBEAT_MS): Promise<string[]> {
  return livePeers(redis, processesKey(prefix), heartbeatMs * 3);
}

export function createRedisBus(options: RedisBusOptions): RedisBus {
  const { prefix, log } = options;
  const maxLength = options.maxLength ?? 1000;
  const ttlMs = options.streamTtlMs ?? 24 * 3600_000;
  const maxPending = options.maxPendingPublishes ?? MAX_PENDING_PUBLISHES;
  const schemaVersion = options.schemaVersion ?? SCHEMA_VERSION;
  const processId = peerName(schemaVersion, randomUUID());
  const writer = connectRedis({ url: options.url, role: 'bus-write', log });
  // Called by SHA, not sent as text each time (defineScript).
  const scripts = {
    add: defineScript(writer, 'sammenBusAdd', ADD),
    query: defineScript(writer, 'sammenBusQuery', QUERY),
    gap: defineScript(writer, 'sammenBusGap', GAP),
    renew: defineScript(writer, 'sammenLeaseRenew', RENEW),
    release: defineScript(writer, 'sammenLeaseRelease', RELEASE),
  };
  // The reader never queues or resends: a read that failed is followed by a catch-up, not replayed.
  const reader = connectRedis({ url: options.url, role: 'bus-read', log, queueWhileOffline: false });
  const docs = new Map<string, TrackedDoc>();
  const byKey = new Map<string, { doc: TrackedDoc; kind: 'update' | 'awareness' }>();
  let closed = false;

  // The reader loop's view of its connection: every 'ready' is a new connection (a reconnect after
  // the first), after which everything may have been missed.
  let readerEpoch = 0;
  reader.on('ready', () => {
    readerEpoch += 1;
    signal();
  });
  let readerClientId: number | null = null;
  let generation = 0;
  let reading = false;
  let readingGeneration = 0;
  let idleWake: (() => void) | null = null;

  function signal(): void {
    const wake = idleWake;
    idleWake = null;
    wake?.();
  }

  /** Makes the blocked XREAD return, so the next one includes the streams subscribed since. */
  async function wake(): Promise<void> {
    const wanted = ++generation;
    signal();
    for (let attempt = 0; attempt < 100 && !closed; attempt++) {
      if (!reading || readingGeneration >= wanted) return;
      if (readerClientId === null || writer.status !== 'ready') return;
      const unblocked = await writer.call('CLIENT', 'UNBLOCK', readerClientId).catch(() => 0);
      if (unblocked === 1) return;
      // The XREAD is on its way but not blocked yet: try again in a moment.
      await sleep(2);
    }
  }

  /** The ids of the streams' last entries now ('0-0' for an empty or missing stream). */
  async function position(redis: Redis, tracked: TrackedDoc): Promise<{ updatesId: string; awarenessId: string }> {
    const [updates, awareness] = (await Promise.all([
      redis.xrevrange(tracked.updatesKey, '+', '-', 'COUNT', 1),
      redis.xrevrange(tracked.awarenessKey, '+', '-', 'COUNT', 1),
    ])) as Array<Array<[string, string[]]>>;
    return { updatesId: updates?.[0]?.[0] ?? '0-0', awarenessId: awareness?.[0]?.[0] ?? '0-0' };
  }

  function each(tracked: TrackedDoc, call: (s: BusSubscriber) => void): void {
    for (const subscriber of [...tracked.subscribers]) {
      try {
        call(subscriber);
      } catch (err) {
        log?.error({ err, docId: tracked.docId }, 'bus subscriber failed');
      }
    }
  }

  function deliver(reply: NonNullable<StreamReply>): void {
    for (const [keyBuffer, entries] of reply) {
      const ref = byKey.get(keyBuffer.toString());
      if (!ref) continue; // unsubscribed meanwhile
      const tracked = ref.doc;
      let gapReported = false;
      for (const [idBuffer, fields] of entries) {
        const id = idBuffer.toString();
        let origin = '';
        let prev = '';
        let data: Buffer | null = null;
        let query = false;
        let mark = false;
        for (let i = 0; i + 1 < fields.length; i += 2) {
          const name = fields[i]!.toString();
          if (name === 'o') origin = fields[i + 1]!.toString();
          else if (name === 'p') prev = fields[i + 1]!.toString();
          else if (name === 'd') data = fields[i + 1]!;
          else if (name === 'q') query = true;
          else if (name === 'g') mark = true;
        }
        if (ref.kind === 'update') {
          if (prev !== tracked.updatesId && !gapReported) {
            gapReported = true;
            log?.warn({ docId: tracked.docId }, 'bus gap (stream trimmed or Redis lost its data): catching up from the store');
            each(tracked, (s) => s.gap());
          }
          if (mark && origin !== processId && !gapReported) {
            gapReported = true;
            log?.info({ docId: tracked.docId }, 'another process could not publish some updates: catching up from the store');
            each(tracked, (s) => s.gap());
          }
          tracked.updatesId = id;
        } else {
          tracked.awarenessId = id;
        }
        if (origin === processId || !data) continue;
        const kind = query ? 'awareness-query' : ref.kind;
        const message: BusMessage = { kind, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
        each(tracked, (s) => s.message(message));
      }
    }
  }

  async function readLoop(): Promise<void> {
    let seenEpoch = 0;
    while (!closed) {
      if (reader.status !== 'ready') {
        await new Promise<void>((resolve) => (idleWake = resolve));
        continue;
      }
      try {
        if (seenEpoch !== readerEpoch) {
          const reconnected = seenEpoch !== 0;
          seenEpoch = readerEpoch;
          readerClientId = await reader.call('CLIENT', 'ID').then(Number, (err: unknown) => {
            log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'CLIENT ID refused: the bus polls every 250 ms instead of being woken');
            return null;
          });
          if (reconnected) for (const tracked of docs.values()) tracked.resync = true;
        }
        for (const tracked of [...docs.values()].filter((t) => t.resync)) {
          Object.assign(tracked, await position(reader, tracked));
          tracked.resync = false;
          tracked.positioned = true;
          each(tracked, (s) => s.gap());
        }
        const tracked = [...docs.values()].filter((t) => t.positioned);
        if (!tracked.length) {
          await new Promise<void>((resolve) => (idleWake = resolve));
          continue;
        }
        const keys = tracked.flatMap((t) => [t.updatesKey, t.awarenessKey]);
        const ids = tracked.flatMap((t) => [t.updatesId, t.awarenessId]);
        reading = true;
        readingGeneration = generation;
        const reply = (await reader.callBuffer('XREAD', 'COUNT', READ_COUNT, 'BLOCK', readerClientId === null ? BLOCK_MS_WITHOUT_UNBLOCK : BLOCK_MS, 'STREAMS', ...keys, ...ids)) as StreamReply;
        reading = false;
        if (reply) deliver(reply);
      } catch (err) {
        reading = false;
        if (closed) return;
        // The connection dropped under us (or Redis said no): the next 'ready' is a new epoch and
        // every document catches up. Wait a little rather than spin.
        log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'bus read failed');
        await sleep(100);
      }
    }
  }
  void readLoop();
  const peers = watchPeers({
    redis: writer,
    key: processesKey(prefix),
    processId,
    intervalMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
    log,
    ...(log ? { onBeat: reportOtherSchemas(schemaVersion, log) } : {}),
    // It may have stored updates it never published, on any board: every loaded one catches up.
    onPeerGone: () => {
      for (const tracked of docs.values()) each(tracked, (s) => s.gap());
    },
  });

  const updates = createUpdatePublisher({
    writer,
    add: (docId, data) => scripts.add(streamKey(prefix, docId, 'update'), maxLength, processId, data, ttlMs),
    mark: (docId) => scripts.gap(streamKey(prefix, docId, 'update'), maxLength, processId, '', ttlMs),
    maxPending,
    markTimeoutMs: POSITION_TIMEOUT_MS,
    closed: () => closed,
    log,
  });

  return {
    shared: true,

    stats: () => ({
      connected: writer.status === 'ready' && reader.status === 'ready',
      pendingPublishes: updates.pending,
      droppedPublishes: updates.dropped,
      gapMarksOwed: updates.marksOwed,
    }),

    async ping(timeoutMs) {
      if (writer.status !== 'ready' || reader.status !== 'ready') throw new Error(`Redis not connected (writer ${writer.status}, reader ${reader.status})`);
      await pingRedis(writer, timeoutMs);
    },

    publish(docId, message) {
      if (closed) return;
      if (message.kind !== 'update') {
        // Latest-wins and renewed by clients: not worth queueing while Redis is away.
        if (writer.status !== 'ready') return;
        const script = message.kind === 'awareness-query' ? scripts.query : scripts.add;
        script(streamKey(prefix, docId, 'awareness'), AWARENESS_MAX_LENGTH, processId, Buffer.from(message.data), 60_000).catch(() => {});
        return;
      }
      // Never held while Redis is away (updatePublisher.ts): dropped, and a gap mark owed.
      updates.publish(docId, message.data);
    },

    subscribe(docId, subscriber): BusSubscription {
      let tracked = docs.get(docId);
      if (!tracked) {
        const created: TrackedDoc = {
          docId,
          updatesKey: streamKey(prefix, docId, 'update'),
          awarenessKey: streamKey(prefix, docId, 'awareness'),
          subscribers: new Set(),
          updatesId: '0-0',
          awarenessId: '0-0',
          positioned: false,
          resync: false,
          ready: Promise.resolve(),
        };
        docs.set(docId, created);
        byKey.set(created.updatesKey, { doc: created, kind: 'update' });
        byKey.set(created.awarenessKey, { doc: created, kind: 'awareness' });
        created.ready = fixPosition(created);
        tracked = created;
      }
      const current = tracked;
      current.subscribers.add(subscriber);
      return {
        ready: current.ready,
        unsubscribe() {
          current.subscribers.delete(subscriber);
          if (current.subscribers.size > 0 || docs.get(docId) !== current) return;
          docs.delete(docId);
          byKey.delete(current.updatesKey);
          byKey.delete(current.awarenessKey);
        },
      };
    },

    async exclusive(docId, name, task) {
      if (closed) return false;
      const up = await connected(writer, POSITION_TIMEOUT_MS).then(() => true, () => false);
      if (!up) return false;
      const key = redisKey(prefix, 'lease', name, docId);
      const token = randomUUID();
      const taken = await withTimeout(writer.set(key, token, 'PX', LEASE_MS, 'NX'), POSITION_TIMEOUT_MS).catch(() => null);
      if (taken !== 'OK') return false;
      const renew = setInterval(() => void scripts.renew(key, token, LEASE_MS).catch(() => {}), LEASE_MS / 3);
      renew.unref();
      try {
        await task();
        return true;
      } finally {
        clearInterval(renew);
        await withTimeout(scripts.release(key, token), POSITION_TIMEOUT_MS).catch(() => {});
      }
    },

    async close() {
      await peers.stop();
      closed = true;
      signal();
      await Promise.all([closeRedis(writer), Promise.resolve(reader.disconnect())]);
    },
  };

  /**
   * Where reading starts: the stream's last entry now. Anything added later is delivered; anything
   * before is in the store by the time it was added (stored before published). When Redis does not
   * answer soon, the reader fixes the position once it is back and reports a gap instead, so a board
   * still opens while Redis is away.
   */
  async function fixPosition(tracked: TrackedDoc): Promise<void> {
    try {
      await connected(writer, POSITION_TIMEOUT_MS);
      // Assigned only when in time: a late answer must not move a position the reader has fixed since.
      Object.assign(tracked, await withTimeout(position(writer, tracked), POSITION_TIMEOUT_MS));
      tracked.positioned = true;
    } catch {
      tracked.resync = true;
    }
    void wake();
  }
}

function streamKey(prefix: string, docId: string, kind: 'update' | 'awareness'): string {
  return redisKey(prefix, 'doc', docId, kind === 'update' ? 'u' : 'a');
}

/** Resolves when the connection is ready (at once if it is), rejects after `ms`. */
function connected(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return withTimeout(new Promise<void>((resolve) => redis.once('ready', () => resolve())), ms);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
