import { describe, expect, it } from 'vitest';
import type { Connector, Element, ElementId, Frame, StickyNote } from '@sammen/shared';
import { arrowsAttachedTo, cloneElements, resizeElement, translateElement, withFrameContents } from './elementOps.js';

const note = (id: string, x: number, frameId: string | null = null): StickyNote => ({
  id, type: 'note', index: 'a0', frameId, x, y: 0, width: 100, height: 100, color: 'yellow', text: 'hei',
});
const frame: Frame = { id: 'f', type: 'frame', index: 'a0', frameId: null, x: 0, y: 0, width: 500, height: 500, title: 'Ting', fill: 'white' };
const arrow: Connector = {
  id: 'r', type: 'arrow', index: 'a1', frameId: null, color: 'dark',
  start: { kind: 'element', elementId: 'a' }, end: { kind: 'point', x: 10, y: 10 },
};
const all: Element[] = [frame, note('a', 0, 'f'), note('b', 200, 'f'), note('c', 900), arrow];

describe('elementOps', () => {
  it('moves a frame together with its contents', () => {
    expect([...withFrameContents(['f'], all)].sort()).toEqual(['a', 'b', 'f']);
    expect([...withFrameContents(['c'], all)]).toEqual(['c']);
  });

  it('translates boxes and loose arrow ends but not attached ones', () => {
    expect(translateElement(note('a', 0), 5, 6)).toMatchObject({ x: 5, y: 6 });
    expect(translateElement(arrow, 5, 6)).toMatchObject({ start: { kind: 'element', elementId: 'a' }, end: { x: 15, y: 16 } });
  });

  it('resizes within the selection box, keeping a minimum size', () => {
    const r = resizeElement(note('a', 0), { x: 0, y: 0, width: 100, height: 100 }, { x: 0, y: 0, width: 200, height: 1 });
    expect(r).toMatchObject({ x: 0, y: 0, width: 200, height: 8 });
  });

  it('clones with fresh ids and rewires references inside the copied set', () => {
    let n = 0;
    const newId = () => `new${n++}` as ElementId;
    const copies = cloneElements([frame, note('a', 0, 'f'), arrow], { dx: 10, dy: 0 }, newId, ['x1', 'x2', 'x3']);
    expect(copies.map((c) => c.id)).toEqual(['new0', 'new1', 'new2']);
    expect(copies[1]).toMatchObject({ frameId: 'new0', x: 10, index: 'x2', text: 'hei' });
    expect(copies[2]).toMatchObject({ start: { kind: 'element', elementId: 'new1' }, end: { x: 20, y: 10 } });
  });

  it('keeps arrows attached to originals that exist and drops dangling ones', () => {
    const newId = () => 'n' as ElementId;
    expect(cloneElements([arrow], { dx: 0, dy: 0 }, newId, ['z'], (id) => id === 'a')).toHaveLength(1);
    expect(cloneElements([arrow], { dx: 0, dy: 0 }, newId, ['z'])).toHaveLength(0);
  });

  it('finds arrows attached to deleted elements', () => {
    expect(arrowsAttachedTo(new Set(['a']), all)).toEqual(['r']);
    expect(arrowsAttachedTo(new Set(['b']), all)).toEqual([]);
  });
});
