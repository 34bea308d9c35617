import type { Point } from '../geometry/bounds.js';
import { panBy, type Viewport } from '../geometry/viewport.js';
import type { Tool } from './types.js';

/** Hand tool (H), also used while Space or the middle button is held: drag to pan. */
export function createHandTool(): Tool {
  let start: { screen: Point; viewport: Viewport } | null = null;
  return {
    id: 'hand',
    cursor: 'grab',
    pointerDown(e, editor) {
      start = { screen: e.screen, viewport: editor.getState().viewport };
    },
    pointerMove(e, editor) {
      if (!start) return;
      editor.setViewport(panBy(start.viewport, e.screen.x - start.screen.x, e.screen.y - start.screen.y));
    },
    pointerUp() {
      start = null;
    },
    cancel() {
      start = null;
    },
  };
}
