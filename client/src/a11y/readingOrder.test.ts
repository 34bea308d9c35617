import { describe, expect, it } from 'vitest';
import type { Element } from '@sammen/shared';
import { boardReadingOrder, stepInOrder } from './readingOrder.js';

const frame = (id: string, x: number, y: number): Element =>
  ({ id, type: 'frame', x, y, width: 400, height: 400, title: id, fill: 'white', index: 'a0', frameId: null }) as unknown as Element;
const note = (id: string, x: number, y: number, frameId: string | null = null): Element =>
  ({ id, type: 'note', x, y, width: 100, height: 100, text: id, color: 'yellow', index: 'a1', frameId }) as unknown as Element;
const arrow = (id: string): Element =>
  ({ id, type: 'arrow', start: { kind: 'point', x: 0, y: 0 }, end: { kind: 'point', x: 1, y: 1 }, index: 'a2', frameId: null, color: 'dark' }) as unknown as Element;

describe('boardReadingOrder', () => {
  it('visits frames in reading order, each followed by its contents, then loose elements; no arrows', () => {
    const els = [
      note('loose-b', 900, 900),
      note('in-right-2', 520, 200, 'right'),
      frame('right', 500, 0),
      note('in-right-1', 520, 20, 'right'),
      frame('left', 0, 10), // same row as `right` despite 10 px lower
      note('in-left-b', 200, 30, 'left'),
      note('in-left-a', 20, 40, 'left'), // same row as in-left-b: left first
      arrow('arr'),
      note('loose-a', 900, 500),
      frame('below', 0, 600),
    ];
    expect(boardReadingOrder(els).map((e) => e.id)).toEqual([
      'left',
      'in-left-a',
      'in-left-b',
      'right',
      'in-right-1',
      'in-right-2',
      'below',
      'loose-a',
      'loose-b',
    ]);
  });

  it('treats an element whose frame is gone as loose', () => {
    expect(boardReadingOrder([note('n', 0, 0, 'missing')]).map((e) => e.id)).toEqual(['n']);
  });
});

describe('stepInOrder', () => {
  const order = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('moves forward and back, and leaves past either end', () => {
    expect(stepInOrder(order, null, 1)).toBe('a');
    expect(stepInOrder(order, null, -1)).toBe('c');
    expect(stepInOrder(order, 'a', 1)).toBe('b');
    expect(stepInOrder(order, 'b', -1)).toBe('a');
    expect(stepInOrder(order, 'c', 1)).toBeNull();
    expect(stepInOrder(order, 'a', -1)).toBeNull();
    expect(stepInOrder(order, 'gone', 1)).toBe('a');
    expect(stepInOrder([], null, 1)).toBeNull();
  });
});
