import { describe, expect, it } from 'vitest';
import type { Element } from '@sammen/shared';
import type { Peer } from './presence.js';
import { remoteMoves } from './remoteMoves.js';

const note: Element = { id: 'n1', type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: 'x' };
const peer = (moving: Array<{ id: string; x: number; y: number; width: number; height: number }>): Peer => ({
  clientId: 7,
  presence: { user: { name: 'A', color: '#d7263d' }, cursor: null, selection: [], viewport: null, moving },
});

describe('remoteMoves', () => {
  it("draws another person's dragged element at its provisional box", () => {
    const moved = remoteMoves([peer([{ id: 'n1', x: 50, y: 60, width: 200, height: 200 }])], (id) => (id === 'n1' ? note : undefined), null);
    expect(moved.get('n1')).toMatchObject({ id: 'n1', x: 50, y: 60, text: 'x' });
  });

  it('ignores unknown ids, and what this person is moving themselves', () => {
    const own = new Map([['n1', { ...note, x: 999 }]]);
    expect(remoteMoves([peer([{ id: 'n1', x: 5, y: 5, width: 1, height: 1 }, { id: 'gone', x: 0, y: 0, width: 1, height: 1 }])], (id) => (id === 'n1' ? note : undefined), own).size).toBe(0);
  });
});
