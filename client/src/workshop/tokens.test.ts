import { describe, expect, it } from 'vitest';
import { fragmentWithoutToken, parseTokenFragment, tokenLink } from './tokens.js';

describe('token fragments', () => {
  it('reads the token from #token=…, alone or among other fields', () => {
    expect(parseTokenFragment('#token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(parseTokenFragment('token=abc')).toBe('abc');
    expect(parseTokenFragment('#view=1&token=xyz')).toBe('xyz');
  });

  it('finds none in an empty or unrelated fragment', () => {
    expect(parseTokenFragment('')).toBeNull();
    expect(parseTokenFragment('#')).toBeNull();
    expect(parseTokenFragment('#token=')).toBeNull();
    expect(parseTokenFragment('#section-2')).toBeNull();
  });

  it('removes only the token from the fragment', () => {
    expect(fragmentWithoutToken('#token=abc')).toBe('');
    expect(fragmentWithoutToken('#view=1&token=abc')).toBe('#view=1');
  });

  it('builds a link whose token survives the round trip, even with URL-special characters', () => {
    const link = tokenLink('https://sammen.example', 'b1', 'a+b/c=');
    expect(link).toBe('https://sammen.example/b/b1#token=a%2Bb%2Fc%3D');
    expect(parseTokenFragment(new URL(link).hash)).toBe('a+b/c=');
  });
});
