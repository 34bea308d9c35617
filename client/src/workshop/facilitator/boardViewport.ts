import type { Viewport as SharedViewport } from '@sammen/shared';
import { visibleWorldBox, type Size, type Viewport as Camera } from '../../geometry/viewport.js';

/**
 * The part of the board the facilitator sees, in board coordinates, as follow-me sends it: the
 * camera (screen = board × scale + offset) turned into a board box, so that every participant can
 * fit the same area into a screen of a different size.
 */
export function boardViewport(camera: Camera, size: Size): SharedViewport {
  const box = visibleWorldBox(camera, size);
  // The protocol wants finite, positive sizes; a canvas not laid out yet still reports 1 × 1.
  return { x: round(box.x), y: round(box.y), width: Math.max(1, round(box.width)), height: Math.max(1, round(box.height)) };
}

// Whole board units are precise enough to follow, and keep the messages short.
const round = (n: number): number => Math.round(n);

/** Whether two viewports show the same area (so an unchanged camera sends nothing). */
export const sameViewport = (a: SharedViewport | null, b: SharedViewport): boolean =>
  !!a && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
