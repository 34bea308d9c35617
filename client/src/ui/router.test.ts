import { describe, expect, it } from 'vitest';
import { boardPath, parseRoute } from './router.js';

describe('routes', () => {
  it('parses the front page and board pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
    expect(parseRoute('/b/abc123')).toEqual({ page: 'board', boardId: 'abc123' });
    expect(parseRoute('/b/abc123/')).toEqual({ page: 'board', boardId: 'abc123' });
    expect(parseRoute('/new')).toEqual({ page: 'new' });
    expect(parseRoute('/join')).toEqual({ page: 'join', code: null });
    expect(parseRoute('/join/KMT4QX')).toEqual({ page: 'join', code: 'KMT4QX' });
    expect(parseRoute('/join/KMT%204QX/')).toEqual({ page: 'join', code: 'KMT 4QX' });
    expect(parseRoute('/accessibility')).toEqual({ page: 'accessibility' });
    expect(parseRoute('/privacy/')).toEqual({ page: 'privacy' });
    expect(parseRoute('/x')).toEqual({ page: 'notFound' });
    expect(boardPath('abc')).toBe('/b/abc');
  });
});
