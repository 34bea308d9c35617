import { boxesIntersect, type Box, type Point } from '../geometry/bounds.js';
import { CLUSTER_GAP, CLUSTER_PADDING } from '../editor/clusters.js';

/**
 * Where a note goes when it is added to or moved into a frame without a pointer (the accessible view,
 * "Move to frame…"): the first free cell of a grid inside the frame, scanning rows top to bottom and
 * cells left to right, so notes added one after another read in the order they were added. When the
 * frame is full, the note goes in its middle, shifted a little per occupant so it stays visible.
 * Returns the top-left corner; the note's centre is always inside the frame, so it belongs to it.
 */
export function placeInFrame(frame: Box, size: { width: number; height: number }, occupied: readonly Box[]): Point {
  const startX = frame.x + CLUSTER_PADDING;
  const startY = frame.y + CLUSTER_PADDING;
  const stepX = size.width + CLUSTER_GAP;
  const stepY = size.height + CLUSTER_GAP;
  const columns = Math.floor((frame.width - 2 * CLUSTER_PADDING + CLUSTER_GAP) / stepX);
  const rows = Math.floor((frame.height - 2 * CLUSTER_PADDING + CLUSTER_GAP) / stepY);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const cell = { x: startX + c * stepX, y: startY + r * stepY, ...size };
      if (!occupied.some((o) => boxesIntersect(cell, o))) return { x: cell.x, y: cell.y };
    }
  }
  // Full (or smaller than a note): centred on the frame, shifted a little per occupant so the new
  // note shows, never so far that its centre leaves the frame.
  const shift = Math.min(occupied.length * 12, frame.width / 2 - 1, frame.height / 2 - 1);
  return { x: frame.x + frame.width / 2 - size.width / 2 + shift, y: frame.y + frame.height / 2 - size.height / 2 + shift };
}
