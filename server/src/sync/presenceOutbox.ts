/**
 * Presence changes waiting to be sent, coalesced per room (issue 12: cursor and selection traffic must
 * never crowd out edits). PresenceGuard lets each connection change its presence at most once per
 * interval, but a room of n people moving their cursors would still send n messages to n sockets per
 * interval — n² socket writes, which at 200 people is more than a process can write. Here every
 * change within an interval of the last send goes out together: one message, the latest state of
 * each client that changed, to every socket, at most once per interval. A change after a quiet spell
 * goes out at the end of the current turn of the event loop (setImmediate), without waiting.
 */
export class PresenceOutbox {
  /** Clients whose presence changed since the last send. */
  private readonly changed = new Set<number>();
  /** Those of them to publish to the other processes (not the ones that came from there). */
  private readonly local = new Set<number>();
  private last = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;

  constructor(
    private readonly intervalMs: number,
    /** Sends the latest state of `changed` to the room's sockets, and publishes `local` to the bus. */
    private readonly send: (changed: number[], local: number[]) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Notes that `clients` changed (`local`: by this process's connections, not from the bus). */
  add(clients: readonly number[], local: boolean): void {
    for (const id of clients) {
      this.changed.add(id);
      if (local) this.local.add(id);
    }
    if (this.timer || this.immediate || this.changed.size === 0) return;
    const wait = this.last + this.intervalMs - this.now();
    if (wait <= 0) {
      this.immediate = setImmediate(() => this.flush());
    } else {
      this.timer = setTimeout(() => this.flush(), wait);
      this.timer.unref();
    }
  }

  /** Sends what waits, now. */
  flush(): void {
    this.cancelTimers();
    if (this.changed.size === 0) return;
    this.last = this.now();
    const changed = [...this.changed];
    const local = [...this.local];
    this.changed.clear();
    this.local.clear();
    this.send(changed, local);
  }

  /** Forgets what waits (the room is gone). */
  clear(): void {
    this.cancelTimers();
    this.changed.clear();
    this.local.clear();
  }

  private cancelTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }
}
