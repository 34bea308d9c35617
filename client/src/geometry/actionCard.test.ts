import { describe, expect, it } from 'vitest';
import type { Element } from '@sammen/shared';
import { ACTION_FIELDS, actionCardLayout, canBecomeAction, placeBeside, sourceLabel, whoText } from './actionCard.js';

const base = { id: 'x', index: 'a0', frameId: null, x: 0, y: 0, width: 100, height: 100 };

describe('action cards', () => {
  it('lays out four rows inside the card, with the source line only when there is a source', () => {
    const card = { width: 420, height: 220 };
    const withSource = actionCardLayout(card, true);
    expect(withSource.rows.map((r) => r.field)).toEqual([...ACTION_FIELDS]);
    for (const { label, value } of withSource.rows) {
      expect(label.x + label.width).toBeLessThan(value.x);
      expect(value.x + value.width).toBeLessThanOrEqual(420 - 12);
      expect(value.y + value.height).toBeLessThanOrEqual(withSource.from!.y + 1e-9);
    }
    expect(withSource.from!.y + withSource.from!.height).toBe(220 - 12);
    const without = actionCardLayout(card, false);
    expect(without.from).toBeNull();
    expect(without.rows[3]!.value.y + without.rows[3]!.value.height).toBeCloseTo(220 - 12);
  });

  it('names its source by the cluster title or the note text', () => {
    expect(sourceLabel({ ...base, type: 'frame', title: 'Trafik', fill: 'white', variant: 'cluster' } as Element)).toBe('Trafik');
    expect(sourceLabel({ ...base, type: 'note', color: 'yellow', text: '  Flere bænke\nved søen' } as Element)).toBe('Flere bænke');
    expect(sourceLabel({ ...base, type: 'note', color: 'yellow', text: 'x'.repeat(100) } as Element)).toHaveLength(60);
    expect(sourceLabel(undefined)).toBeNull();
  });

  it('is made from cluster frames and notes only', () => {
    expect(canBecomeAction({ ...base, type: 'frame', title: '', fill: 'white', variant: 'cluster' } as Element)).toBe(true);
    expect(canBecomeAction({ ...base, type: 'frame', title: '', fill: 'white' } as Element)).toBe(false);
    expect(canBecomeAction({ ...base, type: 'note', color: 'yellow', text: '' } as Element)).toBe(true);
  });

  it('is placed to the right of its source, below cards already there', () => {
    const source = { x: 0, y: 0, width: 300, height: 300 };
    const size = { width: 420, height: 220 };
    const first = placeBeside(source, size, []);
    expect(first).toEqual({ x: 340, y: 0, width: 420, height: 220 });
    const second = placeBeside(source, size, [first]);
    expect(second.y).toBe(240);
    expect(placeBeside(source, size, [first, second]).y).toBe(480);
  });

  it('writes who as actor names and the named organisations', () => {
    expect(whoText({ who: ['citizen', 'municipality'], whoDetail: ' Grundejerforeningen ' }, (a) => a.toUpperCase())).toBe('CITIZEN, MUNICIPALITY, Grundejerforeningen');
    expect(whoText({ who: [], whoDetail: '' }, (a) => a)).toBe('');
  });
});
