import type { Peer } from '../sync/presence.js';
import { worldToScreen, type Viewport } from '../geometry/viewport.js';

/**
 * Colleagues' pointers with their names, as HTML above the canvas (crisp text at any zoom, and no
 * Konva redraw when only a cursor moves). Hidden from assistive technology: the presence list says who
 * is here.
 */
export function RemoteCursors({ peers, viewport }: { peers: readonly Peer[]; viewport: Viewport }) {
  return (
    <div className="remote-cursors" aria-hidden="true">
      {peers.map(({ clientId, presence }) => {
        if (!presence.cursor) return null;
        const p = worldToScreen(viewport, presence.cursor);
        return (
          <div key={clientId} className="remote-cursor" style={{ transform: `translate(${p.x}px, ${p.y}px)` }}>
            <svg width="16" height="20" viewBox="0 0 16 20">
              <path d="M1 1 L1 17 L5.5 12.5 L9 19 L11.5 18 L8 11.5 L14 11.5 Z" fill={presence.user.color} stroke="#fff" strokeWidth="1.2" />
            </svg>
            <span className="remote-cursor-name" style={{ background: presence.user.color }}>
              {presence.user.name}
            </span>
          </div>
        );
      })}
    </div>
  );
}
