import { describe, expect, it } from 'vitest';
import type { Connector, Element, Frame, Shape, StickyNote } from '@sammen/shared';
import { distanceToOutline } from './connector.js';
import { arrowSegment, drawOrder, elementBounds, frameAt, hitTest, marqueeSelects, outlineOf } from './elements.js';

const note = (id: string, x: number, y: number, index = 'a0'): StickyNote => ({
  id, type: 'note', index, frameId: null, x, y, width: 200, height: 200, color: 'yellow', text: '',
});
const ellipse: Shape = {
  id: 'e', type: 'shape', kind: 'ellipse', index: 'a5', frameId: null, x: 500, y: 0, width: 200, height: 100, fill: 'blue', text: '',
};
const frame: Frame = { id: 'f', type: 'frame', index: 'a1', frameId: null, x: -100, y: -100, width: 1000, height: 800, title: '', fill: 'white' };
const arrow: Connector = {
  id: 'r', type: 'arrow', index: 'a9', frameId: null, color: 'dark',
  start: { kind: 'element', elementId: 'n1' }, end: { kind: 'element', elementId: 'e' },
};

const all: Element[] = [note('n1', 0, 0, 'a2'), note('n2', 100, 100, 'a3'), ellipse, frame, arrow];
const lookup = (id: string) => all.find((e) => e.id === id);

describe('element geometry', () => {
  it('attaches arrows to the borders of the elements they connect', () => {
    const seg = arrowSegment(arrow, lookup)!;
    expect(distanceToOutline(outlineOf(note('n1', 0, 0)), seg.start)).toBeCloseTo(0);
    expect(distanceToOutline(outlineOf(ellipse), seg.end)).toBeCloseTo(0);
    expect(elementBounds(arrow, lookup)).toEqual({
      x: seg.start.x, y: Math.min(seg.start.y, seg.end.y), width: seg.end.x - seg.start.x, height: Math.abs(seg.end.y - seg.start.y),
    });
  });

  it('gives no segment when an attached element is gone', () => {
    expect(arrowSegment({ ...arrow, end: { kind: 'element', elementId: 'gone' } }, lookup)).toBeNull();
  });

  it('picks the topmost element and ignores the empty inside of frames', () => {
    expect(hitTest(all, { x: 150, y: 150 }, lookup, 2, 1)?.id).toBe('n2');
    expect(hitTest(all, { x: 50, y: 50 }, lookup, 2, 1)?.id).toBe('n1');
    expect(hitTest(all, { x: 850, y: 600 }, lookup, 2, 1)).toBeNull();
    expect(hitTest(all, { x: -100, y: 300 }, lookup, 2, 1)?.id).toBe('f');
    expect(hitTest(all, { x: -50, y: -110 }, lookup, 2, 1)?.id).toBe('f');
  });

  it('hits ellipses only inside the ellipse', () => {
    expect(hitTest([ellipse], { x: 505, y: 5 }, lookup, 0, 1)).toBeNull();
    expect(hitTest([ellipse], { x: 600, y: 50 }, lookup, 0, 1)?.id).toBe('e');
  });

  it('draws frames behind everything', () => {
    expect([...all].sort(drawOrder)[0]!.id).toBe('f');
  });

  it('selects touched elements but only enclosed frames with a marquee', () => {
    const m = { x: 150, y: 150, width: 10, height: 10 };
    expect(marqueeSelects(note('n2', 100, 100), m, lookup)).toBe(true);
    expect(marqueeSelects(frame, m, lookup)).toBe(false);
    expect(marqueeSelects(frame, { x: -200, y: -200, width: 2000, height: 2000 }, lookup)).toBe(true);
  });

  it('finds the frame an element is dropped into by its centre', () => {
    expect(frameAt({ x: 0, y: 0, width: 10, height: 10 }, [frame])?.id).toBe('f');
    expect(frameAt({ x: 850, y: 650, width: 200, height: 200 }, [frame])).toBeNull();
    expect(frameAt({ x: 0, y: 0, width: 10, height: 10 }, [frame], 'f')).toBeNull();
  });
});
