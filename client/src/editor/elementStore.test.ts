import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteElements, insertElement, updateElement, type Element, type ElementPatchOf, type StickyNote } from '@sammen/shared';
import type { Box } from '../geometry/bounds.js';
import { drawOrder } from '../geometry/elements.js';
import { ElementStore } from './elementStore.js';

const note = (n: number): StickyNote => ({
  id: `n${n}`, type: 'note', index: `a${String(n).padStart(5, '0')}`, frameId: null, x: (n % 50) * 220, y: Math.floor(n / 50) * 220,
  width: 200, height: 200, color: 'yellow', text: `note ${n}`,
});

function boardUpdate(from: number, to: number): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (let n = from; n < to; n++) insertElement(doc, note(n));
  });
  return Y.encodeStateAsUpdate(doc);
}

/** What the index should answer: every element whose bounds meet the box, found by looking at all. */
const brute = (store: ElementStore, box: Box): string[] =>
  [...store.all()]
    .filter((e) => 'width' in e && e.x <= box.x + box.width && e.x + e.width >= box.x && e.y <= box.y + box.height && e.y + e.height >= box.y)
    .map((e) => e.id)
    .sort();
const ids = (els: Element[]): string[] => els.map((e) => e.id).sort();
const BOXES: Box[] = [
  { x: 0, y: 0, width: 500, height: 500 },
  { x: 3000, y: 4000, width: 1200, height: 900 },
  { x: -100, y: 10_900, width: 20_000, height: 300 },
];

describe('ElementStore', () => {
  it('takes a whole board arriving in one transaction (a first sync) and answers queries as for elements added one by one', () => {
    const doc = new Y.Doc();
    const store = new ElementStore(doc);
    let told = 0;
    store.subscribe((changed) => (told += changed.size));
    Y.applyUpdate(doc, boardUpdate(0, 3000));
    expect(store.size).toBe(3000);
    expect(told).toBe(3000);
    for (const box of BOXES) expect(ids(store.query(box))).toEqual(brute(store, box));
    expect(store.query(BOXES[0]!).length).toBeGreaterThan(0);
  });

  it('keeps elements it had when a big batch arrives, and follows later single changes', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, boardUpdate(0, 10));
    const store = new ElementStore(doc);
    Y.applyUpdate(doc, boardUpdate(10, 2000));
    expect(store.size).toBe(2000);
    updateElement(doc, 'n3', { x: 9000, y: 9000 } as ElementPatchOf<'note'>);
    deleteElements(doc, ['n4']);
    expect(store.get('n4')).toBeUndefined();
    expect(ids(store.query({ x: 8990, y: 8990, width: 20, height: 20 }))).toContain('n3');
    for (const box of BOXES) expect(ids(store.query(box))).toEqual(brute(store, box));
  });

  it('answers queries in draw order, zoomed in and out, as the board changes', () => {
    const doc = new Y.Doc();
    const store = new ElementStore(doc);
    Y.applyUpdate(doc, boardUpdate(0, 2000));
    const everything: Box = { x: -1000, y: -1000, width: 20_000, height: 20_000 };
    const inOrder = (box: Box): string[] => store.query(box).sort(drawOrder).map((e) => e.id);
    const check = (): void => {
      for (const box of [everything, ...BOXES]) expect(store.queryInDrawOrder(box).map((e) => e.id)).toEqual(inOrder(box));
    };
    check();
    // Reordered to the back and to the front, moved, deleted, added; then a frame (drawn first).
    updateElement(doc, 'n1500', { index: 'a' });
    updateElement(doc, 'n3', { index: 'b' });
    updateElement(doc, 'n7', { x: 30, y: 30 } as ElementPatchOf<'note'>);
    deleteElements(doc, ['n8', 'n9']);
    insertElement(doc, { ...note(2000), index: 'a00500V' });
    check();
    insertElement(doc, { id: 'f1', type: 'frame', index: 'c', frameId: null, x: 0, y: 0, width: 3000, height: 3000, title: 'Ideas', fill: 'white' } as Element);
    expect(store.queryInDrawOrder(everything)[0]?.id).toBe('f1');
    check();
  });
});
