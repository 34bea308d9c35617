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
