import { expect, it } from 'vitest';
import { logAddress } from './logAddress.js';

it('logs a client address only as its network: IPv4 /24, IPv6 /48', () => {
  expect(logAddress('203.0.113.77')).toBe('203.0.113.0/24');
  expect(logAddress('::ffff:198.51.100.9')).toBe('198.51.100.0/24');
  expect(logAddress('2001:db8:abcd:12:1:2:3:4')).toBe('2001:db8:abcd::/48');
  expect(logAddress('::1')).toBe('0:0:0::/48');
  expect(logAddress('not an address')).toBeUndefined();
  expect(logAddress(undefined)).toBeUndefined();
});
