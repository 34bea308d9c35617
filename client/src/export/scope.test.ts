import { describe, expect, it } from 'vitest';
import type { Element } from '@sammen/shared';
import { exportContent, safePixelRatio } from './scope.js';

const common = { index: 'a0', frameId: null };
const frame: Element = { ...common, id: 'f', type: 'frame', x: 100, y: 100, width: 600, height: 400, title: 'A', fill: 'white' };
const inside: Element = { ...common, id: 'n1', type: 'note', frameId: 'f', x: 120, y: 120, width: 200, height: 200, color: 'yellow', text: '' };
const outside: Element = { ...common, id: 'n2', type: 'note', x: 1000, y: 1000, width: 200, height: 200, color: 'blue', text: '', index: 'a1' };
const all = [frame, inside, outside];
const lookup = (id: string) => all.find((e) => e.id === id);

describe('export content', () => {
  it('a frame: exactly its box, with what is in it', () => {
    const c = exportContent(all, { kind: 'frame', id: 'f' }, lookup)!;
    expect(c.bounds).toEqual({ x: 100, y: 100, width: 600, height: 400 });
    expect(c.elements.map((e) => e.id)).toEqual(['f', 'n1']);
  });

  it('the selection: selected frames bring their contents; a margin around', () => {
    const c = exportContent(all, { kind: 'selection', ids: ['f'] }, lookup, 10)!;
    expect(c.elements.map((e) => e.id)).toEqual(['f', 'n1']);
    expect(c.bounds).toEqual({ x: 90, y: 90, width: 620, height: 420 });
    expect(exportContent(all, { kind: 'selection', ids: ['n2'] }, lookup, 0)!.bounds).toEqual({ x: 1000, y: 1000, width: 200, height: 200 });
  });

  it('the board: everything', () => {
    const c = exportContent(all, { kind: 'board' }, lookup, 0)!;
    expect(c.bounds).toEqual({ x: 100, y: 100, width: 1100, height: 1100 });
    expect(c.elements).toHaveLength(3);
    expect(exportContent([], { kind: 'board' }, lookup)).toBeNull();
  });

  it('lowers the pixel ratio only for pictures too large for a canvas', () => {
    expect(safePixelRatio({ x: 0, y: 0, width: 800, height: 600 }, 4)).toBe(4);
    const r = safePixelRatio({ x: 0, y: 0, width: 20_000, height: 10_000 }, 2);
    expect(20_000 * r).toBeLessThanOrEqual(16_384);
  });
});
