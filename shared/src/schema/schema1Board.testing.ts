import * as Y from 'yjs';
import { elementsMap } from '../doc.js';
import type { Element } from './element.js';
import { isTextType } from './layout.js';

/**
 * A board as schema 1 stored it (a key per field, text as a Y.Text), for tests of the migration to
 * schema 2. With `junk`, also an element schema 1 could not read either. Kept out of the build.
 */
export function schema1Board(elements: readonly Element[], junk = true): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    doc.getMap('meta').set('schemaVersion', 1);
    for (const el of elements) {
      const map = new Y.Map<unknown>();
      elementsMap(doc).set(el.id, map);
      for (const [k, v] of Object.entries(el)) map.set(k, k === 'text' && isTextType(el.type) ? new Y.Text(String(v)) : v);
    }
    if (junk) {
      const bad = new Y.Map<unknown>();
      elementsMap(doc).set('junk', bad);
      bad.set('type', 'note');
    }
  });
  return doc;
}

