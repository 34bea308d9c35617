import { describe, expect, it } from 'vitest';
import { boxCenter, boxContainsPoint } from '../geometry/bounds.js';
import { placeInFrame } from './placement.js';

const frame = { x: 100, y: 100, width: 600, height: 400 };
const size = { width: 200, height: 200 };

describe('placeInFrame', () => {
  it('takes the first free cell, left to right, then the next row', () => {
    expect(placeInFrame(frame, size, [])).toEqual({ x: 132, y: 132 });
    const first = { x: 132, y: 132, ...size };
    expect(placeInFrame(frame, size, [first])).toEqual({ x: 348, y: 132 });
    const big = { x: 100, y: 100, width: 600, height: 240 };
    // The frame is 400 high: one row of 200 fits; when it is full the note goes in the middle.
    const p = placeInFrame(frame, size, [big]);
    expect(boxContainsPoint(frame, boxCenter({ ...p, ...size }))).toBe(true);
  });

  it('keeps the note centre inside a frame smaller than a note', () => {
    const tiny = { x: 0, y: 0, width: 120, height: 120 };
    const p = placeInFrame(tiny, size, [{ x: 0, y: 0, width: 120, height: 120 }]);
    expect(boxContainsPoint(tiny, boxCenter({ ...p, ...size }))).toBe(true);
  });
});
