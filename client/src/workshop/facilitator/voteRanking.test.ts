import { describe, expect, it } from 'vitest';
import type { Element } from '@sammen/shared';
import { rankResults, voteTargets } from './voteRanking.js';

const note = (id: string, text: string): Element => ({ id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text });

describe('rankResults', () => {
  it('ranks highest first, ties share a rank, with each note’s text', () => {
    const els = new Map([note('a', 'Mere grønt'), note('b', 'Flere bænke'), note('c', 'Cykelstier')].map((n) => [n.id, n]));
    const ranked = rankResults(
      [{ elementId: 'b', count: 3 }, { elementId: 'a', count: 5 }, { elementId: 'c', count: 3 }, { elementId: 'gone', count: 1 }],
      (id) => els.get(id),
    );
    expect(ranked).toEqual([
      { elementId: 'a', count: 5, rank: 1, text: 'Mere grønt' },
      { elementId: 'b', count: 3, rank: 2, text: 'Flere bænke' },
      { elementId: 'c', count: 3, rank: 2, text: 'Cykelstier' },
      { elementId: 'gone', count: 1, rank: 4, text: '' },
    ]);
  });
});

describe('voteTargets', () => {
  it('keeps only sticky notes', () => {
    const frame: Element = { id: 'f', type: 'frame', index: 'a0', frameId: null, x: 0, y: 0, width: 1, height: 1, title: '', fill: 'white' };
    expect(voteTargets([note('a', ''), frame, undefined, note('b', '')])).toEqual(['a', 'b']);
  });
});
