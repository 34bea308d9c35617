import type { Frame } from '@sammen/shared';
import { readingOrder } from '../../editor/clusters.js';
import type { Box } from '../../geometry/bounds.js';
import { boxContainsBox } from '../../geometry/bounds.js';
import { MAX_SCALE, clampScale, fitWithInsets as fitInsets, type Insets, type Size, type Viewport } from '../../geometry/viewport.js';

/**
 * Participants look at the current step: its frame fitted to their screen when they open the board,
 * when the step changes, and when the facilitator leads or brings everyone somewhere. Pure, so the
 * geometry is tested apart from the page.
 */

export type { Insets };

/** Room kept around a fitted frame, in CSS pixels (the top leaves room for the frame's title). */
export const STEP_INSETS: Insets = { top: 34, right: 12, bottom: 12, left: 12 };

/** `fitWithInsets` (geometry/viewport.ts) with the step's insets unless told otherwise. */
export const fitWithInsets = (box: Box, size: Size, insets: Insets = STEP_INSETS, maxScale = MAX_SCALE): Viewport => fitInsets(box, size, insets, maxScale);

/** Body text on a phone opens at least this many CSS pixels tall (iOS' smallest text style is 11 pt). */
export const READABLE_TEXT_PX = 11;

/** One piece of text in a frame: its drawn font size (board units) and how many characters it has. */
export interface TextSample {
  fontSize: number;
  chars: number;
}

/**
 * The smallest scale at which a frame's body text reads: its character-weighted median font size
 * drawn at `minPx`. Weighted by characters so that many tiny labels (markers, tags) do not outvote the
 * paragraphs people have to read, and a median so one huge heading does not either. Null when the
 * frame has no text (any fit then reads).
 */
export function readableScale(samples: readonly TextSample[], minPx = READABLE_TEXT_PX): number | null {
  const texts = samples.filter((s) => s.chars > 0 && s.fontSize > 0).sort((a, b) => a.fontSize - b.fontSize);
  const total = texts.reduce((sum, s) => sum + s.chars, 0);
  if (!total) return null;
  let seen = 0;
  for (const s of texts) {
    seen += s.chars;
    if (seen * 2 >= total) return minPx / s.fontSize;
  }
  return null;
}

/**
 * The step's camera: the frame fitted inside the insets, unless that would draw its body text smaller
 * than `readable` allows (a wide table on a phone): then at the readable scale with the frame's
 * top-left corner at the insets' corner, so the first row and column read and the rest is a
 * one-finger pan away. `readable` null (wide screens, frames without text) is the plain fit.
 */
export function focusViewport(box: Box, size: Size, readable: number | null, insets: Insets = STEP_INSETS, maxScale = MAX_SCALE): Viewport {
  const fit = fitWithInsets(box, size, insets, maxScale);
  if (readable === null || fit.scale >= readable) return fit;
  const scale = clampScale(Math.min(maxScale, readable));
  return { scale, x: insets.left - box.x * scale, y: insets.top - box.y * scale };
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
