import type { Box, Point } from '../geometry/bounds.js';
import { boxFromPoints, distance } from '../geometry/bounds.js';
import type { Editor } from '../editor/Editor.js';
import { DRAG_THRESHOLD_PX, type Tool, type ToolId } from './types.js';

/**
 * The gesture shared by the shape and frame tools: drag out a box (Shift for a square), or click for
 * the default size centred on the pointer. `create` writes the element; the tool returns to select.
 */
export function createBoxDrawTool(
  id: ToolId,
  shape: 'rect' | 'ellipse' | 'frame',
  defaultSize: { width: number; height: number },
  create: (editor: Editor, box: Box) => void,
): Tool {
  let start: { world: Point; screen: Point } | null = null;

  const boxTo = (p: Point, square: boolean): Box => {
    if (!start) return { x: p.x, y: p.y, width: 0, height: 0 };
    if (!square) return boxFromPoints(start.world, p);
    const size = Math.max(Math.abs(p.x - start.world.x), Math.abs(p.y - start.world.y));
    return boxFromPoints(start.world, {
      x: start.world.x + Math.sign(p.x - start.world.x || 1) * size,
      y: start.world.y + Math.sign(p.y - start.world.y || 1) * size,
    });
  };

  return {
    id,
    cursor: 'crosshair',
    pointerDown(e, editor) {
      if (e.button !== 0) return;
      start = { world: e.world, screen: e.screen };
      editor.setOverlay({ kind: 'draft', shape, box: boxTo(e.world, false) });
    },
    pointerMove(e, editor) {
      if (!start) return;
      editor.setOverlay({ kind: 'draft', shape, box: boxTo(e.world, e.shiftKey) });
    },
    pointerUp(e, editor) {
      if (!start) return;
      const dragged = distance(start.screen, e.screen) >= DRAG_THRESHOLD_PX;
      const box = dragged
        ? boxTo(e.world, e.shiftKey)
        : { x: start.world.x - defaultSize.width / 2, y: start.world.y - defaultSize.height / 2, ...defaultSize };
      start = null;
      editor.setOverlay(null);
      editor.setTool('select');
      if (box.width > 0 && box.height > 0) create(editor, box);
    },
    cancel(editor) {
      start = null;
      editor.setOverlay(null);
    },
  };
}
