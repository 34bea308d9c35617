import type { Element } from '@sammen/shared';
import type { Point } from '../geometry/bounds.js';
import { hitTest } from '../geometry/elements.js';
import type { Editor } from '../editor/Editor.js';

/** How close (in screen pixels) the pointer must be to an element's edge to hit it. */
const HIT_TOLERANCE_PX = 4;

/** The topmost element under board point `p`, as drawn (drag previews included). */
export function elementAt(editor: Editor, p: Point, accept?: (el: Element) => boolean): Element | null {
  const { scale } = editor.getState().viewport;
  const tolerance = HIT_TOLERANCE_PX / scale;
  // Frame titles sit above the frame, so search a little higher than the tolerance alone.
  const reach = Math.max(tolerance, 40 / scale);
  const candidates = editor.store.query({ x: p.x - reach, y: p.y - tolerance, width: 2 * reach, height: reach + tolerance });
  return hitTest(candidates, p, editor.lookup, tolerance, scale, accept);
}
