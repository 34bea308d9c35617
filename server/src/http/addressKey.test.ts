import { expect, it } from 'vitest';
import { addressKey } from './addressKey.js';

it('keeps IPv4 addresses and unwraps IPv4-mapped IPv6 ones', () => {
  expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
  expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
  expect(addressKey('::FFFF:c000:0207')).toBe('192.0.2.7');
});

it('limits IPv6 clients by their /64, whatever spelling they use', () => {
  const key = addressKey('2001:db8:1:2::1');
  expect(key).toBe('2001:db8:1:2::/64');
  expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe(key);
  expect(addressKey('2001:DB8:1:2:0:0:0:9%eth0')).toBe(key);
  expect(addressKey('2001:db8:1:3::1')).not.toBe(key);
  expect(addressKey('::1')).toBe('0:0:0:0::/64');
});
