import * as Y from 'yjs';
import { fieldGroupOf, isPlainObject } from '@sammen/shared';
import { type DecodedUpdate, decodedForm } from '../sync/decodedUpdate.js';
import { UpdateIndex } from './updateIndex.js';

/** What a Yjs update changes, in terms of the board document's layout. */
export interface Touched {
  /** Root types written to (`elements`, `meta`, `votes` ...). */
  roots: Set<string>;
  /** Keys of the `elements` root whose element (or anything inside it) is created, changed or deleted. */
  elements: Set<string>;
  /** Values written to any element's `frameId` field, in its group `g` (moving something into a frame). */
  frameIds: Set<string>;
  /** Something could not be attributed (it refers to content the server does not have). */
  unknown: boolean;
}

/** The stored key that holds `frameId`: its group (content.ts refuses it as a key of its own). */
const PLACEMENT = fieldGroupOf('frameId');

type Place = { root: string; key: string | null };
type AnyId = { client: number; clock: number };
const isId = (v: unknown): v is AnyId => typeof v === 'object' && v !== null && 'client' in v && 'clock' in v;

/**
 * Decodes an update without applying it and attributes every inserted item and every deletion to the
 * root type and the top-level key (the element id) it belongs to. An item's parent is either written
 * in the update (a root name or the id of a nested type's item) or, when the item has a left or right
 * neighbour, implied by that neighbour — which may be in the update itself or already in `doc`.
 */
export function touchedByUpdate(update: Uint8Array | DecodedUpdate, doc: Y.Doc): Touched {
  const { structs, ds } = decodedForm(update);
  const touched: Touched = { roots: new Set(), elements: new Set(), frameIds: new Set(), unknown: false };
  // Looked up by binary search: an update can hold 100,000 items, and a linear search per item made
  // one crafted 2 MiB message cost minutes of CPU.
  const index = new UpdateIndex(structs);
  const decoded = new Set<Y.Item>();
  for (const s of structs) if (s instanceof Y.Item) decoded.add(s);
  const inUpdate = (id: AnyId): Y.Item | null => {
    const found = index.find(id);
    return found instanceof Y.Item ? found : null;
  };
  const rootNames = new Map<Y.AbstractType<any>, string>();
  doc.share.forEach((type, name) => rootNames.set(type, name));

  const lookup = (id: AnyId): Y.Item | null => {
    const local = inUpdate(id);
    if (local) return local;
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    const found = Y.getItem(doc.store, Y.createID(id.client, id.clock));
    return found instanceof Y.Item ? found : null;
  };

  const structAt = (id: AnyId): Y.Item | Y.GC | null => {
    const local = inUpdate(id);
    if (local) return local;
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    const found: unknown = Y.getItem(doc.store, Y.createID(id.client, id.clock));
    return found instanceof Y.Item || found instanceof Y.GC ? found : null;
  };

  const placeCache = new Map<Y.Item, Place | null>();
  /**
   * Where an item sits: the root it is under and the key of its top-level ancestor in that root. Its
   * parent (written, or implied by a neighbour) has the same place; followed in a loop, not recursion,
   * since a chain of typed characters can be as long as the update.
   */
  const placeOf = (start: Y.Item): Place | null => {
    const path: Y.Item[] = [];
    let item: Y.Item | null = start;
    let place: Place | null = null;
    while (item) {
      const cached = placeCache.get(item);
      if (cached !== undefined) {
        place = cached;
        break;
      }
      path.push(item);
      if (path.length > decoded.size + 1) break; // a crafted cycle
      if (!decoded.has(item)) {
        let cur = item;
        while ((cur.parent as Y.AbstractType<any>)._item) cur = (cur.parent as Y.AbstractType<any>)._item!;
        const root = rootNames.get(cur.parent as Y.AbstractType<any>);
        place = root === undefined ? null : { root, key: cur.parentSub };
        break;
      }
      if (typeof item.parent === 'string') {
        place = { root: item.parent, key: item.parentSub };
        break;
      }
      const next: AnyId | null = isId(item.parent) ? item.parent : (item.origin ?? item.rightOrigin);
      item = next ? lookup(next) : null;
    }
    for (const p of path) placeCache.set(p, place);
    return place;
  };
  /** The map key an item is stored under in its parent (written, or implied by its neighbour). */
  const keyOf = (start: Y.Item): string | null => {
    let item: Y.Item | null = start;
    for (let steps = 0; item && steps <= decoded.size + 1; steps++) {
      if (!decoded.has(item) || item.parentSub !== null) return item.parentSub;
      if (typeof item.parent === 'string' || isId(item.parent)) return null;
      const neighbourId: AnyId | null = item.origin ?? item.rightOrigin;
      item = neighbourId ? lookup(neighbourId) : null;
    }
    return null;
  };

  const record = (item: Y.Item): void => {
    const place = placeOf(item);
    if (!place) {
      touched.unknown = true;
      return;
    }
    touched.roots.add(place.root);
    if (place.root === 'elements' && place.key !== null) touched.elements.add(place.key);
  };

  for (const item of decoded) {
    // Already integrated (a resent update): applying it changes nothing.
    if (item.id.clock + item.length <= Y.getState(doc.store, item.id.client)) continue;
    record(item);
    if (item.content instanceof Y.ContentAny && keyOf(item) === PLACEMENT) {
      const value: unknown = item.content.arr[0];
      if (isPlainObject(value) && typeof value.frameId === 'string') touched.frameIds.add(value.frameId);
    }
  }
  // A client's sync message carries its whole delete set, so most deletions are old news: content the
  // server already deleted (an Item marked deleted, or garbage-collected into a GC struct) is skipped.
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      let c = clock;
      while (c < clock + len) {
        const struct = structAt({ client, clock: c });
        if (!struct) {
          touched.unknown = true;
          break;
        }
        const alreadyDeleted = !(struct instanceof Y.Item) || (!decoded.has(struct) && struct.deleted);
        if (!alreadyDeleted) record(struct as Y.Item);
        c = struct.id.clock + struct.length;
      }
    }
  }
  return touched;
}
