import { describe, expect, it } from 'vitest';
import { SpatialIndex } from './spatialIndex.js';

describe('SpatialIndex', () => {
  it('finds, moves and removes entries', () => {
    const index = new SpatialIndex();
    index.set('a', { x: 0, y: 0, width: 10, height: 10 });
    index.set('b', { x: 100, y: 100, width: 10, height: 10 });
    expect(index.search({ x: -5, y: -5, width: 20, height: 20 })).toEqual(['a']);
    index.set('a', { x: 200, y: 200, width: 10, height: 10 });
    expect(index.search({ x: -5, y: -5, width: 20, height: 20 })).toEqual([]);
    expect(index.search({ x: 95, y: 95, width: 200, height: 200 }).sort()).toEqual(['a', 'b']);
    index.delete('b');
    expect(index.search({ x: 95, y: 95, width: 200, height: 200 })).toEqual(['a']);
    expect(index.size).toBe(1);
  });

  it('bulk loads thousands of entries and queries a window', () => {
    const index = new SpatialIndex();
    const items = Array.from({ length: 5000 }, (_, i) => ({
      id: `n${i}`,
      box: { x: (i % 100) * 250, y: Math.floor(i / 100) * 250, width: 200, height: 200 },
    }));
    index.load(items);
    expect(index.size).toBe(5000);
    expect(index.search({ x: 0, y: 0, width: 499, height: 499 }).sort()).toEqual(['n0', 'n1', 'n100', 'n101']);
  });
});
