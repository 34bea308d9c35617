import { describe, expect, it } from 'vitest';
import { groupLetter, layoutPoints, markedCount, nextUnmarked } from './opinionCards.js';

const round = (marks: Record<string, 'agree' | 'disagree' | 'pass'>) => ({
  statements: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, { id: 'c', text: 'C' }],
  myMarks: marks,
});

describe('opinion cards', () => {
  it('finds the next card without a mark, wrapping round, and -1 when all are marked', () => {
    expect(nextUnmarked(round({}), -1)).toBe(0);
    expect(nextUnmarked(round({ a: 'agree' }), 0)).toBe(1);
    expect(nextUnmarked(round({ b: 'pass', c: 'agree' }), 1)).toBe(0);
    expect(nextUnmarked(round({ a: 'agree', b: 'pass', c: 'disagree' }), 0)).toBe(-1);
    expect(markedCount(round({ a: 'agree', x: 'pass' } as never))).toBe(1);
  });

  it('names groups A, B, C and lays the map out with y up, spreading dots on one spot', () => {
    expect([0, 1, 2].map(groupLetter)).toEqual(['A', 'B', 'C']);
    const [left, top, same1, same2] = layoutPoints([{ x: -1, y: 0, group: 0 }, { x: 0, y: 1, group: 1 }, { x: 1, y: -1, group: 0 }, { x: 1, y: -1, group: 0 }], 200, 10);
    expect(left).toEqual({ cx: 10, cy: 100, group: 0 });
    expect(top).toEqual({ cx: 100, cy: 10, group: 1 });
    expect(same1).toEqual({ cx: 190, cy: 190, group: 0 });
    // The second dot on one spot is spread (8 units), and kept inside the box.
    expect(Math.hypot(same2!.cx - same1!.cx, same2!.cy - same1!.cy)).toBeGreaterThan(2);
    expect(Math.max(same2!.cx, same2!.cy)).toBeLessThanOrEqual(195);
  });
});
