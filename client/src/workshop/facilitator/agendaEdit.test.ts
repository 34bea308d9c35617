import { describe, expect, it } from 'vitest';
import type { AgendaStep, Frame } from '@sammen/shared';
import { blankStep, frameChoices, frameViewport, moveStep, newStepId, normaliseStep, removeStep, upsertStep } from './agendaEdit.js';

const step = (id: string): AgendaStep => blankStep(id, id);
const ids = (steps: AgendaStep[]) => steps.map((s) => s.id);

describe('agenda edits', () => {
  it('makes ids the server accepts', () => {
    expect(newStepId()).toMatch(/^[0-9a-zA-Z_-]{1,40}$/);
    expect(newStepId(() => 0)).toBe('s00000000');
  });

  it('moves a step up and down, clamped to the list', () => {
    const steps = [step('a'), step('b'), step('c')];
    expect(ids(moveStep(steps, 2, -1))).toEqual(['a', 'c', 'b']);
    expect(ids(moveStep(steps, 0, 1))).toEqual(['b', 'a', 'c']);
    expect(ids(moveStep(steps, 0, -1))).toEqual(['a', 'b', 'c']);
    expect(ids(moveStep(steps, 2, 5))).toEqual(['a', 'b', 'c']);
    expect(ids(steps)).toEqual(['a', 'b', 'c']);
  });

  it('removes, replaces and appends', () => {
    const steps = [step('a'), step('b')];
    expect(ids(removeStep(steps, 0))).toEqual(['b']);
    expect(upsertStep(steps, { ...step('b'), title: 'B' })[1]!.title).toBe('B');
    expect(ids(upsertStep(steps, step('c')))).toEqual(['a', 'b', 'c']);
  });

  it('normalises what was typed into a valid step', () => {
    const typed = { ...step('a'), title: '  Hvad er vigtigt?  ', minutes: 7.6, promise: ' Vi samler op ', vote: { dotsPerPerson: 99, allowMultiplePerElement: true } };
    expect(normaliseStep(typed)).toMatchObject({ title: 'Hvad er vigtigt?', minutes: 8, promise: 'Vi samler op', vote: { dotsPerPerson: 50 } });
    expect(normaliseStep({ ...step('a'), minutes: Number.NaN })?.minutes).toBe(0);
    expect(normaliseStep({ ...step('a'), title: '   ' })).toBeNull();
  });

  it('lists frames top to bottom and frames a frame with a margin', () => {
    const f = (id: string, x: number, y: number): Frame => ({ id, type: 'frame', index: 'a0', frameId: null, x, y, width: 100, height: 50, title: id, fill: 'white' });
    expect(frameChoices([f('b', 0, 500), f('c', 300, 0), f('a', 0, 0)]).map((x) => x.id)).toEqual(['a', 'c', 'b']);
    expect(frameViewport(f('a', 10, 20), 5)).toEqual({ x: 5, y: 15, width: 110, height: 60 });
  });
});
