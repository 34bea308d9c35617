import type { Awareness } from 'y-protocols/awareness';
import { MAX_COORD, PRESENCE_COLORS, parsePresence, type Presence } from '@sammen/shared';
import type { Box, Point } from '../geometry/bounds.js';
import { throttle } from './throttle.js';

/** Another person on the board, as their (validated) awareness state says. */
export interface Peer {
  readonly clientId: number;
  readonly presence: Presence;
}

/** A stable colour per awareness client, so that a person keeps their colour for the session. */
export const colorForClient = (clientId: number): string => PRESENCE_COLORS[clientId % PRESENCE_COLORS.length]!;

const clampCoord = (n: number): number => Math.max(-MAX_COORD, Math.min(MAX_COORD, n));

/** Everyone else's presence; invalid states (old or hostile clients) are ignored. */
export function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const presence = parsePresence(state);
    if (presence) peers.push({ clientId, presence });
  });
  return peers.sort((a, b) => a.presence.user.name.localeCompare(b.presence.user.name) || a.clientId - b.clientId);
}

/** Cursor updates at most this often: smooth enough to follow, light enough for 50 people. */
const CURSOR_INTERVAL_MS = 50;

/**
 * Publishes this person's presence. Cursor and viewport updates are throttled; the name, colour and
 * selection are sent at once.
 */
export class LocalPresence {
  private state: Presence;
  private readonly publish = throttle(() => this.awareness.setLocalState(this.state), CURSOR_INTERVAL_MS);

  constructor(
    private readonly awareness: Awareness,
    user: { name: string; color: string },
  ) {
    this.state = { user, cursor: null, selection: [], viewport: null };
    awareness.setLocalState(this.state);
  }

  setName(name: string): void {
    this.state = { ...this.state, user: { ...this.state.user, name } };
    this.publish.flush();
    this.awareness.setLocalState(this.state);
  }

  setCursor(p: Point | null): void {
    this.state = { ...this.state, cursor: p ? { x: clampCoord(p.x), y: clampCoord(p.y) } : null };
    this.publish();
  }

  setSelection(ids: Iterable<string>): void {
    this.state = { ...this.state, selection: [...ids].slice(0, 10_000) };
    this.publish();
  }

  /** What this person is dragging or resizing (empty when nothing). */
  setMoving(boxes: ReadonlyArray<{ id: string } & Box>): void {
    const moving = boxes.slice(0, 200).map(({ id, x, y, width, height }) => ({ id, x: clampCoord(x), y: clampCoord(y), width, height }));
    if (moving.length === 0 && !this.state.moving?.length) return;
    this.state = { ...this.state, moving };
    this.publish();
  }

  setViewport(box: Box): void {
    if (!(box.width > 0 && box.height > 0)) return;
    this.state = {
      ...this.state,
      viewport: { x: clampCoord(box.x), y: clampCoord(box.y), width: box.width, height: box.height },
    };
    this.publish();
  }

  destroy(): void {
    this.publish.cancel();
    this.awareness.setLocalState(null);
  }
}
