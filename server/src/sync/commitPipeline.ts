import * as Y from 'yjs';

/**
 * The updates of one room on their way to disk. Each is handed to the store as soon as it is accepted
 * (so the group committer can put several of them, and other rooms', in one transaction), and applied
 * only after it — and every update accepted before it — has settled, in the order they were accepted.
 * A room may therefore judge update n+1 while n is still being written: it does so only when n+1
 * integrates completely into the document without n (it does not build on anything in flight), so
 * judging it against the document as it is equals judging it in an order where it came first.
 */
export class CommitPipeline {
  private chain: Promise<void> = Promise.resolve();
  private inFlight = 0;

  constructor(private readonly onApplyError: (err: unknown) => void) {}

  /** Whether any update is still being stored or waits to be applied. */
  get busy(): boolean {
    return this.inFlight > 0;
  }

  /**
   * Starts `store()` now; runs `apply` once it has succeeded and everything added before has settled,
   * or `fail` with its error. `apply` and `fail` run in the order the updates were added.
   */
  add(store: () => Promise<unknown>, apply: () => void, fail: (err: unknown) => void): void {
    this.inFlight += 1;
    const stored = store();
    stored.catch(() => {}); // settled below, in order; never an unhandled rejection meanwhile
    this.chain = this.chain
      .then(() => stored)
      .then(apply, fail)
      .catch(this.onApplyError)
      .finally(() => {
        this.inFlight -= 1;
      });
  }

  /** Resolves when every update added so far has been applied or has failed. */
  settled(): Promise<void> {
    return this.chain;
  }
}

/**
 * Document changes waiting to be sent, merged per turn of the event loop: the updates a commit
 * released together (from several clients, in one room) go to every socket as one message, encoded
 * once, instead of one message per update per socket. Nothing waits on a timer: the batch is sent at
 * the end of the turn in which the first of it was applied (setImmediate), and `flush` sends at once.
 */
export class BroadcastOutbox<C> {
  private pending: Array<{ update: Uint8Array; except: C | null }> = [];
  private scheduled = false;

  constructor(private readonly send: (update: Uint8Array, except: C | null) => void) {}

  push(update: Uint8Array, except: C | null): void {
    this.pending.push({ update, except });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Sends what waits: one update as it is (not back to its sender), several merged to everyone. */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    if (batch.length === 1) this.send(batch[0]!.update, batch[0]!.except);
    // A sender that gets its own change back ignores it (Yjs applies what it has as a no-op).
    else this.send(Y.mergeUpdates(batch.map((b) => b.update)), null);
  }

  /** Forgets what waits (the room is gone). */
  clear(): void {
    this.pending = [];
  }
}
