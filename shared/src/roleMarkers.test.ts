import { describe, expect, it } from 'vitest';
import { type RoleMarker, ROLE_SCALES, countRoleMarkers, isValidPlacement, largestGaps } from './roleMarkers.js';

let n = 0;
const m = (owner: string, row: string, kind: RoleMarker['kind'], column: number, scale: RoleMarker['scale'] = 'kommune'): RoleMarker => ({ id: `m${n++}`, owner, scale, row, kind, column });
const rowOf = (r: ReturnType<typeof countRoleMarkers>, scale: string, row: string) => r.scales.find((s) => s.scale === scale)!.rows.find((x) => x.row === row)!;

describe('countRoleMarkers', () => {
  it('counts today and goal per column on every row, with means, gap and the share who want to move', () => {
    const markers = [
      m('a', 'seen-as', 'today', 0), m('a', 'seen-as', 'goal', 2),
      m('b', 'seen-as', 'today', 0), m('b', 'seen-as', 'goal', 1),
      m('c', 'seen-as', 'today', 1), m('c', 'seen-as', 'goal', 1),
      m('d', 'seen-as', 'today', 1), // no goal: not a pair
    ];
    const r = countRoleMarkers(markers, { id: 'r', revealedAt: 5 });
    const row = rowOf(r, 'kommune', 'seen-as');
    expect(row.counts).toEqual({ today: [2, 2, 0], goal: [0, 2, 1] });
    expect(row.meanToday).toBe(1.5);
    expect(row.meanGoal).toBe(2.33);
    expect(row.gap).toBe(0.83);
    expect(row.pairs).toBe(3);
    expect(row.moving).toBe(2);
    expect(r.people).toBe(4);
    // Every row of every scale is there, empty ones with zero counts and no gap.
    expect(r.scales.find((s) => s.scale === 'kommune')!.rows).toHaveLength(8);
    expect(rowOf(r, 'kommune', 'leader')).toMatchObject({ counts: { today: [0, 0, 0], goal: [0, 0, 0] }, gap: null, pairs: 0, moving: 0 });
  });

  it('counts the steering/leadership sort per column without a gap', () => {
    const r = countRoleMarkers([m('a', 'rules', 'place', 0, 'sort'), m('b', 'rules', 'place', 0, 'sort'), m('c', 'rules', 'place', 1, 'sort')], { id: 'r', revealedAt: 1 });
    expect(rowOf(r, 'sort', 'rules')).toMatchObject({ counts: { place: [2, 1] }, meanToday: null, gap: null });
    expect(r.scales.find((s) => s.scale === 'sort')!.rows).toHaveLength(ROLE_SCALES.sort.rows.length);
  });

  it('carries no owner and no marker id', () => {
    const text = JSON.stringify(countRoleMarkers([m('member-secret', 'task', 'today', 2)], { id: 'r', revealedAt: 1 }));
    expect(text).not.toContain('member-secret');
    expect(text).not.toMatch(/"m\d+"/);
  });
});

describe('largestGaps', () => {
  it('orders rows by the size of the gap, largest first, leaving rows without a gap out', () => {
    const r = countRoleMarkers(
      [m('a', 'task', 'today', 0), m('a', 'task', 'goal', 2), m('a', 'success', 'today', 0), m('a', 'success', 'goal', 1), m('a', 'leader', 'today', 1), m('a', 'leader', 'goal', 1)],
      { id: 'r', revealedAt: 1 },
    );
    expect(largestGaps(r, 'kommune').map((x) => [x.row, x.gap])).toEqual([['task', 2], ['success', 1]]);
    expect(largestGaps(r, 'kommune', 1)).toHaveLength(1);
  });
});

describe('isValidPlacement', () => {
  it('knows each scale’s rows, kinds and columns', () => {
    expect(isValidPlacement('kommune', 'task', 'goal', 2)).toBe(true);
    expect(isValidPlacement('kommune', 'task', 'place', 0)).toBe(false);
    expect(isValidPlacement('sort', 'rules', 'place', 2)).toBe(false);
    expect(isValidPlacement('shifts', 'nope', 'today', 0)).toBe(false);
  });
});
