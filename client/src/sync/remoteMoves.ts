import type { Element } from '@sammen/shared';
import type { Peer } from './presence.js';

/**
 * Elements other people are dragging or resizing right now, at their provisional boxes (from their
 * presence), so a move is seen live and not only when it is dropped. What this person is moving
 * themselves wins; arrows follow from their ends and are never in the list.
 */
export function remoteMoves(
  peers: readonly Peer[],
  get: (id: string) => Element | undefined,
  own: ReadonlyMap<string, Element> | null,
): Map<string, Element> {
  const out = new Map<string, Element>();
  for (const peer of peers) {
    for (const m of peer.presence.moving ?? []) {
      if (own?.has(m.id)) continue;
      const el = get(m.id);
      if (!el || el.type === 'arrow') continue;
      out.set(m.id, { ...el, x: m.x, y: m.y, width: m.width, height: m.height });
    }
  }
  return out;
}
