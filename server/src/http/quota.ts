/** Whether an action may go ahead, and if not, when to try again. */
export type QuotaAnswer = { ok: true } | { ok: false; retryAfterSeconds: number; scope: 'address' | 'server' };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets for anonymous creation (boards, workshops, imports): one per client address and one
 * for the whole server, each holding `perHour` tokens and refilling at `perHour` an hour. A burst (a
 * class making its boards at once) passes; a steady flood is held to the hourly rate; the answer says
 * how long until the next token. A refusal costs nothing from either bucket.
 */
export class Quota {
  private readonly buckets = new Map<string, Bucket>();
  private readonly server: Bucket;

  constructor(
    private readonly perAddress: number,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.server = { tokens: total, at: now() };
  }

  take(address: string): QuotaAnswer {
    const bucket = this.buckets.get(address) ?? { tokens: this.perAddress, at: this.now() };
    this.refill(bucket, this.perAddress);
    this.refill(this.server, this.total);
    if (bucket.tokens < 1) return { ok: false, retryAfterSeconds: this.wait(bucket, this.perAddress), scope: 'address' };
    if (this.server.tokens < 1) return { ok: false, retryAfterSeconds: this.wait(this.server, this.total), scope: 'server' };
    bucket.tokens -= 1;
    this.server.tokens -= 1;
    this.buckets.set(address, bucket);
    if (this.buckets.size > 100_000) this.forgetFull();
    return { ok: true };
  }

  private refill(bucket: Bucket, perHour: number): void {
    const now = this.now();
    bucket.tokens = Math.min(perHour, bucket.tokens + ((now - bucket.at) * perHour) / 3600_000);
    bucket.at = now;
  }

  private wait(bucket: Bucket, perHour: number): number {
    return Math.max(1, Math.ceil(((1 - bucket.tokens) * 3600) / perHour));
  }

  /** A full bucket is the same as no bucket: drop them so that many addresses cannot fill memory. */
  private forgetFull(): void {
    for (const [key, bucket] of this.buckets) {
      this.refill(bucket, this.perAddress);
      if (bucket.tokens >= this.perAddress) this.buckets.delete(key);
    }
  }
}
