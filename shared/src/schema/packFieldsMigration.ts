import * as Y from 'yjs';
import { validateElement } from './element.js';
import { buildElementMap } from './layout.js';
import type { Migration } from './migrations.js';

/**
 * Schema 1 → 2: each element's fields from a key per field to packed groups (`m`, `g`, `s`; see
 * layout.ts). Every readable element map is replaced whole by a new one, so the old map's ten-odd
 * keys become one deleted item instead of ten tombstones a field-by-field rewrite would leave. An
 * element schema 1 could not read either (written by a buggy or hostile client) is left as it is:
 * readers skip it before and after.
 */
export const packFieldsMigration: Migration = {
  from: 1,
  description: 'pack element fields into groups m, g, s',
  up(doc) {
    const elements = doc.getMap<Y.Map<unknown>>('elements');
    for (const [id, map] of [...elements.entries()]) {
      if (!(map instanceof Y.Map)) continue;
      const element = readSchema1Element(map);
      if (element && element.id === id) elements.set(id, buildElementMap(element));
    }
    return { ok: true };
  },
};

/** Schema 1's reader, kept for this migration only: a key per field, `text` a Y.Text. */
function readSchema1Element(map: Y.Map<unknown>) {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) {
    if (value instanceof Y.Text) plain[key] = value.toString();
    else if (value instanceof Y.AbstractType) return null;
    else plain[key] = value;
  }
  const result = validateElement(plain);
  return result.ok ? result.value : null;
}
