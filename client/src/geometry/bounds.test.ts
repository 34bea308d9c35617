import { describe, expect, it } from 'vitest';
import {
  boxContainsBox,
  boxContainsPoint,
  boxFromPoints,
  boxesIntersect,
  expandBox,
  mapBoxBetween,
  unionBoxes,
} from './bounds.js';

describe('bounds', () => {
  it('builds a box from two corners dragged in any direction', () => {
    expect(boxFromPoints({ x: 10, y: 40 }, { x: 0, y: 20 })).toEqual({ x: 0, y: 20, width: 10, height: 20 });
  });

  it('tests intersection, containment and points', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    expect(boxesIntersect(a, { x: 10, y: 10, width: 5, height: 5 })).toBe(true);
    expect(boxesIntersect(a, { x: 11, y: 0, width: 5, height: 5 })).toBe(false);
    expect(boxContainsBox(a, { x: 2, y: 2, width: 8, height: 8 })).toBe(true);
    expect(boxContainsBox(a, { x: 2, y: 2, width: 9, height: 8 })).toBe(false);
    expect(boxContainsPoint(a, { x: 5, y: 10 })).toBe(true);
    expect(boxContainsPoint(a, { x: 5, y: 10.1 })).toBe(false);
  });

  it('unions boxes and returns null for none', () => {
    expect(unionBoxes([])).toBeNull();
    expect(
      unionBoxes([
        { x: 0, y: 0, width: 1, height: 1 },
        { x: -5, y: 3, width: 2, height: 10 },
      ]),
    ).toEqual({ x: -5, y: 0, width: 6, height: 13 });
    expect(expandBox({ x: 0, y: 0, width: 1, height: 1 }, 2)).toEqual({ x: -2, y: -2, width: 5, height: 5 });
  });

  it('maps a box between two frames (resize of a multi-selection)', () => {
    const from = { x: 0, y: 0, width: 100, height: 100 };
    const to = { x: 10, y: 10, width: 200, height: 50 };
    expect(mapBoxBetween({ x: 50, y: 50, width: 50, height: 50 }, from, to)).toEqual({ x: 110, y: 35, width: 100, height: 25 });
  });
});
