import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { redisKey } from './redis.js';

/**
 * What one process tells the others about a workshop. Only ids travel: every process reads the
 * state itself from the shared store, and computes the views of its own sockets (views differ per
 * recipient, so none is ever broadcast).
 */
export type WorkshopEvent =
  /** State, members or links changed: drop the cached copy and send every local socket its view. */
  | { type: 'changed'; workshopId: string }
  /** A member was removed, or (memberId null) the observer link was renewed: close their sockets. */
  | { type: 'accessRevoked'; workshopId: string; memberId: string | null }
  /** The workshop is being deleted: forget it, close its rooms and sockets. */
  | { type: 'deleted'; workshopId: string; boardId: string; memberIds: string[] };

/** Publishes workshop events to the other processes and hands theirs to this one. */
export interface WorkshopEventBus {
  /** This process's id (also what marks its own messages). */
  readonly processId: string;
  /** Resolves once this process hears others (subscribed), so nothing is missed after start-up. */
  ready(): Promise<void>;
  /** Tells every other process; resolves once Redis has taken it (or at once in one process). */
  publish(event: WorkshopEvent): Promise<void>;
  /** Events from other processes (never this process's own). */
  subscribe(handler: (event: WorkshopEvent) => void): void;
  /** After Redis came back: events may have been missed, so every cached workshop is suspect. */
  onResync(handler: () => void): void;
  close(): Promise<void>;
}

export const newProcessId = (): string => randomBytes(8).toString('hex');

/** One process: there is nobody to tell. */
export function createLocalWorkshopEvents(): WorkshopEventBus {
  return { processId: newProcessId(), ready: async () => {}, publish: async () => {}, subscribe: () => {}, onResync: () => {}, close: async () => {} };
}

/**
 * Redis pub/sub on `<prefix>workshops`. Pub/sub delivers nothing sent while a subscriber was
 * disconnected, so after a reconnect the `onResync` handlers run: the caller drops every cached
 * workshop (the store has the truth) and refreshes its sockets' views.
 */
export function createRedisWorkshopEvents(options: {
  publisher: Redis;
  subscriber: Redis;
  prefix: string;
  processId?: string;
  log?: { warn(obj: object, msg?: string): void };
}): WorkshopEventBus {
  const processId = options.processId ?? newProcessId();
  const channel = redisKey(options.prefix, 'workshops');
  const handlers: Array<(event: WorkshopEvent) => void> = [];
  const resyncs: Array<() => void> = [];
  const { publisher, subscriber } = options;
  let subscribedOnce = false;
  const subscribed = subscriber.subscribe(channel).then(() => (subscribedOnce = true));
  subscribed.catch((err: unknown) => options.log?.warn({ err }, 'could not subscribe to workshop events'));
  subscriber.on('ready', () => {
    // ioredis resubscribes by itself; what was published meanwhile is gone, so start from the store.
    if (subscribedOnce) for (const resync of resyncs) resync();
  });
  subscriber.on('message', (ch: string, raw: string) => {
    if (ch !== channel) return;
    let message: { from: string; event: WorkshopEvent };
    try {
      message = JSON.parse(raw) as { from: string; event: WorkshopEvent };
    } catch {
      return;
    }
    if (message.from === processId) return;
    for (const handler of handlers) handler(message.event);
  });
  return {
    processId,
    ready: () => subscribed.then(() => undefined),
    async publish(event) {
      await publisher.publish(channel, JSON.stringify({ from: processId, event }));
    },
    subscribe(handler) {
      handlers.push(handler);
    },
    onResync(handler) {
      resyncs.push(handler);
    },
    async close() {
      await subscriber.unsubscribe(channel).catch(() => undefined);
    },
  };
}
