import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { elementsMap, getElementText, getElements } from '../doc.js';
import { schema1Board } from './schema1Board.testing.js';
import type { Element } from './element.js';
import { SCHEMA_VERSION, getSchemaVersion, migrateDoc } from './migrations.js';

const board: Element[] = [
  { id: 'n1', type: 'note', index: 'a0', frameId: 'f1', x: 10, y: 20, width: 200, height: 200, color: 'pink', text: 'Gåbus til skolen', author: 'Kari' },
  { id: 'f1', type: 'frame', index: 'Zz', frameId: null, x: 0, y: 0, width: 800, height: 600, title: 'Idéer', fill: 'white' },
  { id: 't1', type: 'text', index: 'a1', frameId: null, x: 5, y: 5, width: 240, height: 40, text: 'Overskrift', fontSize: 32, color: 'dark' },
  { id: 'c1', type: 'arrow', index: 'a2', frameId: null, start: { kind: 'element', elementId: 'n1' }, end: { kind: 'point', x: 9, y: 9 }, color: 'dark' },
];

describe('migration 1 → 2: packed fields', () => {
  it('rewrites every readable element whole into the packed layout, text and all', () => {
    const doc = schema1Board(board);
    expect(getElements(doc)).toEqual([]); // schema 2 readers do not read schema 1
    const oldN1 = elementsMap(doc).get('n1');
    expect(migrateDoc(doc)).toEqual({ ok: true, from: 1, to: SCHEMA_VERSION });
    expect(getSchemaVersion(doc)).toBe(2);
    expect(getElements(doc)).toEqual([...board].sort((a, b) => (a.index < b.index ? -1 : 1)));
    const n1 = elementsMap(doc).get('n1')!;
    expect(n1).not.toBe(oldN1);
    expect([...n1.keys()].sort()).toEqual(['g', 'm', 's', 'text']);
    expect(getElementText(doc, 'n1')!.toString()).toBe('Gåbus til skolen');
    expect([...elementsMap(doc).get('c1')!.keys()].sort()).toEqual(['end', 'g', 'm', 's', 'start']);
    // What schema 1 could not read either is left as it was; readers still skip it.
    expect([...elementsMap(doc).get('junk')!.keys()]).toEqual(['type']);
  });

  it('reaches another replica as updates, and a second load writes nothing', () => {
    const a = schema1Board(board);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    migrateDoc(a);
    expect(getElements(b)).toEqual(getElements(a));
    expect(getSchemaVersion(b)).toBe(2);
    let updates = 0;
    a.on('update', () => updates++);
    migrateDoc(a);
    expect(updates).toBe(0);
  });

  it('a text typed into the old map after the migration was prepared is lost, not half-kept', () => {
    // The server migrates a board before any client edits it (Room.applyLoaded), so this only documents
    // what replacing maps whole means: an edit to the replaced map is not read any more.
    const a = schema1Board(board, false);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    migrateDoc(a);
    (elementsMap(b).get('n1')!.get('text') as Y.Text).insert(0, 'x');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(getElements(a).find((e) => e.id === 'n1')).toMatchObject({ text: 'Gåbus til skolen' });
  });
});
