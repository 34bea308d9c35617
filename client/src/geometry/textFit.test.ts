import { describe, expect, it } from 'vitest';
import { estimateLines, fitFontSize } from './textFit.js';

describe('text fitting', () => {
  it('estimates wrapped lines', () => {
    expect(estimateLines('', 10)).toBe(1);
    expect(estimateLines('hej med dig', 10)).toBe(2);
    expect(estimateLines('a\nb\nc', 10)).toBe(3);
    expect(estimateLines('abcdefghijklmnopqrstuvwxyz', 10)).toBe(3);
  });

  it('keeps short text large and shrinks long text', () => {
    expect(fitFontSize('Hej', 200, 200)).toBe(28);
    const long = 'Hvad er vigtigt for dig? '.repeat(10);
    const size = fitFontSize(long, 200, 200);
    expect(size).toBeLessThan(28);
    expect(size).toBeGreaterThanOrEqual(8);
  });

  it('never goes below the minimum', () => {
    expect(fitFontSize('x'.repeat(10_000), 200, 200)).toBe(8);
  });
});
