import { describe, expect, it } from 'vitest';
import { MAX_SCALE, fitBox, screenToWorld, visibleWorldBox, wheelZoomFactor, worldToScreen, zoomAt } from './viewport.js';

describe('viewport', () => {
  const v = { x: 100, y: 50, scale: 2 };

  it('converts between screen and board coordinates', () => {
    const p = { x: 30, y: -7 };
    expect(screenToWorld(v, worldToScreen(v, p))).toEqual(p);
    expect(worldToScreen(v, { x: 0, y: 0 })).toEqual({ x: 100, y: 50 });
  });

  it('keeps the point under the pointer fixed when zooming', () => {
    const pointer = { x: 400, y: 300 };
    const before = screenToWorld(v, pointer);
    const after = zoomAt(v, pointer, 1.7);
    expect(after.scale).toBeCloseTo(3.4);
    const moved = screenToWorld(after, pointer);
    expect(moved.x).toBeCloseTo(before.x);
    expect(moved.y).toBeCloseTo(before.y);
  });

  it('clamps zoom', () => {
    expect(zoomAt(v, { x: 0, y: 0 }, 1000).scale).toBe(MAX_SCALE);
  });

  it('zooms in for negative wheel delta and out for positive', () => {
    expect(wheelZoomFactor(-10, 0)).toBeGreaterThan(1);
    expect(wheelZoomFactor(10, 0)).toBeLessThan(1);
    expect(wheelZoomFactor(1, 1)).toBeCloseTo(wheelZoomFactor(16, 0));
  });

  it('computes the visible part of the board', () => {
    expect(visibleWorldBox(v, { width: 800, height: 600 })).toEqual({ x: -50, y: -25, width: 400, height: 300 });
  });

  it('fits a box into the screen, centred', () => {
    const fit = fitBox({ x: 1000, y: 1000, width: 2000, height: 1000 }, { width: 1096, height: 696 }, 48);
    expect(fit.scale).toBeCloseTo(0.5);
    const center = screenToWorld(fit, { x: 548, y: 348 });
    expect(center.x).toBeCloseTo(2000);
    expect(center.y).toBeCloseTo(1500);
  });
});
