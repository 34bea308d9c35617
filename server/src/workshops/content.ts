import * as Y from 'yjs';
import { MAX_TEXT_LENGTH, elementIdSchema, unpackFields, validateElement } from '@sammen/shared';
import { type DecodedUpdate, decodedForm } from '../sync/decodedUpdate.js';
import { UpdateIndex } from './updateIndex.js';
import { jsonDepth } from '../values/jsonDepth.js';

/** What a board update would leave behind, judged before it is applied. */
export type ContentVerdict = { ok: true } | { ok: false; reason: string };

/** Plain field values are a few levels deep at most (a connector's endpoint, an action card's actors). */
const MAX_VALUE_DEPTH = 4;
const ELEMENTS = 'elements';
const TEXT = 'text';

type AnyId = { client: number; clock: number };
type Parent = { root: string } | { item: Y.Item } | null;
const isId = (v: unknown): v is AnyId => typeof v === 'object' && v !== null && 'client' in v && 'clock' in v;
const refuse = (reason: string): ContentVerdict => ({ ok: false, reason });

/**
 * Judges a board update's content without applying it: every element it creates or changes must still
 * pass the element schema afterwards, and it may only create the shapes the board has (`doc.ts`): an
 * element is a Y.Map in `elements`; inside it plain values (the groups `m`, `g`, `s` plain objects of
 * their own fields, see shared's `schema/layout.ts`), and one Y.Text under `text`; inside that,
 * characters. A grouped field written as its own key (a client from before schema 2) is refused. Anything else — a Y.Array nested 20,000 deep, a sub-document, binary content — is
 * refused before any reader (report, template, `toJSON()`) has to walk it. Nothing here recurses: the
 * parent of an item is found by following its neighbours in a loop, and the layout is three levels.
 *
 * Items whose parent cannot be found yet (they wait for a missing struct) are judged when they are
 * released: the caller passes the pending structs that an update would release (see `releasedPending`).
 */
