import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  InvalidElementError,
  deleteElements,
  elementsMap,
  getElement,
  getElementText,
  getElements,
  getStoredField,
  insertElement,
  observeElements,
  readElementMap,
  updateElement,
} from './doc.js';
import type { Frame } from './schema/Frame.js';
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

  it('may name an element added and removed in one transaction, which then reads as absent', () => {
    const doc = new Y.Doc();
    const seen: string[][] = [];
    const stop = observeElements(doc, (ids) => seen.push([...ids].sort()));
    doc.transact(() => {
      insertElement(doc, note('n1', 'a0'));
      insertElement(doc, note('gone', 'a1'));
      deleteElements(doc, ['gone']);
    });
    stop();
    expect(seen.flat()).toContain('n1');
    expect(seen.flat().filter((id) => id !== 'n1' && id !== 'gone')).toEqual([]);
    expect(getElement(doc, 'gone')).toBeUndefined();
  });
});

describe('packed layout (schema 2)', () => {
  const stored = (doc: Y.Doc, id: string) => elementsMap(doc).get(id)!;
  const withKeys = (entries: Record<string, unknown>): Y.Map<unknown> => {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    elementsMap(doc).set('n1', map);
    for (const [k, v] of Object.entries(entries)) map.set(k, v);
    return map;
  };
  const packed = { m: { id: 'n1', type: 'note', index: 'a0' }, g: { x: 0, y: 0, width: 200, height: 200, frameId: null }, s: { color: 'yellow' }, text: '' };

  it('stores identity, placement and style as three plain objects, the text as a Y.Text, other fields as keys', () => {
    const doc = new Y.Doc();
    insertElement(doc, note('n1', 'a0', 'hei'));
    const map = stored(doc, 'n1');
    expect([...map.keys()].sort()).toEqual(['g', 'm', 's', 'text']);
    expect(map.get('m')).toEqual({ id: 'n1', type: 'note', index: 'a0' });
    expect(map.get('g')).toEqual({ x: 0, y: 0, width: 200, height: 200, frameId: null });
    expect(map.get('s')).toEqual({ color: 'yellow' });
    const frame: Frame = { id: 'f1', type: 'frame', index: 'a1', frameId: null, x: 0, y: 0, width: 800, height: 600, title: 'Idéer', fill: 'white', variant: 'cluster' };
    insertElement(doc, frame);
    expect(Object.fromEntries(stored(doc, 'f1').entries())).toEqual({
      m: { id: 'f1', type: 'frame', index: 'a1' }, g: { x: 0, y: 0, width: 800, height: 600, frameId: null }, s: { fill: 'white' }, title: 'Idéer', variant: 'cluster',
    });
    expect(getElement(doc, 'f1')).toEqual(frame);
  });

  it('a move writes the placement group whole and nothing else', () => {
    const doc = new Y.Doc();
    insertElement(doc, note('n1', 'a0'));
    const keys: string[][] = [];
    stored(doc, 'n1').observe((e) => keys.push([...e.keys.keys()]));
    updateElement(doc, 'n1', { x: 40, y: 50 });
    expect(keys).toEqual([['g']]);
    expect(stored(doc, 'n1').get('g')).toEqual({ x: 40, y: 50, width: 200, height: 200, frameId: null });
    expect(getStoredField(doc, 'n1', 'x')).toBe(40);
    expect(getStoredField(doc, 'n1', 'frameId')).toBeNull();
  });

  it('a concurrent move, recolour and two typists in one note all survive', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    insertElement(a, note('n1', 'a0', 'idé'));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateElement(a, 'n1', { x: 300, frameId: 'f1' });
    getElementText(a, 'n1')!.insert(0, 'NB ');
    updateElement(b, 'n1', { color: 'pink' });
    getElementText(b, 'n1')!.insert(3, '!');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(getElement(a, 'n1')).toMatchObject({ x: 300, frameId: 'f1', color: 'pink', text: 'NB idé!' });
    expect(getElement(b, 'n1')).toEqual(getElement(a, 'n1'));
  });

  it('drops an optional field from its group when a patch clears it', () => {
    const doc = new Y.Doc();
    insertElement(doc, { ...note('n1', 'a0'), author: 'Kari' });
    expect(stored(doc, 'n1').get('m')).toMatchObject({ author: 'Kari' });
    updateElement(doc, 'n1', { author: undefined });
    expect(stored(doc, 'n1').get('m')).toEqual({ id: 'n1', type: 'note', index: 'a0' });
    expect(getElement(doc, 'n1')).toEqual(note('n1', 'a0'));
  });

  it('reads the packed layout and refuses what schema 2 never writes', () => {
    expect(readElementMap(withKeys(packed))).toEqual(note('n1', 'a0'));
    // A grouped field as its own key (an old client writing x), as well as in its group or alone.
    expect(readElementMap(withKeys({ ...packed, x: 5 }))).toBeNull();
    expect(readElementMap(withKeys({ ...packed, g: { y: 0, width: 200, height: 200, frameId: null }, x: 5 }))).toBeNull();
    // A field in another group than its own, or one no group holds.
    expect(readElementMap(withKeys({ ...packed, s: { color: 'yellow', x: 0 } }))).toBeNull();
    expect(readElementMap(withKeys({ ...packed, s: { color: 'yellow', text: 'x' } }))).toBeNull();
    // A group that is not a plain object.
    expect(readElementMap(withKeys({ ...packed, s: ['yellow'] }))).toBeNull();
    expect(readElementMap(withKeys({ ...packed, s: 'yellow' }))).toBeNull();
    expect(readElementMap(withKeys({ ...packed, g: null }))).toBeNull();
  });

  it('refuses a "__proto__" key, which would otherwise hand zod the fields it lacks by inheritance', () => {
    const { s, ...withoutStyle } = packed;
    const map = withKeys(withoutStyle);
    map.set('__proto__', s); // a crafted update can name a key so; { color } would be read through the prototype
    expect([...map.keys()]).toContain('__proto__');
    expect(readElementMap(map)).toBeNull();
  });
});
