import { expect, it } from 'vitest';
import { Quota } from './quota.js';

it('lets a burst through, then refuses the address with the time until its next token', () => {
  let now = 0;
  const quota = new Quota(3, 100, () => now);
  for (let i = 0; i < 3; i++) expect(quota.take('a').ok).toBe(true);
  expect(quota.take('a')).toEqual({ ok: false, retryAfterSeconds: 1200, scope: 'address' });
  expect(quota.take('b').ok).toBe(true); // another address is not held back
  now = 1200_000;
  expect(quota.take('a').ok).toBe(true);
  expect(quota.take('a').ok).toBe(false);
});

it('holds the whole server to its total', () => {
  let now = 0;
  const quota = new Quota(10, 4, () => now);
  for (const address of ['a', 'b', 'c', 'd']) expect(quota.take(address).ok).toBe(true);
  expect(quota.take('e')).toEqual({ ok: false, retryAfterSeconds: 900, scope: 'server' });
  now = 900_000;
  expect(quota.take('e').ok).toBe(true);
});

it('a refused request costs nothing from the server total', () => {
  const quota = new Quota(1, 2, () => 0);
  expect(quota.take('a').ok).toBe(true);
  for (let i = 0; i < 5; i++) expect(quota.take('a').ok).toBe(false);
  expect(quota.take('b').ok).toBe(true);
});
