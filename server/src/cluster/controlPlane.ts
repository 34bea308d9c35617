import { createAdapter } from '@socket.io/redis-adapter';
import type { LimitedAction } from '../config.js';
import { type CreationQuota, localQuota, redisQuota } from '../http/redisQuota.js';
import { type FailureCounter, localFailures, redisFailures } from '../http/sharedFailures.js';
import type { Redis } from 'ioredis';
import { type OnlineMembers, createLocalOnlineMembers, createRedisOnlineMembers } from './onlineMembers.js';
import { type OpenBoards, createLocalOpenBoards, createRedisOpenBoards } from './openBoards.js';
import { type RedisLogger, closeRedis, connectRedis, redisKey } from './redis.js';
import { type WorkshopEventBus, createLocalWorkshopEvents, createRedisWorkshopEvents, newProcessId } from './workshopEvents.js';

/**
 * What several processes share to run workshops together (everything but the board documents, which
 * travel on the Bus): workshop events, who is online, which boards are open, creation allowances, and
 * the socket.io adapter. Without REDIS_URL each part is this process's own memory.
 */
export interface ControlPlane {
  events: WorkshopEventBus;
  online: OnlineMembers;
  openBoards: OpenBoards;
  makeQuota: (action: LimitedAction, perAddress: number, total: number) => CreationQuota;
  /** Wrong join codes per address (a sliding window). */
  wrongCodes: (maxFailures: number, windowMs: number) => FailureCounter;
  /** A connection that never waits for a reconnect (for request limits), or null without Redis. */
  redis: Redis | null;
  /** For `new Server({ adapter })`; undefined: socket.io's in-memory adapter. */
  socketAdapter?: ReturnType<typeof createAdapter>;
  /** Resolves once this process receives what the others publish. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function createControlPlane(options: {
  redisUrl: string | null;
  redisPrefix: string;
  /** Documents this process has loaded now (refreshes the open-board marks). */
  loadedIds: () => string[];
  log?: RedisLogger & { error(obj: object, msg?: string): void };
}): ControlPlane {
  const { redisUrl, redisPrefix: prefix, log } = options;
  if (!redisUrl) {
    return {
      events: createLocalWorkshopEvents(),
      online: createLocalOnlineMembers(),
      openBoards: createLocalOpenBoards(),
      makeQuota: (_action, perAddress, total) => localQuota(perAddress, total),
      wrongCodes: localFailures,
      redis: null,
      ready: async () => {},
      close: async () => {},
    };
  }
  const processId = newProcessId();
  // Writers whose order matters wait for a reconnect; the quota and retention's reads must not hang.
  const writer = connectRedis({ url: redisUrl, role: 'control', log });
  const reader = connectRedis({ url: redisUrl, role: 'control-read', log, queueWhileOffline: false });
  const subscriber = connectRedis({ url: redisUrl, role: 'control-events', log });
  const adapterPub = connectRedis({ url: redisUrl, role: 'socketio-pub', log });
  const adapterSub = connectRedis({ url: redisUrl, role: 'socketio-sub', log });
  const events = createRedisWorkshopEvents({ publisher: writer, subscriber, prefix, processId, log });
  const openBoards = createRedisOpenBoards({ redis: reader, prefix, loadedIds: options.loadedIds });
  const online = createRedisOnlineMembers({ redis: writer, prefix, processId });
  return {
    events,
    online,
    openBoards,
    makeQuota: (action, perAddress, total) =>
      redisQuota({ redis: reader, prefix, name: action, perAddress, total, onError: (err) => log?.warn({ err }, 'shared rate limit unavailable; this process counts alone') }),
    wrongCodes: (maxFailures, windowMs) =>
      redisFailures({ redis: reader, prefix, name: 'join-codes', maxFailures, windowMs, onError: (err) => log?.warn({ err }, 'shared join-code lockout unavailable; this process counts alone') }),
    redis: reader,
    socketAdapter: createAdapter(adapterPub, adapterSub, { key: redisKey(prefix, 'socket.io') }),
    ready: () => events.ready(),
    async close() {
      await online.close();
      await openBoards.close();
      await events.close();
      await Promise.all([writer, reader, subscriber, adapterPub, adapterSub].map(closeRedis));
    },
  };
}
