import * as Y from 'yjs';
import { type Element, TEXT_TYPES } from './element.js';

/**
 * How an element's fields are packed into its Y.Map (schema 2). Three groups, each one key holding a
 * plain object, written whole whenever one of its fields changes:
 * - `m` identity and z-order (id, type, index, author): id, type and author never change after
 *   creation, so a reorder writing `m` whole loses nothing;
 * - `g` placement (x, y, width, height, frameId): what a move, a resize or a drop into a frame writes;
 * - `s` style (color, fill, fontSize, kind).
 * Every other field is its own key, and `text` (of TEXT_TYPES) a Y.Text. A move (`g`) and a recolour
 * (`s`) at the same moment both survive; a move and a resize at the same moment keep one of them.
 * Packing cuts the client's apply of 20,000 notes to 0.58x (bench/modelOptions.ts, layout B): each Y.Map
 * key costs an Item, and a note had about ten.
 */
export type FieldGroup = 'm' | 'g' | 's';
export const FIELD_GROUPS: readonly FieldGroup[] = ['m', 'g', 's'];

/** Which group a field is stored in; fields not named here are their own keys. */
export const FIELD_GROUP: Readonly<Record<string, FieldGroup>> = {
  id: 'm',
  type: 'm',
  index: 'm',
  author: 'm',
  x: 'g',
  y: 'g',
  width: 'g',
  height: 'g',
  frameId: 'g',
  color: 's',
  fill: 's',
  fontSize: 's',
  kind: 's',
};

export const TEXT_KEY = 'text';

/** The group a field is stored in, or undefined when it is its own key. */
export const fieldGroupOf = (field: string): FieldGroup | undefined => (Object.hasOwn(FIELD_GROUP, field) ? FIELD_GROUP[field] : undefined);
const isGroupKey = (key: string): key is FieldGroup => key === 'm' || key === 'g' || key === 's';
export const isTextType = (type: unknown): boolean => (TEXT_TYPES as readonly unknown[]).includes(type);

/** A plain object as decoded from a Yjs update (not an array, not a class instance). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export type Unpacked = { ok: true; fields: Record<string, unknown> } | { ok: false; error: string };

/**
 * The plain fields of an element from its stored keys (text already a string). Refuses what schema 2
 * never writes: a grouped field as its own key (an old client writing `x`), a field in the wrong
 * group, a group that is not a plain object. Unvalidated: the caller validates the result.
 */
export function unpackFields(stored: Iterable<[string, unknown]>): Unpacked {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of stored) {
    const error = unpackStoredKey(fields, key, value);
    if (error !== null) return { ok: false, error };
  }
  return { ok: true, fields };
}

/**
 * `unpackFields` one stored key at a time: adds the fields of `key` to `fields`, or says why `key` is
 * refused. Builds no temporary pairs (opening a board reads 20,000 elements with it).
 */
export function unpackStoredKey(fields: Record<string, unknown>, key: string, value: unknown): string | null {
  // Assigning it would set the fields object's prototype, and zod reads inherited properties.
  if (key === '__proto__') return '"__proto__" is not a field';
  if (isGroupKey(key)) {
    if (!isPlainObject(value)) return `"${key}" is not a plain object`;
    for (const field in value) {
      if (!Object.hasOwn(value, field)) continue;
      if (fieldGroupOf(field) !== key) return `"${field.slice(0, 40)}" does not belong in "${key}"`;
      fields[field] = value[field];
    }
    return null;
  }
  const group = fieldGroupOf(key);
  if (group) return `"${key.slice(0, 40)}" is stored outside its group "${group}"`;
  fields[key] = value;
  return null;
}

/** The stored keys of an element: groups as plain objects (only with the fields it has), others as they are. */
export function packFields(element: Readonly<Record<string, unknown>>): Map<string, unknown> {
  const packed = new Map<string, unknown>();
  for (const [field, value] of Object.entries(element)) {
    if (value === undefined) continue;
    const group = fieldGroupOf(field);
    if (!group) {
      packed.set(field, value);
      continue;
    }
    const object = (packed.get(group) as Record<string, unknown> | undefined) ?? {};
    object[field] = value;
    packed.set(group, object);
  }
  return packed;
}

/** A new element map in the packed layout (the text of TEXT_TYPES as a Y.Text); not yet in a document. */
export function buildElementMap(element: Element): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  const textual = isTextType(element.type);
  for (const [key, value] of packFields(element)) {
    map.set(key, key === TEXT_KEY && textual ? new Y.Text(String(value)) : value);
  }
  return map;
}

/** One field of a stored element map as stored, unvalidated (for the server gate's cheap look-ups). */
export function storedField(map: Y.Map<unknown>, field: string): unknown {
  const group = fieldGroupOf(field);
  if (!group) return map.get(field);
  const object = map.get(group);
  return isPlainObject(object) ? object[field] : undefined;
}
