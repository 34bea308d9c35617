import { expect, it } from 'vitest';
import { clientAddressResolver } from './clientAddress.js';

it('without trust the peer is the client, whatever the header says', () => {
  expect(clientAddressResolver(false)('127.0.0.1', '203.0.113.9')).toBe('127.0.0.1');
  expect(clientAddressResolver(false)('::ffff:10.0.0.1', undefined)).toBe('10.0.0.1');
});

it('an address list: the first untrusted hop from the right', () => {
  const resolve = clientAddressResolver(['127.0.0.1', '10.0.0.0/8']);
  expect(resolve('127.0.0.1', '203.0.113.9')).toBe('203.0.113.9');
  expect(resolve('127.0.0.1', '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9'); // the client wrote the first
  expect(resolve('127.0.0.1', '203.0.113.9, 10.1.2.3')).toBe('203.0.113.9'); // through two proxies
  expect(resolve('192.0.2.1', '203.0.113.9')).toBe('192.0.2.1'); // not from a proxy: header ignored
  expect(resolve('127.0.0.1', undefined)).toBe('127.0.0.1');
  expect(clientAddressResolver(['loopback'])('::1', '2001:db8::5')).toBe('2001:db8::5');
});

it('a hop count trusts that many proxies', () => {
  const resolve = clientAddressResolver(1);
  expect(resolve('192.0.2.1', '198.51.100.1, 203.0.113.9')).toBe('203.0.113.9');
  expect(clientAddressResolver(2)('192.0.2.1', '198.51.100.1, 203.0.113.9')).toBe('198.51.100.1');
});
