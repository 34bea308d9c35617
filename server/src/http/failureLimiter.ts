/**
 * Counts failed attempts per key (client address) in a sliding window. Used for join codes: a whole
 * class joining from the town hall's one address must not be blocked, but guessing codes must be.
 */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when `key` has failed `maxFailures` times within the window. */
  blocked(key: string): boolean {
    return this.recent(key).length >= this.maxFailures;
  }

  /** Whole seconds until `key` is no longer blocked (0 if it is not). */
  retryAfterSeconds(key: string): number {
    const list = this.recent(key);
    if (list.length < this.maxFailures) return 0;
    const freedAt = list[list.length - this.maxFailures]! + this.windowMs;
    return Math.max(1, Math.ceil((freedAt - this.now()) / 1000));
  }

  fail(key: string): void {
    const list = this.recent(key);
    list.push(this.now());
    this.failures.set(key, list);
    if (this.failures.size > 100_000) this.prune();
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
