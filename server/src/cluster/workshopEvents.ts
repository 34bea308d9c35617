import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { redisKey, withTimeout } from './redis.js';

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

/** Revocations and deletions queued while the publisher is away, at most. */
const MAX_QUEUED_WHILE_AWAY = 1000;
/** How long a command waits for Redis to take its event. */
const ANSWER_MS = 1000;

export const newProcessId = (): string => randomBytes(8).toString('hex');

/** One process: there is nobody to tell. */
export function createLocalWorkshopEvents(): WorkshopEventBus {
  return { processId: newProcessId(), ready: async () => {}, publish: async () => {}, subscribe: () => {}, onResync: () => {}, close: async () => {} };
}

/**
 * Redis pub/sub on `<prefix>workshops`. Pub/sub delivers nothing sent while a subscriber was
 * disconnected, so after a reconnect the `onResync` handlers run: the caller drops every cached
 * workshop (the store has the truth) and refreshes its sockets' views.
 *
 * While the publisher is disconnected nothing waits for it: a command must be answered at once, and
 * memory must not grow with every command until Redis is back. A `changed` event is dropped (the
 * publish rejects) and, once the publisher is back, the `onResync` handlers run here too, which tell the
 * others about every cached workshop (also when only this process's link dropped and the others have
 * nothing to resync). Revocations and deletions, rare and not recoverable from a `changed`, are queued
 * for the reconnect without being waited for (at most MAX_QUEUED_WHILE_AWAY; past it, dropped as well).
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
  let missed = false;
  let queuedWhileAway = 0;
  publisher.on('ready', () => {
    queuedWhileAway = 0;
    if (!missed) return;
    missed = false;
    for (const resync of resyncs) resync();
  });
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
      const message = JSON.stringify({ from: processId, event });
      if (publisher.status === 'ready') {
        // Written just as the link dropped, it would wait for the reconnect (then it is resent): the
        // command does not wait, and the others are told again once the publisher is back.
        await withTimeout(publisher.publish(channel, message), ANSWER_MS).catch((err: unknown) => {
          missed = true;
          throw err;
        });
        return;
      }
      if (event.type !== 'changed' && queuedWhileAway < MAX_QUEUED_WHILE_AWAY) {
        queuedWhileAway += 1;
        void publisher.publish(channel, message).catch(() => undefined);
        return;
      }
      missed = true;
      throw new Error('Redis is away: the other processes re-read this workshop once it is back');
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
