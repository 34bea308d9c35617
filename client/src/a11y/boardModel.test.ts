import { describe, expect, it } from 'vitest';
import type { Element, VoteView } from '@sammen/shared';
import { buildBoardView, moveTargets } from './boardModel.js';

const frame = (id: string, x: number, variant?: string): Element =>
  ({ id, type: 'frame', x, y: 0, width: 400, height: 400, title: `T-${id}`, fill: 'white', index: 'a0', frameId: null, ...(variant ? { variant } : {}) }) as unknown as Element;
const note = (id: string, x: number, frameId: string | null): Element =>
  ({ id, type: 'note', x, y: 20, width: 100, height: 100, text: `text ${id}`, color: 'yellow', index: 'a1', frameId }) as unknown as Element;

const elements = [frame('f1', 0), frame('c1', 500, 'cluster'), note('n1', 20, 'f1'), note('n2', 520, 'c1'), note('n3', 1200, null)];
const vote: VoteView = {
  id: 'v',
  title: 'Vote',
  status: 'open',
  dotsPerPerson: 3,
  allowMultiplePerElement: false,
  elementIds: ['n1', 'n2'],
  myDots: ['n1'],
  voters: 1,
  results: null,
} as unknown as VoteView;

describe('buildBoardView', () => {
  it('lists frames as sections in reading order with their notes, then loose notes', () => {
    const m = buildBoardView({ elements, canEdit: () => true, canPlaceIn: () => true, lockedFrames: [], vote: null, results: null });
    expect(m.sections.map((s) => [s.id, s.variant, s.items.map((i) => i.id)])).toEqual([
      ['f1', 'frame', ['n1']],
      ['c1', 'cluster', ['n2']],
      [null, 'frame', ['n3']],
    ]);
    expect(m.frameCount).toBe(2);
    expect(m.noteCount).toBe(3);
    expect(m.sections[0]!.items[0]).toMatchObject({ kind: 'note', text: 'text n1', color: 'yellow', editable: true, vote: null, result: null });
  });

  it('applies locks and policies, and shows one’s own dots while a vote is open', () => {
    const m = buildBoardView({
      elements,
      canEdit: (el) => el.frameId !== 'f1',
      canPlaceIn: (id) => id !== 'f1',
      lockedFrames: [{ frameId: 'f1', contents: true }],
      vote,
      results: null,
    });
    const [f1, c1] = m.sections;
    expect(f1).toMatchObject({ lock: 'contents', canAdd: false });
    expect(f1!.items[0]).toMatchObject({ editable: false, vote: { mine: 1, canPlace: false } });
    expect(c1!.items[0]).toMatchObject({ editable: true, vote: { mine: 0, canPlace: true } });
    expect(m.sections[2]!.items[0]!.vote).toBeNull(); // not in the vote
    expect(moveTargets(m, 'c1').map((s) => s.id)).toEqual([]);
    expect(moveTargets(m, null).map((s) => s.id)).toEqual(['c1']);
  });

  it('shows revealed results, and no "no frame" section when nothing is there and nothing may go there', () => {
    const m = buildBoardView({
      elements: elements.slice(0, 4),
      canEdit: () => false,
      canPlaceIn: () => false,
      lockedFrames: [],
      vote: null,
      results: { id: 'v', title: 'Vote', results: [{ elementId: 'n2', count: 4, rank: 1 }] },
    });
    expect(m.sections.map((s) => s.id)).toEqual(['f1', 'c1']);
    expect(m.sections[1]!.items[0]!.result).toEqual({ count: 4, rank: 1 });
  });
});
