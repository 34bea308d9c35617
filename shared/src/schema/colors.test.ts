import { describe, expect, it } from 'vitest';
import { COLORS } from './colors.js';

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

describe('palette', () => {
  it('every colour has text that reaches 4.5:1 on it', () => {
    for (const [name, { fill, text }] of Object.entries(COLORS)) {
      expect(contrast(fill, text), name).toBeGreaterThanOrEqual(4.5);
    }
  });
});
