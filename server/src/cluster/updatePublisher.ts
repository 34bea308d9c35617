import type { Redis } from 'ioredis';
import { withTimeout } from './redis.js';

/**
 * Publishes board updates to their streams without ever holding them for Redis: an update published
 * while the writer is not connected, or while `maxPending` are still unanswered (a stalled link), is
 * dropped and its document remembered. Once the writer is back a gap mark goes to each such document's
 * stream, and every reader catches that document up from the store, which already holds the dropped
 * updates (every update is stored before it is published). So an outage costs a store read per
 * document, never memory that grows with it, and loses nothing, also when only this process's own link
 * dropped and the others saw no gap of their own. (ioredis would have queued every command.)
 */
export interface UpdatePublisher {
  publish(docId: string, data: Uint8Array): void;
  /** Handed to Redis and not yet answered. */
  readonly pending: number;
  /** Not published since start; their documents were owed gap marks. */
  readonly dropped: number;
  /** Documents whose gap mark is still to be written. */
  readonly marksOwed: number;
}

export function createUpdatePublisher(options: {
  writer: Redis;
  /** Adds one update entry to the document's stream. */
  add(docId: string, data: Buffer): Promise<unknown>;
  /** Adds a gap mark to the document's stream. */
  mark(docId: string): Promise<unknown>;
  maxPending: number;
  /** How long a gap mark may take before it is tried again at the next reconnect. */
  markTimeoutMs: number;
  closed(): boolean;
  log?: { warn(obj: object, msg?: string): void };
}): UpdatePublisher {
  const { writer, log } = options;
  // Document → a counter, so a mark written while another update of that document was dropped does
  // not clear the newer debt.
  const owed = new Map<string, number>();
  let pending = 0;
  let dropped = 0;
  let marking = false;
  writer.on('ready', () => void writeMarks());

  /** Writes the owed gap marks, one document at a time; what fails stays owed for the next 'ready'. */
  async function writeMarks(): Promise<void> {
    if (marking || options.closed()) return;
    marking = true;
    try {
      for (const [docId, debt] of [...owed]) {
        if (options.closed() || writer.status !== 'ready') return;
        const ok = await withTimeout(options.mark(docId), options.markTimeoutMs).then(
          () => true,
          () => false,
        );
        if (!ok) return;
        if (owed.get(docId) === debt) owed.delete(docId);
      }
    } finally {
      marking = false;
    }
  }

  function drop(docId: string): void {
    if (dropped === 0 || owed.size === 0) log?.warn({ docId }, 'Redis unavailable: updates are stored but not published; other processes catch up from the store once it is back');
    dropped += 1;
    owed.set(docId, (owed.get(docId) ?? 0) + 1);
  }

  return {
    publish(docId, data) {
      if (writer.status !== 'ready' || pending >= options.maxPending) return drop(docId);
      pending += 1;
      options.add(docId, Buffer.from(data)).then(
        () => {
          pending -= 1;
          // A stalled link that recovered without a reconnect: the marks go now.
          if (owed.size && !marking) void writeMarks();
        },
        (err: unknown) => {
          pending -= 1;
          if (options.closed()) return;
          log?.warn({ err, docId }, 'could not publish an update: the others catch up from the store');
          drop(docId);
        },
      );
    },
    get pending() {
      return pending;
    },
    get dropped() {
      return dropped;
    },
    get marksOwed() {
      return owed.size;
    },
  };
}
