import { describe, expect, it } from 'vitest';
import { boxContainsBox } from '../../geometry/bounds.js';
import { visibleWorldBox } from '../../geometry/viewport.js';
import { frameDefaults, type Frame } from '@sammen/shared';
import { READABLE_TEXT_PX, STEP_INSETS, fitWithInsets, focusViewport, followTarget, openingFrame, readableScale } from './stepFocus.js';

const frame = { x: 1000, y: 500, width: 1100, height: 1000 };
const phoneCanvas = { width: 390, height: 700 };

describe('fitWithInsets', () => {
  it('shows the whole frame inside the insets, as large as fits', () => {
    const v = fitWithInsets(frame, phoneCanvas);
    expect(v.scale).toBeCloseTo((390 - 24) / 1100);
    const left = frame.x * v.scale + v.x;
    const right = (frame.x + frame.width) * v.scale + v.x;
    const top = frame.y * v.scale + v.y;
    const bottom = (frame.y + frame.height) * v.scale + v.y;
    expect(left).toBeCloseTo(STEP_INSETS.left);
    expect(right).toBeCloseTo(390 - STEP_INSETS.right);
    expect(top).toBeGreaterThanOrEqual(STEP_INSETS.top - 1e-9);
    expect(bottom).toBeLessThanOrEqual(700 - STEP_INSETS.bottom + 1e-9);
    expect(boxContainsBox(visibleWorldBox(v, phoneCanvas), frame)).toBe(true);
  });

  it('leaves the title room at the top of a wide screen too', () => {
    const v = fitWithInsets(frame, { width: 1440, height: 700 });
    expect(frame.y * v.scale + v.y).toBeCloseTo(STEP_INSETS.top);
  });
});

describe('followTarget', () => {
  it('shows the step frame when the facilitator shows all of it', () => {
    const desk = { x: 500, y: 300, width: 2400, height: 1500 };
    expect(followTarget(desk, frame)).toEqual({ box: frame, isFrame: true });
  });

  it('follows the facilitator into a part of the frame', () => {
    const zoomed = { x: 1100, y: 600, width: 400, height: 300 };
    expect(followTarget(zoomed, frame)).toEqual({ box: zoomed, isFrame: false });
  });

  it('follows the rectangle when the step has no frame', () => {
    const rect = { x: 0, y: 0, width: 10, height: 10 };
    expect(followTarget(rect, null).box).toBe(rect);
  });
});

describe('openingFrame', () => {
  const frame = (id: string, x: number, y: number, variant?: Frame['variant']): Frame =>
    ({ ...frameDefaults, id, type: 'frame', title: id, x, y, width: 800, height: 600, fill: 'white', index: 'a0', frameId: null, ...(variant ? { variant } : {}) }) as Frame;

  it('is the first frame in reading order, not a cluster or the parking lot', () => {
    const frames = [frame('right', 1000, 0), frame('parking', -2000, -2000, 'parking-lot'), frame('below', 0, 900), frame('left', 0, 10), frame('cluster', -500, -500, 'cluster')];
    expect(openingFrame(frames)).toEqual({ x: 0, y: 10, width: 800, height: 600 });
  });

  it('takes a cluster when there is nothing else, and nothing on a board without frames', () => {
    expect(openingFrame([frame('c', 5, 5, 'cluster')])).toMatchObject({ x: 5, y: 5 });
    expect(openingFrame([])).toBeNull();
  });
});

describe('readableScale', () => {
  it('is null for a frame without text', () => {
    expect(readableScale([])).toBeNull();
    expect(readableScale([{ fontSize: 20, chars: 0 }])).toBeNull();
  });

  it('draws the median text (by characters) at the readable size', () => {
    const s = readableScale([{ fontSize: 20, chars: 100 }]);
    expect(s).toBeCloseTo(READABLE_TEXT_PX / 20);
  });

  it('is not outvoted by many small labels nor pulled by one big heading', () => {
    // A table: long cell text at 16, 96 two-word markers at 10, one heading at 40.
    const samples = [
      ...Array.from({ length: 24 }, () => ({ fontSize: 16, chars: 120 })),
      ...Array.from({ length: 96 }, () => ({ fontSize: 10, chars: 4 })),
      { fontSize: 40, chars: 30 },
    ];
    expect(readableScale(samples)).toBeCloseTo(READABLE_TEXT_PX / 16);
  });
});

describe('focusViewport', () => {
  // The politician's role table: 2,840 × 1,510 board units, body text about 16 units.
  const table = { x: 0, y: 733, width: 2840, height: 1510 };
  const phone = { width: 390, height: 700 };

  it('is the plain fit when there is no readable limit (wide screens)', () => {
    expect(focusViewport(table, phone, null)).toEqual(fitWithInsets(table, phone));
  });

  it('is the plain fit when the fitted frame already reads', () => {
    const readable = READABLE_TEXT_PX / 40;
    expect(focusViewport(frame, phone, readable)).toEqual(fitWithInsets(frame, phone));
  });

  it('opens a too-wide frame at the readable scale on its top-left corner', () => {
    const readable = READABLE_TEXT_PX / 16;
    expect(fitWithInsets(table, phone).scale).toBeLessThan(readable);
    const v = focusViewport(table, phone, readable);
    expect(v.scale).toBeCloseTo(readable);
    expect(16 * v.scale).toBeGreaterThanOrEqual(READABLE_TEXT_PX - 1e-9);
    expect(table.x * v.scale + v.x).toBeCloseTo(STEP_INSETS.left);
    expect(table.y * v.scale + v.y).toBeCloseTo(STEP_INSETS.top);
    // What shows is the frame's first part: all of the view is inside the frame (past the insets).
    const seen = visibleWorldBox(v, phone);
    expect(seen.x + seen.width).toBeLessThan(table.x + table.width);
    expect(seen.y + seen.height).toBeLessThan(table.y + table.height);
  });
});
