import { describe, expect, it } from 'vitest';
import type { VoteView } from '@sammen/shared';
import { canPlaceDot, dotsLeft, myDotsByNote, myDotsOn, shownResults } from './votes.js';

const vote = (extra: Partial<VoteView> = {}): VoteView => ({
  id: 'v1',
  title: 'Vote',
  status: 'open',
  elementIds: ['a', 'b', 'c'],
  dotsPerPerson: 3,
  allowMultiplePerElement: false,
  myDots: [],
  voters: 0,
  results: null,
  ...extra,
});

describe('dot voting', () => {
  it('counts own dots and dots left', () => {
    const v = vote({ myDots: ['a', 'b', 'a'], allowMultiplePerElement: true });
    expect(myDotsOn(v, 'a')).toBe(2);
    expect(dotsLeft(v)).toBe(0);
    expect(myDotsByNote(v)).toEqual([{ elementId: 'a', count: 2 }, { elementId: 'b', count: 1 }]);
  });

  it('allows a dot only on a note in an open vote, with dots left, once per note unless allowed', () => {
    expect(canPlaceDot(vote(), 'a')).toBe(true);
    expect(canPlaceDot(vote(), 'z')).toBe(false);
    expect(canPlaceDot(vote({ myDots: ['a'] }), 'a')).toBe(false);
    expect(canPlaceDot(vote({ myDots: ['a'], allowMultiplePerElement: true }), 'a')).toBe(true);
    expect(canPlaceDot(vote({ myDots: ['a', 'b', 'c'] }), 'c')).toBe(false);
    expect(canPlaceDot(vote({ status: 'closed' }), 'a')).toBe(false);
  });

  it('shows no counts before the reveal', () => {
    const stored = [{ id: 'old', title: 'Old', revealedAt: 1, results: [{ elementId: 'x', count: 4 }] }];
    expect(shownResults(vote(), stored)).toBeNull();
    expect(shownResults(vote({ status: 'closed' }), stored)).toBeNull();
  });

  it('ranks revealed results, sharing places on ties, and falls back to the newest stored vote', () => {
    const revealed = vote({ status: 'revealed', results: [{ elementId: 'a', count: 3 }, { elementId: 'b', count: 3 }, { elementId: 'c', count: 1 }] });
    expect(shownResults(revealed, [])!.results.map((r) => r.rank)).toEqual([1, 1, 3]);
    const stored = [
      { id: 'v0', title: 'First', revealedAt: 1, results: [{ elementId: 'x', count: 1 }] },
      { id: 'v1', title: 'Second', revealedAt: 2, results: [{ elementId: 'y', count: 2 }, { elementId: 'z', count: 0 }] },
    ];
    expect(shownResults(null, stored)).toEqual({ id: 'v1', title: 'Second', results: [{ elementId: 'y', count: 2, rank: 1 }] });
    expect(shownResults(null, [])).toBeNull();
  });
});
