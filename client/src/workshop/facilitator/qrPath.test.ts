import { describe, expect, it } from 'vitest';
import { qrPath } from './qrPath.js';

describe('qrPath', () => {
  it('draws runs of dark modules as one rectangle each', () => {
    const m = [
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 1],
    ];
    expect(qrPath(3, (r, c) => m[r]![c] === 1)).toBe('M0 0h2v1h-2zM1 1h1v1h-1zM0 2h1v1h-1zM2 2h1v1h-1z');
  });

  it('is empty for an empty matrix', () => {
    expect(qrPath(2, () => false)).toBe('');
  });
});
