import { describe, expect, it } from 'vitest';
import { TokenBucket } from './tokenBucket.js';

describe('TokenBucket', () => {
  it('allows a burst, then refills at the given rate, never above the burst', () => {
    const bucket = new TokenBucket(10, 5, 0);
    for (let i = 0; i < 5; i++) expect(bucket.take(1, 0)).toBe(true);
    expect(bucket.take(1, 0)).toBe(false);
    expect(bucket.take(1, 100)).toBe(true); // 0.1 s later: one token
    expect(bucket.take(1, 100)).toBe(false);
    expect(bucket.take(5, 10_000)).toBe(true); // a long pause refills to the burst only
    expect(bucket.take(1, 10_000)).toBe(false);
  });

  it('charges expensive requests more and spends nothing when refused', () => {
    const bucket = new TokenBucket(1, 10, 0);
    expect(bucket.take(8, 0)).toBe(true);
    expect(bucket.take(3, 0)).toBe(false);
    expect(bucket.take(2, 0)).toBe(true);
  });
});

describe('messageCost', () => {
  it('charges bytes for updates, the whole board for sync step 1, and one token for presence', async () => {
    const { messageCost, SYNC_STEP_1_COST } = await import('./limits.js');
    expect(messageCost(new Uint8Array([0, 2, 1, 0]))).toBe(1);
    expect(messageCost(new Uint8Array(64 * 1024).fill(0, 0, 1).fill(2, 1, 2))).toBe(9);
    expect(messageCost(new Uint8Array([0, 0, 1, 0]))).toBe(1 + SYNC_STEP_1_COST);
    expect(messageCost(new Uint8Array(60 * 1024).fill(1, 0, 1))).toBe(1);
  });
});
