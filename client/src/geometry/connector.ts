import { boxCenter, type Box, type Point } from './bounds.js';

/** The outline an arrow attaches to: the element's box, or the ellipse inscribed in it. */
export interface Outline extends Box {
  readonly kind: 'rect' | 'ellipse';
}

/**
 * Where the ray from the centre of `outline` towards `toward` crosses the outline. Arrows are drawn
 * between the borders of the elements they connect (not their centres), so they stay readable and
 * follow an element wherever it moves. When `toward` is the centre itself, the centre is returned.
 */
export function borderPoint(outline: Outline, toward: Point): Point {
  const c = boxCenter(outline);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const rx = outline.width / 2;
  const ry = outline.height / 2;
  let s: number;
  if (outline.kind === 'ellipse') {
    s = 1 / Math.sqrt((dx / rx) ** 2 + (dy / ry) ** 2);
  } else {
    const sx = dx === 0 ? Infinity : rx / Math.abs(dx);
    const sy = dy === 0 ? Infinity : ry / Math.abs(dy);
    s = Math.min(sx, sy);
  }
  return { x: c.x + dx * s, y: c.y + dy * s };
}

/** One resolved end of an arrow: attached to an outline, or free at a point. */
export type ResolvedEnd = { kind: 'outline'; outline: Outline } | { kind: 'point'; point: Point };

const anchor = (end: ResolvedEnd): Point => (end.kind === 'point' ? end.point : boxCenter(end.outline));

/**
 * The two points an arrow is drawn between. Each attached end lies on its outline, on the line between
 * the two anchors (outline centres or free points).
 */
export function connectorSegment(start: ResolvedEnd, end: ResolvedEnd): { start: Point; end: Point } {
  const a = anchor(start);
  const b = anchor(end);
  return {
    start: start.kind === 'point' ? start.point : borderPoint(start.outline, b),
    end: end.kind === 'point' ? end.point : borderPoint(end.outline, a),
  };
}

/** Shortest distance from `p` to the segment a–b. */
export function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * How far `p` is from the border of `outline` (0 on it): for tests and for checking an attachment.
 * For ellipses it is the radial distance, exact enough for the small tolerances it is used with.
 */
export function distanceToOutline(outline: Outline, p: Point): number {
  const c = boxCenter(outline);
  const onBorder = borderPoint(outline, p);
  if (onBorder.x === c.x && onBorder.y === c.y) return Math.min(outline.width, outline.height) / 2;
  if (outline.kind === 'ellipse') return Math.hypot(p.x - onBorder.x, p.y - onBorder.y);
  const left = outline.x;
  const right = outline.x + outline.width;
  const top = outline.y;
  const bottom = outline.y + outline.height;
  const dxOut = Math.max(left - p.x, 0, p.x - right);
  const dyOut = Math.max(top - p.y, 0, p.y - bottom);
  if (dxOut > 0 || dyOut > 0) return Math.hypot(dxOut, dyOut);
  return Math.min(p.x - left, right - p.x, p.y - top, bottom - p.y);
}
