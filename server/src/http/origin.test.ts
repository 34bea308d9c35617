import { expect, it } from 'vitest';
import { isOriginAllowed } from './origin.js';

it('same-origin only when no allowlist is set', () => {
  expect(isOriginAllowed('http://localhost:8080', 'localhost:8080', [])).toBe(true);
  expect(isOriginAllowed('http://localhost:8080/', 'LOCALHOST:8080', [])).toBe(true);
  expect(isOriginAllowed('http://evil.example', 'localhost:8080', [])).toBe(false);
  expect(isOriginAllowed('http://localhost:9999', 'localhost:8080', [])).toBe(false);
  expect(isOriginAllowed('null', 'localhost:8080', [])).toBe(false);
  expect(isOriginAllowed(undefined, 'localhost:8080', [])).toBe(true); // not a browser
});

it('the allowlist, when set, is exact', () => {
  const list = ['https://tavle.billund.dk'];
  expect(isOriginAllowed('https://tavle.billund.dk', 'internal:8080', list)).toBe(true);
  expect(isOriginAllowed('https://tavle.billund.dk.evil.example', 'internal:8080', list)).toBe(false);
  expect(isOriginAllowed('http://tavle.billund.dk', 'internal:8080', list)).toBe(false);
});
