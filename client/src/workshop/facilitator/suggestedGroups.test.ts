import { describe, expect, it } from 'vitest';
import { dropSuggestion, mergeSuggestions, pruneSuggestions, renameSuggestion, type Suggestion } from './suggestedGroups.js';

const list: Suggestion[] = [
  { key: 's0', noteIds: ['a', 'b', 'c'], label: 'Skolevej, trafik' },
  { key: 's1', noteIds: ['d', 'e'], label: 'Busser' },
  { key: 's2', noteIds: ['f', 'g'], label: 'Bussen, leskur' },
];

describe('suggested groups, edited before accepting', () => {
  it('renames one suggestion and keeps the label within 200 characters', () => {
    expect(renameSuggestion(list, 's1', 'Kollektiv trafik')[1]!.label).toBe('Kollektiv trafik');
    expect(renameSuggestion(list, 's1', 'x'.repeat(300))[1]!.label).toHaveLength(200);
    expect(renameSuggestion(list, 's1', 'Ny')[0]).toBe(list[0]);
  });

  it('drops one suggestion', () => {
    expect(dropSuggestion(list, 's0').map((s) => s.key)).toEqual(['s1', 's2']);
  });

  it('merges chosen suggestions into the first, with its label and every note once', () => {
    const merged = mergeSuggestions(list, new Set(['s2', 's1']));
    expect(merged).toEqual([list[0], { key: 's1', noteIds: ['d', 'e', 'f', 'g'], label: 'Busser' }]);
    expect(mergeSuggestions(list, new Set(['s1']))).toEqual(list);
  });

  it('forgets notes that left the frame and groups left with fewer than two notes', () => {
    const pruned = pruneSuggestions(list, (id) => !['a', 'd'].includes(id));
    expect(pruned).toEqual([{ key: 's0', noteIds: ['b', 'c'], label: 'Skolevej, trafik' }, list[2]]);
    expect(pruneSuggestions(list, () => true)).toBe(list);
  });
});
