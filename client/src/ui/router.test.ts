import { describe, expect, it } from 'vitest';
import { boardPath, parseRoute } from './router.js';

describe('routes', () => {
  it('parses the front page and board pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
    expect(parseRoute('/b/abc123')).toEqual({ page: 'board', boardId: 'abc123' });
    expect(parseRoute('/b/abc123/')).toEqual({ page: 'board', boardId: 'abc123' });
    expect(parseRoute('/x')).toEqual({ page: 'notFound' });
    expect(boardPath('abc')).toBe('/b/abc');
  });
});
