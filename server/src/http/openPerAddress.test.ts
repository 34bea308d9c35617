import { expect, it } from 'vitest';
import { OpenPerAddress } from './openPerAddress.js';

it('counts connections per key until each is released once', () => {
  const open = new OpenPerAddress(2);
  const releases: Array<() => void> = [];
  open.add('a', (r) => releases.push(r));
  expect(open.full('a')).toBe(false);
  open.add('a', (r) => releases.push(r));
  expect(open.full('a')).toBe(true);
  expect(open.full('b')).toBe(false);
  releases[0]!();
  releases[0]!(); // a second close event changes nothing
  expect(open.full('a')).toBe(false);
  open.add('a', () => {});
  expect(open.full('a')).toBe(true);
});
