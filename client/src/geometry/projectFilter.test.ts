import { describe, expect, it } from 'vitest';
import { NO_FILTER, matchesFilter, ownersOf } from './projectFilter.js';

const card = { area: 'staff', phase: 'consolidate' as const, owner: 'Hanne Berg', effects: ['results' as const] };

describe('project filter', () => {
  it('matches everything without a filter, and each part narrows', () => {
    expect(matchesFilter(card, null)).toBe(true);
    expect(matchesFilter(card, NO_FILTER)).toBe(true);
    expect(matchesFilter(card, { ...NO_FILTER, area: 'staff' })).toBe(true);
    expect(matchesFilter(card, { ...NO_FILTER, area: 'social-health' })).toBe(false);
    expect(matchesFilter(card, { ...NO_FILTER, phase: 'mobilise' })).toBe(false);
    expect(matchesFilter(card, { ...NO_FILTER, owner: ' hanne berg' })).toBe(true);
    expect(matchesFilter(card, { ...NO_FILTER, effect: 'democracy' })).toBe(false);
    expect(matchesFilter(card, { area: 'staff', phase: 'consolidate', owner: 'Hanne Berg', effect: 'results' })).toBe(true);
  });

  it('lists each owner once, sorted', () => {
    expect(ownersOf([{ owner: 'Åse' }, { owner: 'hanne' }, { owner: 'Hanne ' }, { owner: '' }, { owner: 'Bo' }])).toEqual(['Bo', 'hanne', 'Åse']);
  });
});
