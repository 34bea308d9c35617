import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  InvalidElementError,
  deleteElements,
  elementsMap,
  getElement,
  getElementText,
  getElements,
  insertElement,
  observeElements,
  updateElement,
} from './doc.js';
import type { StickyNote } from './schema/StickyNote.js';
import { indexAbove, indexBelow } from './zorder.js';

const note = (id: string, index: string, text = ''): StickyNote => ({
  id, type: 'note', index, frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text,
});

function syncedPair(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return [a, b];
}

describe('typed accessors', () => {
  it('round-trips an element, with its text as a Y.Text', () => {
    const doc = new Y.Doc();
    insertElement(doc, note('n1', 'a0', 'Hva er viktig for deg?'));
    expect(getElement(doc, 'n1')).toEqual(note('n1', 'a0', 'Hva er viktig for deg?'));
    expect(getElementText(doc, 'n1')).toBeInstanceOf(Y.Text);
  });

  it('refuses an invalid element and an invalid patch, changing nothing', () => {
    const doc = new Y.Doc();
    expect(() => insertElement(doc, { ...note('n1', 'a0'), width: 0 })).toThrow(InvalidElementError);
    expect(getElements(doc)).toEqual([]);
    insertElement(doc, note('n1', 'a0'));
    expect(() => updateElement(doc, 'n1', { color: 'plaid' as never })).toThrow(/color/);
    expect(getElement(doc, 'n1')).toMatchObject({ color: 'yellow' });
  });

  it('skips stored garbage instead of failing every reader', () => {
    const doc = new Y.Doc();
    insertElement(doc, note('good', 'a0'));
    const bad = new Y.Map<unknown>();
    elementsMap(doc).set('bad', bad);
    bad.set('type', 'note');
    expect(getElements(doc).map((e) => e.id)).toEqual(['good']);
  });

  it('reads an element holding a deeply nested type without walking it (no stack overflow)', () => {
    const doc = new Y.Doc();
    insertElement(doc, note('good', 'a0'));
    insertElement(doc, note('deep', 'a1'));
    let inner = new Y.Array<unknown>();
    doc.transact(() => {
      elementsMap(doc).get('deep')!.set('junk', inner);
      for (let i = 0; i < 20_000; i++) {
        const next = new Y.Array<unknown>();
        inner.push([next]);
        inner = next;
      }
    });
    expect(getElements(doc).map((e) => e.id)).toEqual(['good']);
    expect(getElement(doc, 'deep')).toBeUndefined();
  });

  it('concurrent edits of different fields both survive', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    insertElement(a, note('n1', 'a0'));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateElement(a, 'n1', { x: 300 });
    updateElement(b, 'n1', { color: 'pink' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(getElement(a, 'n1')).toMatchObject({ x: 300, color: 'pink' });
    expect(getElement(b, 'n1')).toEqual(getElement(a, 'n1'));
  });

  it('two people typing into one note keep both texts', () => {
    const [a, b] = syncedPair();
    insertElement(a, note('n1', 'a0', 'æøå'));
    const ta = getElementText(a, 'n1')!;
    const tb = getElementText(b, 'n1')!;
    ta.insert(0, 'Hej ');
    tb.insert(tb.length, '!');
    expect(getElement(a, 'n1')).toMatchObject({ text: 'Hej æøå!' });
    expect(getElement(b, 'n1')).toMatchObject({ text: 'Hej æøå!' });
  });

  it('lists elements in z-order and reorders by writing one index', () => {
    const doc = new Y.Doc();
    insertElement(doc, note('back', 'a0'));
    insertElement(doc, note('front', 'a1'));
    expect(getElements(doc).map((e) => e.id)).toEqual(['back', 'front']);
    let writes = 0;
    doc.on('update', () => writes++);
    updateElement(doc, 'back', { index: indexAbove(getElements(doc).map((e) => e.index)) });
    expect(writes).toBe(1);
    expect(getElements(doc).map((e) => e.id)).toEqual(['front', 'back']);
    updateElement(doc, 'back', { index: indexBelow(getElements(doc).map((e) => e.index)) });
    expect(getElements(doc).map((e) => e.id)).toEqual(['back', 'front']);
  });

  it('reports which elements each transaction changed', () => {
    const doc = new Y.Doc();
    const seen: string[][] = [];
    const stop = observeElements(doc, (ids) => seen.push([...ids].sort()));
    insertElement(doc, note('n1', 'a0'));
    insertElement(doc, note('n2', 'a1'));
    getElementText(doc, 'n2')!.insert(0, 'x');
    doc.transact(() => {
      updateElement(doc, 'n1', { x: 5 });
      deleteElements(doc, ['n2']);
    });
    stop();
    updateElement(doc, 'n1', { x: 6 });
    expect(seen).toEqual([['n1'], ['n2'], ['n2'], ['n1', 'n2']]);
  });
});
