import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type StickyNote, deleteElements, getElementText, insertElement, updateElement } from '@sammen/shared';
import { touchedByUpdate } from './touched.js';

const note = (id: string, extra: Partial<StickyNote> = {}): StickyNote => ({
  id, type: 'note', index: 'a0', frameId: null, x: 0, y: 0, width: 200, height: 200, color: 'yellow', text: id, ...extra,
});

/** The server's doc and a client replica of it; `change` runs on the client; returns what it touched. */
function touchedBy(setup: (doc: Y.Doc) => void, change: (doc: Y.Doc) => void) {
  const server = new Y.Doc();
  setup(server);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const sv = Y.encodeStateVector(client);
  change(client);
  return touchedByUpdate(Y.encodeStateAsUpdate(client, sv), server);
}

describe('touchedByUpdate', () => {
  const two = (d: Y.Doc) => {
    insertElement(d, note('a'));
    insertElement(d, note('b'));
  };

  it('attributes a new element, a field change, a text edit and a deletion to their elements', () => {
    expect(touchedBy(two, (d) => insertElement(d, note('c'))).elements).toEqual(new Set(['c']));
    expect(touchedBy(two, (d) => updateElement(d, 'a', { x: 5 })).elements).toEqual(new Set(['a']));
    expect(touchedBy(two, (d) => getElementText(d, 'b')!.insert(1, 'æøå')).elements).toEqual(new Set(['b']));
    expect(touchedBy(two, (d) => getElementText(d, 'b')!.delete(0, 1)).elements).toEqual(new Set(['b']));
    expect(touchedBy(two, (d) => deleteElements(d, ['a'])).elements).toEqual(new Set(['a']));
    const t = touchedBy(two, (d) => updateElement(d, 'a', { x: 5 }));
    expect(t.roots).toEqual(new Set(['elements']));
    expect(t.unknown).toBe(false);
  });

  it('sees the value written to frameId, for new and existing elements', () => {
    expect(touchedBy(two, (d) => updateElement(d, 'a', { frameId: 'f9' })).frameIds).toEqual(new Set(['f9']));
    expect(touchedBy(two, (d) => insertElement(d, note('c', { frameId: 'f8' }))).frameIds).toEqual(new Set(['f8']));
  });

  it('reports writes to other roots', () => {
    expect(touchedBy(two, (d) => d.getMap('votes').set('x', 1)).roots).toEqual(new Set(['votes']));
    expect(touchedBy(two, (d) => d.getMap('meta').set('schemaVersion', 9)).roots).toEqual(new Set(['meta']));
  });

  it('ignores old deletions in a full state update, as clients send on every sync', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    const sync = () => {
      Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    };
    insertElement(client, note('gone'));
    insertElement(client, note('kept'));
    sync();
    updateElement(client, 'kept', { x: 1 });
    updateElement(client, 'kept', { x: 2 });
    deleteElements(client, ['gone']);
    sync();
    // The client's answer to sync step 1 holds its whole delete set but nothing new.
    const t = touchedByUpdate(Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)), server);
    expect(t.elements).toEqual(new Set());
    expect(t.unknown).toBe(false);
  });

  it('flags an update that refers to content the server does not have', () => {
    const a = new Y.Doc();
    insertElement(a, note('a'));
    const server = new Y.Doc(); // never saw note a
    const sv = Y.encodeStateVector(a);
    updateElement(a, 'a', { x: 5 });
    expect(touchedByUpdate(Y.encodeStateAsUpdate(a, sv), server).unknown).toBe(true);
  });
});
