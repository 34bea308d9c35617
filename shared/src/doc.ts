import * as Y from 'yjs';
import { type Element, type ElementType, validateElement } from './schema/element.js';
import { FIELD_GROUPS, TEXT_KEY, buildElementMap, fieldGroupOf, packFields, storedField, unpackStoredKey } from './schema/layout.js';
import { SCHEMA_VERSION } from './schema/migrations.js';
import { compareByIndex } from './zorder.js';
import type { ElementId } from './ids.js';

/**
 * Typed accessors: the only code that knows how a board lives in a Y.Doc.
 *
 * Layout (schema 2):
 * - `meta`: Y.Map { schemaVersion: number }
 * - `elements`: Y.Map<ElementId, Y.Map>; each element is a Y.Map whose fields are packed in groups
 *   (`m` identity and z-order, `g` placement, `s` style: plain objects, see schema/layout.ts), other
 *   fields their own keys, and `text` a Y.Text. A Y.Map per element lets one person move a note while
 *   another recolours it and keep both changes; a Y.Text lets two people type in one note. See
 *   ARCHITECTURE.md for the figures behind this choice.
 */
export type ElementMap = Y.Map<unknown>;

const ELEMENTS = 'elements';

export function elementsMap(doc: Y.Doc): Y.Map<ElementMap> {
  return doc.getMap<ElementMap>(ELEMENTS);
}

/**
 * The plain, validated form of one element map, or null when what is stored is not a valid element.
 * Reads one level only, never `toJSON()`: an element holds plain values and one Y.Text, and a map
 * holding any other type (say a Y.Array nested 20,000 deep) is invalid without being walked.
 */
export function readElementMap(map: ElementMap): Element | null {
  // forEach rather than entries(): Yjs's entries() wraps two iterators and a [key, value] pair per key,
  // garbage that opening a 20,000-note board paid for 20,000 times.
  const fields: Record<string, unknown> = {};
  let valid = true;
  map.forEach((value, key) => {
    if (!valid) return;
    if (value instanceof Y.AbstractType) {
      if (value instanceof Y.Text) value = value.toString();
      else return void (valid = false);
    }
    if (unpackStoredKey(fields, key, value) !== null) valid = false;
  });
  if (!valid) return null;
  const result = validateElement(fields);
  return result.ok ? result.value : null;
}

/** One element by id, validated; undefined when absent or invalid. */
export function getElement(doc: Y.Doc, id: string): Element | undefined {
  const map = elementsMap(doc).get(id);
  return (map && readElementMap(map)) ?? undefined;
}

/**
 * All valid elements in z-order (back to front). Invalid entries (written by a buggy or hostile
 * client) are skipped rather than crashing every reader.
 */
export function getElements(doc: Y.Doc): Element[] {
  const out: Element[] = [];
  elementsMap(doc).forEach((map) => {
    const el = readElementMap(map);
    if (el) out.push(el);
  });
  return out.sort(compareByIndex);
}

/** One field of an element as stored, unvalidated: a cheap look-up for the server's gate. */
export function getStoredField(doc: Y.Doc, id: string, field: string): unknown {
  const map = elementsMap(doc).get(id);
  return map ? storedField(map, field) : undefined;
}

/** The element's collaborative text, for binding an editor to it. */
export function getElementText(doc: Y.Doc, id: string): Y.Text | undefined {
  const t = elementsMap(doc).get(id)?.get(TEXT_KEY);
  return t instanceof Y.Text ? t : undefined;
}

export class InvalidElementError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidElementError';
  }
}

/** Adds an element (validated first; throws InvalidElementError naming the bad field). */
export function insertElement(doc: Y.Doc, element: Element): void {
  const result = validateElement(element);
  if (!result.ok) throw new InvalidElementError(result.error);
  const map = buildElementMap(result.value);
  doc.transact(() => elementsMap(doc).set(element.id, map));
}

/** The fields of an element that `updateElement` may change (not id or type). */
export type ElementPatchOf<T extends ElementType> = Partial<Omit<Extract<Element, { type: T }>, 'id' | 'type'>>;
/** A patch for any kind of element (a union, so `{ x, y }` or `{ color }` type-check). */
export type ElementPatch = { [K in ElementType]: ElementPatchOf<K> }[ElementType];

/**
 * Changes some fields of an element. Only what differs is written: a group (`m`, `g`, `s`) whole when
 * one of its fields changed, other fields one by one, so concurrent edits of other groups and fields
 * are untouched. `text` is replaced as a whole here; typing goes through the Y.Text.
 * Validates the result; throws InvalidElementError and changes nothing when it would be invalid.
 */
export function updateElement(doc: Y.Doc, id: string, patch: ElementPatch): boolean {
  const map = elementsMap(doc).get(id);
  const current = map && readElementMap(map);
  if (!map || !current) return false;
  const next = { ...current, ...patch, id: current.id, type: current.type };
  const result = validateElement(next);
  if (!result.ok) throw new InvalidElementError(result.error);
  const old = current as Record<string, unknown>;
  const changed = Object.entries(result.value).filter(([key, value]) => !sameValue(old[key], value));
  const groups = new Set(changed.map(([key]) => fieldGroupOf(key)).filter((g) => g !== undefined));
  const packed = packFields(result.value);
  doc.transact(() => {
    for (const group of FIELD_GROUPS) {
      if (!groups.has(group)) continue;
      const value = packed.get(group);
      if (value === undefined) map.delete(group);
      else map.set(group, value);
    }
    for (const [key, value] of changed) {
      if (fieldGroupOf(key)) continue;
      if (key === TEXT_KEY) {
        const text = map.get(TEXT_KEY);
        if (text instanceof Y.Text) {
          text.delete(0, text.length);
          text.insert(0, String(value));
          continue;
        }
      }
      if (value === undefined) map.delete(key);
      else map.set(key, value);
    }
  });
  return true;
}

/** Deletes elements by id; unknown ids are ignored. */
export function deleteElements(doc: Y.Doc, ids: Iterable<string>): void {
  const elements = elementsMap(doc);
  doc.transact(() => {
    for (const id of ids) elements.delete(id);
  });
}

/**
 * Calls `listener` with the ids of elements that were added, removed or changed (including text
 * edits) by each transaction (possibly also an id added and removed within it). Returns the unsubscribe function.
 */
export function observeElements(
  doc: Y.Doc,
  listener: (changed: Set<ElementId>, transaction: Y.Transaction) => void,
): () => void {
  const elements = elementsMap(doc);
  const handler = (events: Array<Y.YEvent<any>>, transaction: Y.Transaction): void => {
    const changed = new Set<ElementId>();
    for (const event of events) {
      if (event.target === elements) {
        // keysChanged, not changes.keys: the latter builds a change record per key (20,000 on the
        // first sync of a big board) that no listener reads. It may name a key added and removed in the
        // same transaction; listeners re-read each id anyway.
        for (const key of (event as Y.YMapEvent<ElementMap>).keysChanged) {
          if (typeof key === 'string') changed.add(key as ElementId);
        }
      } else {
        // A change inside an element map (or its Y.Text): the first path segment is the element id.
        const id = event.path[0];
        if (typeof id === 'string') changed.add(id as ElementId);
      }
    }
    if (changed.size) listener(changed, transaction);
  };
  elements.observeDeep(handler);
  return () => elements.unobserveDeep(handler);
}

/** Prepares a new, empty board document at the current schema version. */
export function initBoardDoc(doc: Y.Doc, origin: unknown = 'init'): void {
  doc.transact(() => {
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION);
  }, origin);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'object' && typeof b === 'object' && a && b) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}
