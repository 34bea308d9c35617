/** Axis-aligned rectangles and points in board units. Pure: no Konva, no React, no Y.Doc. */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The box spanned by two corner points, whichever way the pointer was dragged. */
export function boxFromPoints(a: Point, b: Point): Box {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(b.x - a.x),
    height: Math.abs(b.y - a.y),
  };
}

export const boxCenter = (b: Box): Point => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

export const boxRight = (b: Box): number => b.x + b.width;
export const boxBottom = (b: Box): number => b.y + b.height;

/** True when the boxes overlap or touch. */
export function boxesIntersect(a: Box, b: Box): boolean {
  return a.x <= boxRight(b) && b.x <= boxRight(a) && a.y <= boxBottom(b) && b.y <= boxBottom(a);
}

/** True when `inner` lies entirely within `outer` (edges may coincide). */
export function boxContainsBox(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x && inner.y >= outer.y && boxRight(inner) <= boxRight(outer) && boxBottom(inner) <= boxBottom(outer)
  );
}

export function boxContainsPoint(b: Box, p: Point): boolean {
  return p.x >= b.x && p.x <= boxRight(b) && p.y >= b.y && p.y <= boxBottom(b);
}

/** The smallest box around all `boxes`, or null for none. */
export function unionBoxes(boxes: Iterable<Box>): Box | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, boxRight(b));
    maxY = Math.max(maxY, boxBottom(b));
  }
  if (minX === Infinity) return null;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** `b` grown by `margin` on every side (shrunk when negative). */
export function expandBox(b: Box, margin: number): Box {
  return { x: b.x - margin, y: b.y - margin, width: b.width + 2 * margin, height: b.height + 2 * margin };
}

export const translateBox = <T extends Box>(b: T, dx: number, dy: number): T => ({ ...b, x: b.x + dx, y: b.y + dy });

export const distance = (a: Point, b: Point): number => Math.hypot(b.x - a.x, b.y - a.y);

/**
 * Maps `b` from the frame of `from` into the frame of `to`: what happens to each selected element when
 * the selection's bounding box is resized. A degenerate `from` (zero width or height) only translates.
 */
export function mapBoxBetween(b: Box, from: Box, to: Box): Box {
  const sx = from.width > 0 ? to.width / from.width : 1;
  const sy = from.height > 0 ? to.height / from.height : 1;
  return {
    x: to.x + (b.x - from.x) * sx,
    y: to.y + (b.y - from.y) * sy,
    width: b.width * sx,
    height: b.height * sy,
  };
}
