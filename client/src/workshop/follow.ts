import type { Box } from '../geometry/bounds.js';
import { MAX_SCALE, fitBox, visibleWorldBox, type Size, type Viewport } from '../geometry/viewport.js';

/**
 * Follow me: the facilitator sends the part of the board they see (a rectangle in board units);
 * each follower shows that whole rectangle, centred, as large as their own screen allows. Screens
 * differ in shape, so a follower may see a little more than the facilitator, never less.
 */
export const viewportShowing = (rect: Box, size: Size): Viewport => fitBox(rect, size, 0, MAX_SCALE);

/** The part of the board a viewport shows, as a rectangle in board units (what a facilitator sends). */
export const boardRectOf = (viewport: Viewport, size: Size): Box => visibleWorldBox(viewport, size);
