import { describe, expect, it } from 'vitest';
import type { Element } from '@sammen/shared';
import { applyPlanToList, isEmptyPlan, planRestore } from './restorePlan.js';

const note = (id: string, extra: Partial<Element> = {}): Element =>
  ({ id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'hej', ...extra }) as Element;
const byId = (els: Element[]) => [...els].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('planRestore', () => {
  it('does nothing when the board is the version', () => {
    const els = [note('a'), note('b')];
    expect(isEmptyPlan(planRestore(els, els.map((e) => ({ ...e }))))).toBe(true);
  });

  it('deletes what the version lacks, inserts what it has, and patches only changed fields', () => {
    const current = [note('a', { x: 50, color: 'blue' }), note('b'), note('c', { text: 'ny tekst' })];
    const version = [note('a'), note('c', { text: 'gammel tekst' }), note('d')];
    const plan = planRestore(current, version);
    expect(plan.remove).toEqual(['b']);
    expect(plan.insert.map((e) => e.id)).toEqual(['d']);
    expect(plan.update).toEqual([
      { id: 'a', patch: { x: 0, color: 'yellow' } },
      { id: 'c', patch: {}, text: 'gammel tekst' },
    ]);
    expect(byId(applyPlanToList(current, plan))).toEqual(byId(version));
  });

  it('replaces an element whose kind changed or that has a field the version lacks', () => {
    const current = [note('a', { author: 'Anna' } as Partial<Element>), note('b')];
    const version = [note('a'), { id: 'b', type: 'shape', kind: 'rect', index: 'a0', frameId: null, x: 0, y: 0, width: 10, height: 10, fill: 'white', text: '' } as Element];
    const plan = planRestore(current, version);
    expect(plan.remove.sort()).toEqual(['a', 'b']);
    expect(plan.insert.map((e) => e.id).sort()).toEqual(['a', 'b']);
    expect(byId(applyPlanToList(current, plan))).toEqual(byId(version));
  });

  it('compares nested fields by value (arrow ends, actors)', () => {
    const arrow = { id: 'r', type: 'arrow', index: 'a0', frameId: null, start: { kind: 'point', x: 0, y: 0 }, end: { kind: 'point', x: 5, y: 5 }, color: 'dark' } as Element;
    expect(isEmptyPlan(planRestore([arrow], [JSON.parse(JSON.stringify(arrow)) as Element]))).toBe(true);
    const moved = { ...arrow, end: { kind: 'point', x: 9, y: 9 } } as Element;
    expect(planRestore([arrow], [moved]).update).toEqual([{ id: 'r', patch: { end: { kind: 'point', x: 9, y: 9 } } }]);
  });
});
