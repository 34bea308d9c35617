import { describe, expect, it } from 'vitest';
import { MAX_SCALE, fitBox, screenToWorld, visibleWorldBox, wheelZoomFactor, worldToScreen, zoomAt, fitClearOf, fitWithInsets, type Insets } from './viewport.js';
import type { Box } from './bounds.js';

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

describe('fitClearOf', () => {
  const size = { width: 1280, height: 700 };
  const margin = { top: 34, right: 12, bottom: 12, left: 12 };
  const fit = (box: Box) => (insets: Insets) => fitWithInsets(box, size, insets);
  const onScreen = (box: Box, v: { x: number; y: number; scale: number }): Box => ({ x: box.x * v.scale + v.x, y: box.y * v.scale + v.y, width: box.width * v.scale, height: box.height * v.scale });

  it('is the plain fit when nothing covers the canvas, or when what covers it is not in the way', () => {
    const frame = { x: 0, y: 0, width: 1200, height: 1000 };
    expect(fitClearOf(frame, size, [], margin, fit(frame))).toEqual(fitWithInsets(frame, size, margin));
    // A chip in a corner the centred frame leaves free.
    expect(fitClearOf(frame, size, [{ x: 60, y: 0, width: 150, height: 60 }], margin, fit(frame))).toEqual(fitWithInsets(frame, size, margin));
  });

  it("moves a tall frame right of a column on the left, at the same size when the canvas's height is what limits it", () => {
    const frame = { x: 0, y: 0, width: 1200, height: 1000 };
    const card = { x: 60, y: 0, width: 340, height: 400 };
    const v = fitClearOf(frame, size, [card], margin, fit(frame));
    expect(v.scale).toBeCloseTo(fitWithInsets(frame, size, margin).scale);
    expect(onScreen(frame, v).x).toBeGreaterThanOrEqual(400 + 12 - 1e-9);
  });

  it('puts a wide frame below a card that spans the width (a phone), as large as that allows', () => {
    const phone = { width: 390, height: 650 };
    const frame = { x: 0, y: 0, width: 1200, height: 900 };
    const card = { x: 50, y: 0, width: 340, height: 150 };
    const v = fitClearOf(frame, phone, [card], margin, (insets) => fitWithInsets(frame, phone, insets));
    expect(onScreen(frame, v).y - margin.top).toBeGreaterThanOrEqual(150 - 1e-9);
    expect(v.scale).toBeCloseTo(fitWithInsets(frame, phone, margin).scale);
  });

  it('stays the plain fit, under the card, when the card leaves less than half the canvas free beside and below it', () => {
    const phone = { width: 390, height: 650 };
    const frame = { x: 0, y: 0, width: 600, height: 900 };
    const card = { x: 20, y: 0, width: 370, height: 500 };
    expect(fitClearOf(frame, phone, [card], margin, (insets) => fitWithInsets(frame, phone, insets))).toEqual(fitWithInsets(frame, phone, margin));
  });
});

describe('fitClearOf, edges', () => {
  it('takes a fit that only touches the panel as clear (below it, not squeezed beside it)', () => {
    const phone = { width: 360, height: 533 };
    const frame = { x: 0, y: 0, width: 1200, height: 900 };
    const margin = { top: 34, right: 12, bottom: 12, left: 12 };
    const card = { x: 24, y: 0, width: 336, height: 146 };
    const v = fitClearOf(frame, phone, [card], margin, (insets) => fitWithInsets(frame, phone, insets));
    expect(frame.y * v.scale + v.y).toBeGreaterThanOrEqual(146 + 34 - 1e-9);
  });

  it('takes a fit that touches panels on both sides as clear when its scale does not divide evenly (the role list and the tools)', () => {
    // As a politician's page at 1440×900 measured them: 912 px between the panels for a 900-unit frame.
    const size = { width: 1440, height: 750 };
    const frame = { x: 0, y: 0, width: 900, height: 613 };
    const tools = { x: 4, y: 109.5, width: 64, height: 531 };
    const list = { x: 1004, y: 4, width: 432, height: 742 };
    const margin = { top: 34, right: 12, bottom: 12, left: 12 };
    const v = fitClearOf(frame, size, [tools, list], margin, (insets) => fitWithInsets(frame, size, insets));
    expect(v.scale).toBeCloseTo(912 / 900);
    expect(v.x).toBeCloseTo(80);
  });
});

describe('fitClearOf, panels on both sides', () => {
  const size = { width: 1440, height: 760 };
  const margin = { top: 34, right: 12, bottom: 12, left: 12 };
  const frame = { x: 0, y: 0, width: 1600, height: 900 };
  const fit = (insets: Insets) => fitWithInsets(frame, size, insets);
  const onScreen = (v: { x: number; y: number; scale: number }) => ({ left: frame.x * v.scale + v.x, right: (frame.x + frame.width) * v.scale + v.x });

  it('fits a frame left of a list on the right', () => {
    const list = { x: 1440 - 12 - 400, y: 12, width: 400, height: 700 };
    const v = fitClearOf(frame, size, [list], margin, fit);
    expect(onScreen(v).right).toBeLessThanOrEqual(list.x - 12 + 1e-9);
    expect(onScreen(v).left).toBeGreaterThanOrEqual(12 - 1e-9);
  });

  it('fits a frame between a card on the left and a list on the right when they leave half the width', () => {
    const card = { x: 64, y: 4, width: 300, height: 300 };
    const list = { x: 1440 - 300, y: 12, width: 290, height: 700 };
    const v = fitClearOf(frame, size, [card, list], margin, fit);
    expect(onScreen(v).left).toBeGreaterThanOrEqual(364 + 12 - 1e-9);
    expect(onScreen(v).right).toBeLessThanOrEqual(1140 - 12 + 1e-9);
  });

  it('stays the plain fit when the panels on both sides leave less than half the width, and nothing is free below them', () => {
    const card = { x: 64, y: 4, width: 400, height: 700 };
    const list = { x: 1440 - 400, y: 12, width: 400, height: 700 };
    expect(fitClearOf(frame, size, [card, list], margin, fit)).toEqual(fit(margin));
  });
});

describe('fitClearOf, margins', () => {
  it('lets a panel take a wide margin (fit to screen keeps 64 px), not the box or the 12 px beside it', () => {
    const size = { width: 1280, height: 700 };
    const board = { x: 0, y: 0, width: 2400, height: 1000 };
    const margin = { top: 64, right: 64, bottom: 64, left: 64 };
    const fit = (insets: Insets) => fitWithInsets(board, size, insets, 2);
    const toolbar = { x: 4, y: 200, width: 44, height: 400 }; // ends in the margin, short of the air: plain fit stays
    expect(fitClearOf(board, size, [toolbar], margin, fit)).toEqual(fit(margin));
    const wider = { x: 4, y: 200, width: 110, height: 400 }; // over the box's left: moved beside it
    const v = fitClearOf(board, size, [wider], margin, fit);
    expect(board.x * v.scale + v.x).toBeGreaterThanOrEqual(114 + 12 - 1e-9);
  });
});
