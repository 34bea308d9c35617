import * as Y from 'yjs';

/** What a Yjs update changes, in terms of the board document's layout. */
export interface Touched {
  /** Root types written to (`elements`, `meta`, `votes` ...). */
  roots: Set<string>;
  /** Keys of the `elements` root whose element (or anything inside it) is created, changed or deleted. */
  elements: Set<string>;
  /** Values written to any element's `frameId` field (moving something into a frame). */
  frameIds: Set<string>;
  /** Something could not be attributed (it refers to content the server does not have). */
  unknown: boolean;
}

type Place = { root: string; key: string | null };
type AnyId = { client: number; clock: number };
const isId = (v: unknown): v is AnyId => typeof v === 'object' && v !== null && 'client' in v && 'clock' in v;

/**
 * Decodes an update without applying it and attributes every inserted item and every deletion to the
 * root type and the top-level key (the element id) it belongs to. An item's parent is either written
 * in the update (a root name or the id of a nested type's item) or, when the item has a left or right
 * neighbour, implied by that neighbour — which may be in the update itself or already in `doc`.
 */
export function touchedByUpdate(update: Uint8Array, doc: Y.Doc): Touched {
  const { structs, ds } = Y.decodeUpdate(update);
  const touched: Touched = { roots: new Set(), elements: new Set(), frameIds: new Set(), unknown: false };
  const local = new Map<number, Y.Item[]>();
  const decoded = new Set<Y.Item>();
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    decoded.add(s);
    const list = local.get(s.id.client) ?? [];
    list.push(s);
    local.set(s.id.client, list);
  }
  const rootNames = new Map<Y.AbstractType<any>, string>();
  doc.share.forEach((type, name) => rootNames.set(type, name));

  const lookup = (id: AnyId): Y.Item | null => {
    const inUpdate = local.get(id.client)?.find((it) => it.id.clock <= id.clock && id.clock < it.id.clock + it.length);
    if (inUpdate) return inUpdate;
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    const found = Y.getItem(doc.store, Y.createID(id.client, id.clock));
    return found instanceof Y.Item ? found : null;
  };

  const structAt = (id: AnyId): Y.Item | Y.GC | null => {
    const inUpdate = local.get(id.client)?.find((it) => it.id.clock <= id.clock && id.clock < it.id.clock + it.length);
    if (inUpdate) return inUpdate;
    if (id.clock >= Y.getState(doc.store, id.client)) return null;
    const found: unknown = Y.getItem(doc.store, Y.createID(id.client, id.clock));
    return found instanceof Y.Item || found instanceof Y.GC ? found : null;
  };

  const placeCache = new Map<Y.Item, Place | null>();
  /** Where an item sits: the root it is under and the key of its top-level ancestor in that root. */
  const placeOf = (item: Y.Item, depth = 0): Place | null => {
    if (depth > 10_000) return null; // a crafted cycle
    const cached = placeCache.get(item);
    if (cached !== undefined) return cached;
    let place: Place | null;
    if (!decoded.has(item)) {
      let cur = item;
      while ((cur.parent as Y.AbstractType<any>)._item) cur = (cur.parent as Y.AbstractType<any>)._item!;
      const root = rootNames.get(cur.parent as Y.AbstractType<any>);
      place = root === undefined ? null : { root, key: cur.parentSub };
    } else if (typeof item.parent === 'string') {
      place = { root: item.parent, key: item.parentSub };
    } else if (isId(item.parent)) {
      const parent = lookup(item.parent);
      const p = parent && placeOf(parent, depth + 1);
      // The parent item's own key is the element when the parent sits directly in the root.
      place = p && { root: p.root, key: p.key };
    } else {
      const neighbourId = item.origin ?? item.rightOrigin;
      const neighbour = neighbourId && lookup(neighbourId);
      place = neighbour ? placeOf(neighbour, depth + 1) : null;
    }
    placeCache.set(item, place);
    return place;
  };
  /** The map key an item is stored under in its parent (written, or implied by its neighbour). */
  const keyOf = (item: Y.Item, depth = 0): string | null => {
    if (!decoded.has(item) || item.parentSub !== null) return item.parentSub;
    if (typeof item.parent === 'string' || isId(item.parent) || depth > 10_000) return null;
    const neighbourId = item.origin ?? item.rightOrigin;
    const neighbour = neighbourId && lookup(neighbourId);
    return neighbour ? keyOf(neighbour, depth + 1) : null;
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
    if (item.content instanceof Y.ContentAny && keyOf(item) === 'frameId') {
      const value = item.content.arr[0];
      if (typeof value === 'string') touched.frameIds.add(value);
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
