import { expect, it } from 'vitest';
import { redactUrl } from './redact.js';

it('hides every spelling of a token the router would read', () => {
  for (const url of ['/yjs/b?token=SECRET', '/yjs/b?%74oken=SECRET', '/yjs/b?TOKEN=SECRET', '/yjs/b?t%6Fk%65n=SECRET', '/yjs/b?x=1&%2574oken=SECRET', '/yjs/b?token=SECRET&token=SECRET']) {
    const logged = redactUrl(url)!;
    expect(logged, url).not.toContain('SECRET');
    expect(logged, url).toMatch(/^\/yjs\/b\?/);
  }
});

it('keeps harmless parameters and redacts everything else, also names that are unreadable', () => {
  expect(redactUrl('/api/workshops/w/report?format=csv')).toBe('/api/workshops/w/report?format=csv');
  expect(redactUrl('/socket.io/?EIO=4&transport=websocket&sid=SECRET')).toBe('/socket.io/?EIO=4&transport=websocket&sid=[redacted]');
  expect(redactUrl('/x?%E0%A4%A=SECRET')).not.toContain('SECRET');
  expect(redactUrl('/x?format=SECRET%20and%20more%20text%20that%20is%20far%20too%20long')).toBe('/x?format=SECRET%20and%20more%20text%20that%20is%20far%20too%20lon');
  expect(redactUrl('/health')).toBe('/health');
});

it('hides join codes in page paths', () => {
  expect(redactUrl('/join/ABC234')).toBe('/join/[redacted]');
  expect(redactUrl('/%6Aoin/ABC234?x=1')).toBe('/join/[redacted]?x=[redacted]');
});
