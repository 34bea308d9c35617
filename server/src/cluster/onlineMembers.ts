import type { Redis } from 'ioredis';
import { redisKey, withTimeout } from './redis.js';

/**
 * Who is connected to a workshop's control channel, on any process: the facilitator sees every
 * participant as online wherever they are connected, and a step "runs" while any participant is.
 */
export interface OnlineMembers {
  /** One more (+1) or one fewer (-1) socket of `memberId` on this process. */
  change(workshopId: string, memberId: string, delta: 1 | -1): Promise<void>;
  /** Members with at least one socket on a live process. */
  list(workshopId: string): Promise<Set<string>>;
  /**
   * Writes this process's counts again (after Redis restarted and kept nothing), so that sockets that
   * stayed connected here through the outage count as online everywhere.
   */
  resync(): Promise<void>;
  close(): Promise<void>;
}

/** This process's own counts (all there is in one process; the local part of the shared count). */
class LocalCounts {
  readonly counts = new Map<string, Map<string, number>>(); // workshopId → memberId → sockets

  change(workshopId: string, memberId: string, delta: 1 | -1): number {
    const counts = this.counts.get(workshopId) ?? new Map<string, number>();
    const next = (counts.get(memberId) ?? 0) + delta;
    if (next > 0) counts.set(memberId, next);
    else counts.delete(memberId);
    if (counts.size) this.counts.set(workshopId, counts);
    else this.counts.delete(workshopId);
    return Math.max(0, next);
  }

  members(workshopId: string): Set<string> {
    return new Set(this.counts.get(workshopId)?.keys() ?? []);
  }
}

export function createLocalOnlineMembers(): OnlineMembers {
  const local = new LocalCounts();
  return {
    change: async (w, m, d) => void local.change(w, m, d),
    list: async (w) => local.members(w),
    resync: async () => {},
    close: async () => {},
  };
}

/** How long a process counts as alive after its last heartbeat. */
const ALIVE_MS = 30_000;
const HEARTBEAT_MS = 10_000;
/** How long a view or a connect waits for Redis before it goes on with this process's own counts. */
const ANSWER_MS = 1000;

/**
 * Shared counts: hash `<prefix>online:<workshopId>`, field `<processId>|<memberId>` = that process's
 * sockets of the member; each process keeps `<prefix>process:<processId>` alive with a TTL. A process
 * that dies leaves its fields behind, but without its heartbeat key they no longer count (and the next
 * reader deletes them), so a crash never leaves citizens "online" for ever.
 */
export function createRedisOnlineMembers(options: { redis: Redis; prefix: string; processId: string }): OnlineMembers {
  const { redis, prefix, processId } = options;
  const local = new LocalCounts();
  const hash = (workshopId: string) => redisKey(prefix, 'online', workshopId);
  const aliveKey = (id: string) => redisKey(prefix, 'process', id);
  const beat = () => redis.set(aliveKey(processId), '1', 'PX', ALIVE_MS).catch(() => undefined);
  void beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  timer.unref();
  /** Members who left (count 0) while Redis was away: their fields go when the counts are written. */
  const leftWhileAway = new Map<string, [workshopId: string, memberId: string]>();
  const writeAll = async () => {
    const left = [...leftWhileAway.values()];
    leftWhileAway.clear();
    for (const [workshopId, memberId] of left) {
      if (!local.members(workshopId).has(memberId)) await redis.hdel(hash(workshopId), `${processId}|${memberId}`);
    }
    for (const [workshopId, counts] of local.counts) {
      await redis.hset(hash(workshopId), ...[...counts].flatMap(([m, n]) => [`${processId}|${m}`, String(n)]));
    }
  };
  // While Redis is away nothing waits for it (a view, a command must not hang until it is back, nor
  // queue a write per connect): the counts change in memory, and are written whole once it is back.
  let stale = false;
  // Before the first connect, writes wait for it (start-up, not an outage: the server listens only
  // once Redis answered).
  let everReady = redis.status === 'ready';
  redis.on('ready', () => {
    everReady = true;
    if (!stale) return;
    stale = false;
    // After the commands ioredis resends on 'ready' (a count written just before the drop), not before.
    setImmediate(() => void writeAll().catch(() => (stale = true)));
  });

  return {
    async change(workshopId, memberId, delta) {
      const left = local.change(workshopId, memberId, delta);
      if (redis.status !== 'ready' && everReady) {
        stale = true;
        if (left === 0) leftWhileAway.set(`${workshopId}|${memberId}`, [workshopId, memberId]);
        return;
      }
      const field = `${processId}|${memberId}`;
      // A day without any change and the hash goes (every process that held a field is long gone).
      const write: Promise<unknown> = left > 0 ? redis.multi().hset(hash(workshopId), field, String(left)).pexpire(hash(workshopId), 24 * 3600_000).exec() : redis.hdel(hash(workshopId), field);
      // Sent as the link dropped: it waits for the reconnect, the caller does not (written whole then).
      if (!everReady) await write;
      else await withTimeout(write, ANSWER_MS).catch(() => (stale = true));
    },
    async list(workshopId) {
      // Redis away: this process's own sockets are all it knows for now.
      if (redis.status !== 'ready') return new Set(local.members(workshopId));
      const read = await withTimeout(
        (async () => {
          const fields = await redis.hgetall(hash(workshopId));
          const entries = Object.keys(fields).map((field) => field.split('|') as [string, string]);
          const processes = [...new Set(entries.map(([p]) => p))];
          const alive = processes.length ? await redis.mget(processes.map(aliveKey)) : [];
          return { entries, processes, alive };
        })(),
        ANSWER_MS,
      ).catch(() => null);
      if (!read) return new Set(local.members(workshopId));
      const { entries, processes, alive } = read;
      const live = new Set(processes.filter((_, i) => alive[i] !== null));
      live.add(processId);
      const dead = entries.filter(([p]) => !live.has(p)).map(([p, m]) => `${p}|${m}`);
      if (dead.length) void redis.hdel(hash(workshopId), ...dead).catch(() => undefined);
      const online = new Set(entries.filter(([p]) => live.has(p) && p !== processId).map(([, m]) => m));
      // This process's own sockets from memory: exact even while Redis catches up.
      for (const m of local.members(workshopId)) online.add(m);
      return online;
    },
    async resync() {
      await beat();
      await writeAll();
    },
    async close() {
      clearInterval(timer);
      for (const [workshopId, counts] of local.counts) {
        await redis.hdel(hash(workshopId), ...[...counts.keys()].map((m) => `${processId}|${m}`)).catch(() => undefined);
      }
      await redis.del(aliveKey(processId)).catch(() => undefined);
    },
  };
}