export function checkContent(update: Uint8Array | DecodedUpdate, doc: Y.Doc): ContentVerdict {
  const { structs, ds } = decodedForm(update);
  const index = new UpdateIndex(structs);
  const rootNames = new Map<Y.AbstractType<any>, string>();
  doc.share.forEach((type, name) => rootNames.set(type, name));
  const inDoc = (item: Y.Item): boolean => !index.has(item);
  const lookup = (id: AnyId): Y.Item | null => {
    const local = index.find(id);
    if (local) return local instanceof Y.Item ? local : null;
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    const found: unknown = Y.getItem(doc.store, Y.createID(id.client, id.clock));
    return found instanceof Y.Item ? found : null;
  };

  // Parent and key of an item, found iteratively; chains of typed characters are memoised.
  const parents = new Map<Y.Item, Parent>();
  const parentOf = (start: Y.Item): Parent => {
    const path: Y.Item[] = [];
    let item: Y.Item | null = start;
    let result: Parent = null;
    while (item) {
      const known = parents.get(item);
      if (known !== undefined) {
        result = known;
        break;
      }
      path.push(item);
      if (inDoc(item)) {
        const type = item.parent as Y.AbstractType<any>;
        const name = rootNames.get(type);
        result = type._item ? { item: type._item } : name !== undefined ? { root: name } : null;
        break;
      }
      if (typeof item.parent === 'string') {
        result = { root: item.parent };
        break;
      }
      if (isId(item.parent)) {
        const p = lookup(item.parent);
        result = p ? { item: p } : null;
        break;
      }
      const neighbour: AnyId | null = item.origin ?? item.rightOrigin;
      item = neighbour ? lookup(neighbour) : null;
      if (item && path.length > structs.length + 1) item = null; // a crafted cycle
    }
    for (const p of path) parents.set(p, result);
    return result;
  };
  const keyOf = (start: Y.Item): string | null => {
    let item: Y.Item | null = start;
    for (let steps = 0; item && steps <= structs.length + 1; steps++) {
      if (inDoc(item) || item.parentSub !== null) return item.parentSub;
      if (typeof item.parent === 'string' || isId(item.parent)) return null;
      const neighbour: AnyId | null = item.origin ?? item.rightOrigin;
      item = neighbour ? lookup(neighbour) : null;
    }
    return null;
  };
  /** An element's map: a Y.Map directly in `elements`. */
  const isElement = (container: Y.Item): boolean => {
    if (!(container.content instanceof Y.ContentType && container.content.type instanceof Y.Map)) return false;
    const parent = parentOf(container);
    return parent !== null && 'root' in parent && parent.root === ELEMENTS;
  };
  /** What a container item is in the board's layout: an element, an element's text, or nothing allowed. */
  const kindOf = (container: Y.Item): 'element' | 'text' | 'other' => {
    if (isElement(container)) return 'element';
    if (!(container.content instanceof Y.ContentType && container.content.type instanceof Y.Text) || keyOf(container) !== TEXT) return 'other';
    const parent = parentOf(container);
    return parent && 'item' in parent && isElement(parent.item) ? 'text' : 'other';
  };

  const deletedByUpdate = (item: Y.Item): boolean => Y.isDeleted(ds, item.id);
  const changes = new Map<Y.Item, ElementChange>();
  const changeOf = (element: Y.Item): ElementChange => {
    let change = changes.get(element);
    if (!change) changes.set(element, (change = { fields: new Map(), removed: new Set(), texts: new Map() }));
    return change;
  };

  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue; // already have it
    const parent = parentOf(struct);
    if (!parent) continue; // waits for a missing struct; judged when it is released
    const content = struct.content;
    const deleted = deletedByUpdate(struct) || content instanceof Y.ContentDeleted;
    if ('root' in parent) {
      if (parent.root !== ELEMENTS) continue; // the gate decides who may write other roots
      if (content instanceof Y.ContentDeleted) continue;
      if (!(content instanceof Y.ContentType && content.type instanceof Y.Map)) return refuse('An element must be a map of fields');
      const key = keyOf(struct);
      if (key === null || !elementIdSchema.safeParse(key).success) return refuse('An element needs a valid id as its key');
      if (!deleted) changeOf(struct).created = key;
      continue;
    }
    const kind = kindOf(parent.item);
    if (kind === 'element') {
      const key = keyOf(struct);
      if (key === null) return refuse('An element field needs a name');
      if (content instanceof Y.ContentDeleted) continue;
      if (content instanceof Y.ContentType) {
        if (!(key === TEXT && content.type instanceof Y.Text)) return refuse(`Field "${key.slice(0, 40)}" may not hold a nested type`);
        if (!deleted) changeOf(parent.item).fields.set(key, { text: struct });
        continue;
      }
      if (!(content instanceof Y.ContentAny)) return refuse(`Field "${key.slice(0, 40)}" holds content of an unexpected kind`);
      const value: unknown = content.arr[content.arr.length - 1];
      if (jsonDepth(value, MAX_VALUE_DEPTH) > MAX_VALUE_DEPTH) return refuse(`Field "${key.slice(0, 40)}" is nested too deep`);
      if (!deleted) changeOf(parent.item).fields.set(key, { value });
      continue;
    }
    if (kind === 'text') {
      if (!(content instanceof Y.ContentString || content instanceof Y.ContentDeleted)) return refuse('Text may hold only characters');
      const element = parentOf(parent.item);
      if (!deleted && element && 'item' in element) {
        const texts = changeOf(element.item).texts;
        texts.set(parent.item, (texts.get(parent.item) ?? 0) + struct.length);
      }
      continue;
    }
    return refuse('Content nested where the board has none (only elements, their fields and their text)');
  }

  // Deletions of content the server has: removed fields and deleted characters count too.
  for (const [client, ranges] of ds.clients) {
    const state = Y.getState(doc.store, client);
    for (const { clock, len } of ranges) {
      let c = clock;
      const end = Math.min(clock + len, state);
      while (c < end) {
        const struct: unknown = Y.getItem(doc.store, Y.createID(client, c));
        if (!(struct instanceof Y.Item)) break;
        c = struct.id.clock + struct.length;
        if (struct.deleted) continue;
        const parent = parentOf(struct);
        if (!parent || 'root' in parent) continue; // deleting a whole element is always allowed
        const kind = kindOf(parent.item);
        if (kind === 'element' && struct.parentSub !== null) changeOf(parent.item).removed.add(struct.parentSub);
        else if (kind === 'text') {
          const element = parentOf(parent.item);
          if (element && 'item' in element) {
            const texts = changeOf(element.item).texts;
            const overlap = Math.min(struct.id.clock + struct.length, clock + len) - Math.max(struct.id.clock, clock);
            texts.set(parent.item, (texts.get(parent.item) ?? 0) - (struct.countable ? overlap : 0));
          }
        }
      }
    }
  }

  for (const [element, change] of changes) {
    if (element.deleted || deletedByUpdate(element)) continue; // a deleted element is seen by no one
    const verdict = judgeElement(element, change, keyOf(element), (item) => index.has(item));
    if (!verdict.ok) return verdict;
  }
  return { ok: true };
}

