import { describe, expect, it } from 'vitest';
import { boxContainsBox } from '../geometry/bounds.js';
import { boardRectOf, viewportShowing } from './follow.js';

describe('follow viewport', () => {
  it('shows the whole rectangle, centred, on a screen of another shape', () => {
    const rect = { x: 100, y: 200, width: 1280, height: 720 };
    const phone = { width: 360, height: 640 };
    const v = viewportShowing(rect, phone);
    const seen = boardRectOf(v, phone);
    expect(boxContainsBox(seen, rect) || Math.abs(seen.width - rect.width) < 1e-6).toBe(true);
    expect(seen.width).toBeCloseTo(1280);
    expect(seen.x + seen.width / 2).toBeCloseTo(100 + 640);
    expect(seen.y + seen.height / 2).toBeCloseTo(200 + 360);
  });

  it('round-trips: a follower with the same screen sees exactly what the facilitator sees', () => {
    const size = { width: 1280, height: 800 };
    const facilitator = { x: -250, y: 40, scale: 0.5 };
    const rect = boardRectOf(facilitator, size);
    const v = viewportShowing(rect, size);
    expect(v.scale).toBeCloseTo(0.5);
    expect(v.x).toBeCloseTo(-250);
    expect(v.y).toBeCloseTo(40);
  });
});
