import * as Y from 'yjs';
import { encodeSyncStep2FromUpdate, encodeUpdate } from './messages.js';

/** The longest a cold room waits for its first clients to ask before it applies the stored board. */
export const ANSWER_WAIT_MS = 250;
/** How often it looks whether the answers have left this process's buffers meanwhile. */
const DRAIN_POLL_MS = 2;

/** A stored board served as it is: the snapshot, and the rows stored after it. */
export interface StoredBytes {
  snapshot: Uint8Array;
  updates: Uint8Array[];
}

interface Answered {
  closed: boolean;
  readonly socket: { readonly bufferedAmount?: number };
}

/**
 * The first minutes of a cold room that opens from stored bytes it may serve as they are (this process
 * knows them readable and at the current schema). The room's own `Y.applyUpdate` of the whole board
 * is most of a cold open (600 ms of 20,000 notes) and blocks the event loop; a client that knows
 * nothing needs none of it, only the bytes. So the clients' sync step 1 is answered from the stored
 * bytes (`answer`), and the apply starts (`begin`, once) when every connection that came meanwhile has
 * been answered and its answer has left this process's buffers (an answer still queued here would wait
 * out the apply), when something needs the document (`beginNow`), or after `waitMs` at the latest.
 */
export class ColdStart<C extends Answered> {
  private readonly answered = new WeakSet<C>();
  /** How many clients were answered from the stored bytes (for the log). */
  answeredCount = 0;
  private messages: Uint8Array[] | null = null;
  private started = false;
  private readonly deadline: number;
  private readonly timer: NodeJS.Timeout;
  private drainTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly stored: StoredBytes,
    private readonly begin: () => void,
    waitMs = ANSWER_WAIT_MS,
  ) {
    this.deadline = Date.now() + waitMs;
    this.timer = setTimeout(() => this.beginNow(), waitMs);
    this.timer.unref();
  }

  /** Whether the apply has started (from then on the room answers from its document). */
  get begun(): boolean {
    return this.started;
  }

  /**
   * The answer to a sync step 1 from a client that knows nothing: the rows after the snapshot first,
   * merged into one update (they wait at the client, as pending structs, for the snapshot they build
   * on: one wait instead of one per row), then the snapshot as sync step 2, which makes the client
   * synced with all of it. Encoded once, the same buffers for every client.
   */
  answer(conn: C): Uint8Array[] {
    if (!this.answered.has(conn)) this.answeredCount += 1;
    this.answered.add(conn);
    this.messages ??= [...rowsAsOne(this.stored.updates).map((u) => encodeUpdate(u)), encodeSyncStep2FromUpdate(this.stored.snapshot)];
    return this.messages;
  }

  /** Begins the apply once everyone connected has been answered and the answers are on their way. */
  maybeBegin(connections: Iterable<C>): void {
    if (this.started || this.drainTimer) return;
    const open = [...connections].filter((c) => !c.closed);
    if (!open.every((c) => this.answered.has(c))) return;
    const drained = () => open.every((c) => c.closed || (c.socket.bufferedAmount ?? 0) === 0);
    const check = (): void => {
      this.drainTimer = null;
      if (this.started) return;
      if (drained() || Date.now() >= this.deadline) this.beginNow();
      else this.drainTimer = setTimeout(check, DRAIN_POLL_MS);
    };
    check();
  }

  /** Begins the apply now (something needs the document), if it has not begun. */
  beginNow(): void {
    if (this.started) return;
    this.cancel();
    this.started = true;
    this.begin();
  }

  /** Stops the timers without beginning (the room is being dropped). */
  cancel(): void {
    clearTimeout(this.timer);
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.drainTimer = null;
  }
}

/** The rows as one merged update, or as they are if they will not merge (the client then takes each). */
function rowsAsOne(rows: Uint8Array[]): Uint8Array[] {
  if (rows.length < 2) return rows;
  try {
    return [Y.mergeUpdates(rows)];
  } catch {
    return rows;
  }
}

/** Whether an encoded state vector says its client has nothing of any document (a first open). */
export function knowsNothing(encodedStateVector: Uint8Array): boolean {
  for (const clock of Y.decodeStateVector(encodedStateVector).values()) if (clock > 0) return false;
  return true;
}
