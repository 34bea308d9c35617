import * as Y from 'yjs';
import { type DecodedUpdate, decodedForm } from './decodedUpdate.js';

type AnyId = { client: number; clock: number };
const isId = (v: unknown): v is AnyId => typeof v === 'object' && v !== null && 'client' in v && 'clock' in v;

/**
 * Whether `update` integrates into `doc` completely, leaving nothing pending: every client's structs
 * continue where the document (or the update itself) is, every item's neighbours and parent exist, and
 * every deletion refers to content that exists. Yjs would otherwise park the rest as pending structs
 * (and pending deletions) and integrate them later, when another update fills the gap — applying
 * changes no gate has seen as a whole, while the deletions in the same update apply at once (a field
 * deleted now, its new value "later", leaves an element without that field).
 */
export function integratesCompletely(update: Uint8Array | DecodedUpdate, doc: Y.Doc): boolean {
  const { structs, ds } = decodedForm(update);
  const end = new Map<number, number>();
  const known = (client: number): number => end.get(client) ?? Y.getState(doc.store, client);
  for (const s of structs) {
    if (s instanceof Y.Skip) return false; // a merged update's own gap
    const from = known(s.id.client);
    if (s.id.clock > from) return false;
    end.set(s.id.client, Math.max(from, s.id.clock + s.length));
  }
  for (const s of structs) {
    if (!(s instanceof Y.Item)) continue;
    for (const ref of [s.origin, s.rightOrigin, isId(s.parent) ? s.parent : null]) {
      if (ref && ref.clock >= known(ref.client)) return false;
    }
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) if (clock + len > known(client)) return false;
  }
  return true;
}
