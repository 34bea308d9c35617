import { describe, expect, it } from 'vitest';
import { boardViewport, sameViewport } from './boardViewport.js';

describe('boardViewport', () => {
  it('turns the camera into the board area on screen', () => {
    // Board point (100, 50) is drawn at the top-left corner, at 2× zoom.
    expect(boardViewport({ x: -200, y: -100, scale: 2 }, { width: 1280, height: 720 })).toEqual({ x: 100, y: 50, width: 640, height: 360 });
  });

  it('never gives an empty area', () => {
    expect(boardViewport({ x: 0, y: 0, scale: 4 }, { width: 1, height: 1 })).toMatchObject({ width: 1, height: 1 });
  });

  it('compares viewports', () => {
    const v = { x: 1, y: 2, width: 3, height: 4 };
    expect(sameViewport(null, v)).toBe(false);
    expect(sameViewport({ ...v }, v)).toBe(true);
    expect(sameViewport({ ...v, x: 2 }, v)).toBe(false);
  });
});