interface ElementChange {
  /** Set when the update creates this element map (under this key). */
  created?: string;
  /** New field values: a plain value, or a new Y.Text item. */
  fields: Map<string, { value: unknown } | { text: Y.Item }>;
  /** Fields of the existing map the update deletes. */
  removed: Set<string>;
  /** Net characters added to each text (existing or new) of the element. */
  texts: Map<Y.Item, number>;
}

/** Builds the element as it would read after the update and validates it with the schema. */
function judgeElement(element: Y.Item, change: ElementChange, key: string | null, isNew: (item: Y.Item) => boolean): ContentVerdict {
  const fields: Record<string, unknown> = {};
  const textItems = new Map<string, Y.Item>();
  if (!isNew(element)) {
    const map = (element.content as Y.ContentType).type as Y.Map<unknown>;
    for (const [k, item] of map._map) {
      if (item.deleted) continue;
      const c = item.content;
      if (c instanceof Y.ContentAny) fields[k] = c.arr[c.arr.length - 1];
      else if (c instanceof Y.ContentType && c.type instanceof Y.Text) {
        textItems.set(k, item);
        fields[k] = c.type.toString();
      } else return refuse(`Element ${key ?? ''} holds content the board does not have`);
    }
  }
  for (const k of change.removed) if (!change.fields.has(k)) delete fields[k];
  for (const [k, v] of change.fields) {
    if ('value' in v) fields[k] = v.value;
    else {
      textItems.set(k, v.text);
      fields[k] = '';
    }
  }
  for (const [k, item] of textItems) {
    // A new text (not in the document yet) holds only what the update inserts into it.
    const existing = !isNew(item) && item.content instanceof Y.ContentType && !item.deleted ? (item.content.type as Y.Text).length : 0;
    const length = existing + (change.texts.get(item) ?? 0);
    if (length > MAX_TEXT_LENGTH) return refuse(`Element ${key ?? ''}: ${k} is longer than ${MAX_TEXT_LENGTH} characters`);
  }
  const unpacked = unpackFields(Object.entries(fields));
  if (!unpacked.ok) return refuse(`Element ${key ?? ''}: ${unpacked.error}`.slice(0, 120));
  const result = validateElement(unpacked.fields);
  if (!result.ok) return refuse(`Element ${key ?? ''} would be invalid: ${result.error}`.slice(0, 120));
  if (result.value.id !== key) return refuse(`Element ${key ?? ''} has another id in its fields`);
  for (const k of Object.keys(unpacked.fields)) if (!(k in result.value)) return refuse(`Element ${key ?? ''} has an unknown field "${k.slice(0, 40)}"`);
  return { ok: true };
}
