import { describe, expect, it } from 'vitest';
import { borderPoint, connectorSegment, distanceToOutline, distanceToSegment, type Outline } from './connector.js';

const rect: Outline = { kind: 'rect', x: 0, y: 0, width: 200, height: 100 };
const ellipse: Outline = { kind: 'ellipse', x: 0, y: 0, width: 200, height: 100 };

describe('borderPoint', () => {
  it('meets the right edge of a rectangle for a point to the right', () => {
    expect(borderPoint(rect, { x: 1000, y: 50 })).toEqual({ x: 200, y: 50 });
  });

  it('meets the top edge for a steep direction', () => {
    const p = borderPoint(rect, { x: 110, y: -1000 });
    expect(p.y).toBeCloseTo(0);
    expect(p.x).toBeCloseTo(100 + (10 * 50) / 1050);
  });

  it('lies on an ellipse', () => {
    const p = borderPoint(ellipse, { x: 300, y: 300 });
    expect(((p.x - 100) / 100) ** 2 + ((p.y - 50) / 50) ** 2).toBeCloseTo(1);
  });

  it('returns the centre when asked towards the centre', () => {
    expect(borderPoint(rect, { x: 100, y: 50 })).toEqual({ x: 100, y: 50 });
  });
});

describe('connectorSegment', () => {
  it('connects the borders of two boxes along the line between their centres', () => {
    const other: Outline = { kind: 'rect', x: 400, y: 0, width: 100, height: 100 };
    const seg = connectorSegment({ kind: 'outline', outline: rect }, { kind: 'outline', outline: other });
    expect(seg.start).toEqual({ x: 200, y: 50 });
    expect(seg.end).toEqual({ x: 400, y: 50 });
    expect(distanceToOutline(rect, seg.start)).toBeCloseTo(0);
    expect(distanceToOutline(other, seg.end)).toBeCloseTo(0);
  });

  it('keeps free points as they are', () => {
    const seg = connectorSegment({ kind: 'point', point: { x: -50, y: 50 } }, { kind: 'outline', outline: rect });
    expect(seg.start).toEqual({ x: -50, y: 50 });
    expect(seg.end).toEqual({ x: 0, y: 50 });
  });
});

describe('distances', () => {
  it('measures distance to a segment, clamped to its ends', () => {
    expect(distanceToSegment({ x: 5, y: 3 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(3);
    expect(distanceToSegment({ x: 13, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBe(5);
    expect(distanceToSegment({ x: 3, y: 4 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toBe(5);
  });

  it('measures distance to a rectangle outline from inside and outside', () => {
    expect(distanceToOutline(rect, { x: 10, y: 50 })).toBe(10);
    expect(distanceToOutline(rect, { x: 203, y: 104 })).toBe(5);
    expect(distanceToOutline(rect, { x: 200, y: 20 })).toBe(0);
  });
});
