import { describe, expect, it } from 'vitest';
import da from './locales/da.json';
import en from './locales/en.json';
import nb from './locales/nb.json';
import nn from './locales/nn.json';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('locales', () => {
  const reference = leaves(en as Tree);
  for (const [name, locale] of Object.entries({ da, nb, nn })) {
    it(`${name} has exactly the keys of en, each non-empty, with the same placeholders`, () => {
      const l = leaves(locale as Tree);
      expect([...l.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, value] of l) {
        expect(value.trim(), key).not.toBe('');
        expect(placeholders(value), key).toEqual(placeholders(reference.get(key)!));
      }
    });
  }
});
