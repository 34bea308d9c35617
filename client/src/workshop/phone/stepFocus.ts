import type { Frame } from '@sammen/shared';
import { readingOrder } from '../../editor/clusters.js';
import type { Box } from '../../geometry/bounds.js';
import { boxContainsBox } from '../../geometry/bounds.js';
import { MAX_SCALE, clampScale, type Size, type Viewport } from '../../geometry/viewport.js';

/**
 * Participants look at the current step: its frame fitted to their screen when they open the board,
 * when the step changes, and when the facilitator leads or brings everyone somewhere. Pure, so the
 * geometry is tested apart from the page.
 */

/** Room kept around a fitted frame, in CSS pixels (the top leaves room for the frame's title). */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const STEP_INSETS: Insets = { top: 34, right: 12, bottom: 12, left: 12 };

/** A camera that shows all of `box` as large as fits inside `size` less `insets`, centred in what is left. */
export function fitWithInsets(box: Box, size: Size, insets: Insets = STEP_INSETS, maxScale = MAX_SCALE): Viewport {
  const availW = Math.max(1, size.width - insets.left - insets.right);
  const availH = Math.max(1, size.height - insets.top - insets.bottom);
  const scale = clampScale(Math.min(maxScale, availW / Math.max(box.width, 1), availH / Math.max(box.height, 1)));
  return {
    scale,
    x: insets.left + availW / 2 - (box.x + box.width / 2) * scale,
    y: insets.top + availH / 2 - (box.y + box.height / 2) * scale,
  };
}

/**
 * What a follower should see when the facilitator shows `rect`: when the whole frame of the current
 * step is in it, the frame (a phone cannot show a desktop's view legibly, and the frame is what the
 * facilitator is showing); otherwise the facilitator zoomed in on something, so that rectangle.
 */
export function followTarget(rect: Box, stepFrame: Box | null): { box: Box; isFrame: boolean } {
  if (stepFrame && boxContainsBox(rect, stepFrame)) return { box: stepFrame, isFrame: true };
  return { box: rect, isFrame: false };
}

/**
 * Where a participant opens when the current step has no frame: the board's first frame in reading
 * order (a whole template on a phone is specks), leaving out clusters and the parking lot when there
 * is another; null when the board has no frame (the board is then fitted as a whole).
 */
export function openingFrame(frames: readonly Frame[]): Box | null {
  const plain = frames.filter((f) => !f.variant || f.variant === 'frame');
  const first = readingOrder(plain.length ? plain : frames)[0];
  return first ? { x: first.x, y: first.y, width: first.width, height: first.height } : null;
}
