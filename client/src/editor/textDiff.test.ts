import { describe, expect, it } from 'vitest';
import { diffText, transformPosition } from './textDiff.js';

const apply = (s: string, d: { index: number; remove: number; insert: string }) =>
  s.slice(0, d.index) + d.insert + s.slice(d.index + d.remove);

describe('diffText', () => {
  it('returns null when nothing changed', () => {
    expect(diffText('hej', 'hej')).toBeNull();
  });

  it('finds a single insertion of Danish letters', () => {
    expect(diffText('Hvad er vigtigt', 'Hvad er æøå vigtigt')).toEqual({ index: 8, remove: 0, insert: 'æøå ' });
  });

  it('finds a deletion and a replacement (IME commit)', () => {
    expect(diffText('abcdef', 'abef')).toEqual({ index: 2, remove: 2, insert: '' });
    expect(diffText('ka', 'kå')).toEqual({ index: 1, remove: 1, insert: 'å' });
  });

  it('uses the caret to place an ambiguous insertion', () => {
    const d = diffText('aa', 'aaa', 1)!;
    expect(d.index).toBe(0);
    expect(apply('aa', d)).toBe('aaa');
  });

  it('never splits a surrogate pair', () => {
    const d = diffText('x😀', 'x😃')!;
    expect(d.index).toBe(1);
    expect(apply('x😀', d)).toBe('x😃');
  });

  it('always produces a splice that reproduces the target', () => {
    const cases: Array<[string, string]> = [['', 'æ'], ['æ', ''], ['abab', 'ab'], ['Hva er', 'Hva er viktig for deg?'], ['ønske', 'øønske']];
    for (const [a, b] of cases) for (const hint of [undefined, 0, 1, b.length]) expect(apply(a, diffText(a, b, hint)!)).toBe(b);
  });
});

describe('transformPosition', () => {
  it('moves the caret right for inserts before it and not for inserts after it', () => {
    expect(transformPosition(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8);
    expect(transformPosition(5, [{ retain: 7 }, { insert: 'abc' }])).toBe(5);
    expect(transformPosition(0, [{ insert: 'x' }])).toBe(1);
  });

  it('moves the caret left for deletions before it', () => {
    expect(transformPosition(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
    expect(transformPosition(5, [{ retain: 3 }, { delete: 10 }])).toBe(3);
    expect(transformPosition(5, [{ retain: 6 }, { delete: 2 }])).toBe(5);
  });
});
