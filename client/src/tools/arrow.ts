import type { Element, Endpoint } from '@sammen/shared';
import type { Point } from '../geometry/bounds.js';
import { distance } from '../geometry/bounds.js';
import { createArrow } from '../editor/commands.js';
import { elementAt } from './hit.js';
import { DRAG_THRESHOLD_PX, type Tool } from './types.js';

const attachable = (el: Element): boolean => el.type !== 'arrow';

/**
 * Arrow tool (A or L): press on an element (or anywhere), drag, release on another element (or
 * anywhere). Ends released over an element attach to it and follow it when it moves.
 */
export function createArrowTool(): Tool {
  let start: { world: Point; screen: Point; targetId: string | null } | null = null;

  const endpoint = (p: Point, targetId: string | null): Endpoint =>
    targetId ? { kind: 'element', elementId: targetId } : { kind: 'point', x: p.x, y: p.y };

  return {
    id: 'arrow',
    cursor: 'crosshair',
    pointerDown(e, editor) {
      if (e.button !== 0) return;
      const target = elementAt(editor, e.world, attachable);
      start = { world: e.world, screen: e.screen, targetId: target?.id ?? null };
      editor.setOverlay({ kind: 'arrow', start: e.world, end: e.world, targetId: target?.id ?? null });
    },
    pointerMove(e, editor) {
      if (!start) return;
      const target = elementAt(editor, e.world, attachable);
      editor.setOverlay({ kind: 'arrow', start: start.world, end: e.world, targetId: target?.id ?? null });
    },
    pointerUp(e, editor) {
      if (!start) return;
      const s = start;
      start = null;
      editor.setOverlay(null);
      const target = elementAt(editor, e.world, attachable);
      const endId = target?.id ?? null;
      if (distance(s.screen, e.screen) < DRAG_THRESHOLD_PX) return;
      if (endId && endId === s.targetId) return;
      editor.setTool('select');
      createArrow(editor, endpoint(s.world, s.targetId), endpoint(e.world, endId));
    },
    cancel(editor) {
      start = null;
      editor.setOverlay(null);
    },
  };
}
