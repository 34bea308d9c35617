import { expect, it } from 'vitest';
import { jsonDepth } from './jsonDepth.js';

it('measures nesting without recursing, and stops early past the limit', () => {
  expect(jsonDepth(1)).toBe(0);
  expect(jsonDepth({})).toBe(1);
  expect(jsonDepth({ a: [1, { b: null }] })).toBe(3);
  const deep = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)) as unknown;
  expect(jsonDepth(deep, 64)).toBe(65);
  expect(jsonDepth(deep)).toBe(200_000);
});
