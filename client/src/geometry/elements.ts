import type { BoxElement, Connector, Element, Endpoint, Frame } from '@sammen/shared';
import { boxCenter, boxContainsBox, boxContainsPoint, boxFromPoints, boxesIntersect, expandBox, type Box, type Point } from './bounds.js';
import { frameTitleLayout } from './lod.js';
import { connectorSegment, distanceToSegment, type Outline, type ResolvedEnd } from './connector.js';

/** Looks an element up by id; the view passes one that sees unsaved drag previews. */
export type Lookup = (id: string) => Element | undefined;

const isBoxElement = (el: Element): el is BoxElement => el.type !== 'arrow';

/** The outline an arrow attaches to. */
export function outlineOf(el: BoxElement): Outline {
  const kind = el.type === 'shape' && el.kind === 'ellipse' ? 'ellipse' : 'rect';
  return { kind, x: el.x, y: el.y, width: el.width, height: el.height };
}

export function resolveEndpoint(endpoint: Endpoint, lookup: Lookup): ResolvedEnd | null {
  if (endpoint.kind === 'point') return { kind: 'point', point: { x: endpoint.x, y: endpoint.y } };
  const target = lookup(endpoint.elementId);
  if (!target || !isBoxElement(target)) return null;
  return { kind: 'outline', outline: outlineOf(target) };
}

/** The segment an arrow is drawn along, or null when an element it is attached to is gone. */
export function arrowSegment(arrow: Connector, lookup: Lookup): { start: Point; end: Point } | null {
  const start = resolveEndpoint(arrow.start, lookup);
  const end = resolveEndpoint(arrow.end, lookup);
  if (!start || !end) return null;
  return connectorSegment(start, end);
}

/** An element's bounds in board units; arrows' bounds follow the elements they are attached to. */
export function elementBounds(el: Element, lookup: Lookup): Box | null {
  if (isBoxElement(el)) return { x: el.x, y: el.y, width: el.width, height: el.height };
  const seg = arrowSegment(el, lookup);
  return seg ? boxFromPoints(seg.start, seg.end) : null;
}

/** The screen height of a frame's title strip when zoomed in (HTML labels next to titles use it). */
export const FRAME_TITLE_PX = 26;

/** Where a frame's title is drawn (board units): above the frame, as wide as the frame (`lod.ts`). */
export function frameTitleBox(frame: Frame, scale: number): Box {
  const { height } = frameTitleLayout(frame, scale);
  return { x: frame.x, y: frame.y - height, width: frame.width, height };
}

/**
 * Whether `p` hits `el`. `tolerance` is in board units (a few screen pixels). A frame is hit only on its
 * title or border, so that a marquee can start on the empty inside of a frame to select its content.
 */
export function hitsElement(el: Element, p: Point, lookup: Lookup, tolerance: number, scale: number): boolean {
  switch (el.type) {
    case 'arrow': {
      const seg = arrowSegment(el, lookup);
      return !!seg && distanceToSegment(p, seg.start, seg.end) <= tolerance + 2 / scale;
    }
    case 'frame': {
      if (boxContainsPoint(frameTitleBox(el, scale), p)) return true;
      const outer = expandBox(el, tolerance);
      const inner = expandBox(el, -tolerance);
      return boxContainsPoint(outer, p) && !boxContainsPoint(inner, p);
    }
    case 'shape':
      if (el.kind === 'ellipse') {
        const c = boxCenter(el);
        const rx = el.width / 2 + tolerance;
        const ry = el.height / 2 + tolerance;
        return ((p.x - c.x) / rx) ** 2 + ((p.y - c.y) / ry) ** 2 <= 1;
      }
      return boxContainsPoint(expandBox(el, tolerance), p);
    default:
      return boxContainsPoint(expandBox(el, tolerance), p);
  }
}

/**
 * Draw order: frames behind everything, then the rest by fractional index. Hit-testing walks the same
 * order backwards, so what is drawn on top is what the pointer picks.
 */
export function drawOrder(a: Element, b: Element): number {
  const fa = a.type === 'frame' ? 0 : 1;
  const fb = b.type === 'frame' ? 0 : 1;
  if (fa !== fb) return fa - fb;
  if (a.index !== b.index) return a.index < b.index ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The topmost element under `p` among `candidates`, or null. */
export function hitTest(
  candidates: readonly Element[],
  p: Point,
  lookup: Lookup,
  tolerance: number,
  scale: number,
  accept: (el: Element) => boolean = () => true,
): Element | null {
  const sorted = [...candidates].sort(drawOrder);
  for (let i = sorted.length - 1; i >= 0; i--) {
    const el = sorted[i]!;
    if (accept(el) && hitsElement(el, p, lookup, tolerance, scale)) return el;
  }
  return null;
}

/**
 * What a marquee selects: elements it touches, except frames, which it must enclose (otherwise every
 * marquee drawn inside a frame would also grab the frame).
 */
export function marqueeSelects(el: Element, marquee: Box, lookup: Lookup): boolean {
  const b = elementBounds(el, lookup);
  if (!b) return false;
  return el.type === 'frame' ? boxContainsBox(marquee, b) : boxesIntersect(marquee, b);
}

/**
 * The frame an element dropped with bounds `box` belongs to: the topmost frame containing the centre
 * of the box. Frames do not nest, so a frame never belongs to a frame.
 */
export function frameAt(box: Box, frames: readonly Frame[], exclude?: string): Frame | null {
  const c = boxCenter(box);
  let best: Frame | null = null;
  for (const f of frames) {
    if (f.id === exclude || !boxContainsPoint(f, c)) continue;
    if (!best || drawOrder(best, f) < 0) best = f;
  }
  return best;
}
