import { expect, it } from 'vitest';
import { FailureLimiter } from './failureLimiter.js';

it('blocks a key after too many failures in the window, and forgets them after it', () => {
  let now = 0;
  const limiter = new FailureLimiter(3, 1000, () => now);
  for (let i = 0; i < 3; i++) {
    expect(limiter.blocked('a')).toBe(false);
    limiter.fail('a');
  }
  expect(limiter.blocked('a')).toBe(true);
  expect(limiter.blocked('b')).toBe(false);
  now = 1001;
  expect(limiter.blocked('a')).toBe(false);
});

it('says how long until the key may try again', () => {
  let now = 0;
  const limiter = new FailureLimiter(2, 10_000, () => now);
  expect(limiter.retryAfterSeconds('a')).toBe(0);
  limiter.fail('a');
  now = 4000;
  limiter.fail('a');
  expect(limiter.retryAfterSeconds('a')).toBe(6); // the first failure expires at 10 s
  now = 10_001;
  expect(limiter.retryAfterSeconds('a')).toBe(0);
});
