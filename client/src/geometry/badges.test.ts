import { describe, expect, it } from 'vitest';
import { boxesIntersect, expandBox } from './bounds.js';
import { badgePlacement, textArea } from './badges.js';

describe('badgePlacement', () => {
  it('never covers the text area of the note, at any zoom and badge size', () => {
    for (const scale of [0.1, 0.25, 0.5, 1, 2]) {
      const note = { x: 100, y: 80, width: 200 * scale, height: 200 * scale };
      const padding = 14 * scale;
      for (const badge of [{ width: 28, height: 24 }, { width: 80, height: 32 }, { width: 12, height: 12 }]) {
        const p = badgePlacement(note, badge, padding);
        const box = { x: p.left, y: p.top, ...badge };
        // Touching the text area's edge is not covering it.
        expect(boxesIntersect(box, expandBox(textArea(note, padding), -0.001))).toBe(false);
        // It still touches the note (it belongs to it).
        expect(boxesIntersect(box, note)).toBe(true);
      }
    }
  });

  it('sits on the top-right corner, half in and half out when the padding allows', () => {
    expect(badgePlacement({ x: 0, y: 100, width: 200, height: 200 }, { width: 20, height: 20 }, 14)).toEqual({ left: 190, top: 90 });
  });
});
