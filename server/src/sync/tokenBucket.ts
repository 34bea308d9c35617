/**
 * A token bucket: holds up to `burst` tokens and gains `perSecond` tokens a second. `take(cost)`
 * spends tokens if there are enough. Pure (the clock is passed in), so it is tested without waiting.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Spends `cost` tokens and returns true, or returns false (and spends nothing) when there are too few. */
  take(cost: number, now: number): boolean {
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = now;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perSecond);
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }
}
