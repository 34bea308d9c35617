import { expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from './config.js';

it('TRUST_PROXY: off by default, addresses and CIDRs, a hop count; never everyone', () => {
  expect(parseTrustProxy(undefined)).toBe(false);
  expect(parseTrustProxy('')).toBe(false);
  expect(parseTrustProxy('0')).toBe(false);
  expect(parseTrustProxy('2')).toBe(2);
  expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,fd00::/8,loopback')).toEqual(['127.0.0.1', '10.0.0.0/8', 'fd00::/8', 'loopback']);
  expect(() => parseTrustProxy('true')).toThrow(/any client choose its address/);
  for (const bad of ['nginx', '10.0.0.0/33', '300.1.1.1', '10.0.0.0/8/1', '*']) expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
});

it('creation limits, import size and metrics token come from the environment', () => {
  const config = loadConfig({ BOARDS_PER_ADDRESS_PER_HOUR: '5', IMPORTS_PER_HOUR: '7', MAX_IMPORT_BYTES: '2048', METRICS_TOKEN: 'a-long-enough-token' });
  expect(config.limits.boards).toEqual({ perAddress: 5, total: 1000 });
  expect(config.limits.imports).toEqual({ perAddress: 30, total: 7 });
  expect(config.maxImportBytes).toBe(2048);
  expect(config.metricsToken).toBe('a-long-enough-token');
  expect(loadConfig({}).metricsToken).toBeNull();
  expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  expect(() => loadConfig({ BOARDS_PER_HOUR: '0' })).toThrow(/BOARDS_PER_HOUR/);
});

it('REDIS_URL is optional (one process without it); REDIS_PREFIX keeps deployments apart', () => {
  expect(loadConfig({}).redisUrl).toBeNull();
  expect(loadConfig({}).redisPrefix).toBe('sammen:');
  const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/2', REDIS_PREFIX: 'test-7' });
  expect(config.redisUrl).toBe('redis://127.0.0.1:6379/2');
  expect(config.redisPrefix).toBe('test-7:');
  expect(() => loadConfig({ REDIS_URL: '127.0.0.1:6379' })).toThrow(/REDIS_URL/);
  expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/);
  expect(() => loadConfig({ REDIS_PREFIX: 'a b' })).toThrow(/REDIS_PREFIX/);
});

it('WS_CONNECTIONS_PER_PROCESS caps one process (default 10,000); SHUTDOWN_DELAY_MS defaults to 0', () => {
  expect(loadConfig({}).wsConnectionsPerProcess).toBe(10_000);
  expect(loadConfig({}).shutdownDelayMs).toBe(0);
  const config = loadConfig({ WS_CONNECTIONS_PER_PROCESS: '3', SHUTDOWN_DELAY_MS: '5000' });
  expect(config.wsConnectionsPerProcess).toBe(3);
  expect(config.shutdownDelayMs).toBe(5000);
  expect(() => loadConfig({ WS_CONNECTIONS_PER_PROCESS: '0' })).toThrow(/WS_CONNECTIONS_PER_PROCESS/);
  expect(() => loadConfig({ SHUTDOWN_DELAY_MS: '-1' })).toThrow(/SHUTDOWN_DELAY_MS/);
});
