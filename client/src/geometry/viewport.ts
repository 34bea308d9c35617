import { type Box, type Point, boxBottom, boxRight } from './bounds.js';

/**
 * The camera: a board point `p` is drawn at `p * scale + (x, y)` on screen. Session state: each person
 * has their own, and only its outline is shared (as presence).
 */
export interface Viewport {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 4;

export const clampScale = (s: number): number => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

export const screenToWorld = (v: Viewport, p: Point): Point => ({ x: (p.x - v.x) / v.scale, y: (p.y - v.y) / v.scale });

export const worldToScreen = (v: Viewport, p: Point): Point => ({ x: p.x * v.scale + v.x, y: p.y * v.scale + v.y });

/** The part of the board that a viewport of `size` screen pixels shows. */
export function visibleWorldBox(v: Viewport, size: Size): Box {
  return { x: -v.x / v.scale, y: -v.y / v.scale, width: size.width / v.scale, height: size.height / v.scale };
}

/** Zooms by `factor` while keeping the board point under `screenPoint` where it is (zoom at pointer). */
export function zoomAt(v: Viewport, screenPoint: Point, factor: number): Viewport {
  const scale = clampScale(v.scale * factor);
  const world = screenToWorld(v, screenPoint);
  return { scale, x: screenPoint.x - world.x * scale, y: screenPoint.y - world.y * scale };
}

export const panBy = (v: Viewport, dx: number, dy: number): Viewport => ({ ...v, x: v.x + dx, y: v.y + dy });

/**
 * The zoom factor for one wheel event with ctrl/meta held (also what browsers send for a trackpad
 * pinch). Exponential in deltaY so that many small pinch events and one big mouse notch feel alike.
 */
export function wheelZoomFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 16 : deltaMode === 2 ? deltaY * 400 : deltaY;
  const clamped = Math.max(-100, Math.min(100, pixels));
  return Math.exp(-clamped * 0.01);
}

/** Screen pixels kept free along each edge of the canvas when something is fitted into it. */
export interface Insets {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

export const uniformInsets = (px: number): Insets => ({ top: px, right: px, bottom: px, left: px });

/** Both kept free: a margin around what is fitted, on top of what panels cover. */
export const addInsets = (a: Insets, b: Insets): Insets => ({ top: a.top + b.top, right: a.right + b.right, bottom: a.bottom + b.bottom, left: a.left + b.left });

/** A camera that shows all of `box` as large as fits inside `size` less `insets`, centred in what is left. */
export function fitWithInsets(box: Box, size: Size, insets: Insets, maxScale = MAX_SCALE): Viewport {
  const availW = Math.max(1, size.width - insets.left - insets.right);
  const availH = Math.max(1, size.height - insets.top - insets.bottom);
  const scale = clampScale(Math.min(maxScale, availW / Math.max(box.width, 1), availH / Math.max(box.height, 1)));
  return {
    scale,
    x: insets.left + availW / 2 - (box.x + box.width / 2) * scale,
    y: insets.top + availH / 2 - (box.y + box.height / 2) * scale,
  };
}

/** Room at the sides of a fitted box that a panel may not cover. */
const AIR_PX = 12;

/** Less than this much overlap is touching (CSS pixels). */
const TOUCH_PX = 0.5;

/**
 * Where to fit `box` into a canvas of `size` when panels float over parts of it (`covered`, screen
 * boxes: the vote results card on the left, a participant's marking list on the right): of the fits
 * `fit` gives with `margin` kept free (over the whole canvas, between the panels on the left and those
 * on the right, below them all), the largest whose box and margin stay clear of every panel. Only
 * beside panels that leave at least half the canvas's width (or below them, half its height) free: a
 * card as tall as most of a phone's canvas stays over the board, and it can be closed; a strip beside
 * it would show nothing legible.
 */
export function fitClearOf(box: Box, size: Size, covered: readonly Box[], margin: Insets, fit: (insets: Insets) => Viewport): Viewport {
  const plain = fit(margin);
  if (!covered.length) return plain;
  const onLeft = covered.filter((c) => c.x + c.width / 2 < size.width / 2);
  const onRight = covered.filter((c) => c.x + c.width / 2 >= size.width / 2);
  const left = Math.max(0, ...onLeft.map(boxRight));
  const right = Math.max(0, ...onRight.map((c) => size.width - c.x));
  const bottom = Math.max(...covered.map(boxBottom));
  const candidates = [plain];
  if (size.width - left - right >= size.width / 2) candidates.push(fit(addInsets(margin, { ...NO_INSETS, left, right })));
  if (size.height - bottom >= size.height / 2) candidates.push(fit(addInsets(margin, { ...NO_INSETS, top: bottom })));
  // The box with its title room above it (a frame's title is drawn there) and a little air at the
  // sides; a wide margin (fit to screen keeps 64 px) is breathing room a panel may take.
  const air = (px: number): number => Math.min(px, AIR_PX);
  const shown = (v: Viewport): Box => ({
    x: box.x * v.scale + v.x - air(margin.left),
    y: box.y * v.scale + v.y - margin.top,
    width: box.width * v.scale + air(margin.left) + air(margin.right),
    height: box.height * v.scale + margin.top + air(margin.bottom),
  });
  // Touching is clear: a fit beside a panel ends where it begins, give or take the rounding of its
  // scale (a fit of 912 px over 900 units ends at 1004.0000000000001, not 1004).
  const overlap = (a: Box, b: Box): boolean =>
    a.x < boxRight(b) - TOUCH_PX && b.x < boxRight(a) - TOUCH_PX && a.y < boxBottom(b) - TOUCH_PX && b.y < boxBottom(a) - TOUCH_PX;
  const clear = candidates.filter((v) => !covered.some((c) => overlap(c, shown(v))));
  // The first of equals: a camera that need not move for the panel does not.
  return clear.reduce<Viewport | null>((best, v) => (!best || v.scale > best.scale ? v : best), null) ?? plain;
}

/** A viewport that shows all of `bounds` centred in `size`, with `padding` screen pixels around it. */
export function fitBox(bounds: Box, size: Size, padding = 48, maxScale = 1): Viewport {
  const availW = Math.max(1, size.width - 2 * padding);
  const availH = Math.max(1, size.height - 2 * padding);
  const scale = clampScale(
    Math.min(maxScale, availW / Math.max(bounds.width, 1), availH / Math.max(bounds.height, 1)),
  );
  return {
    scale,
    x: size.width / 2 - (bounds.x + bounds.width / 2) * scale,
    y: size.height / 2 - (bounds.y + bounds.height / 2) * scale,
  };
}

/** A viewport at `scale` with board point `center` in the middle of the screen. */
export function centerOn(center: Point, size: Size, scale: number): Viewport {
  return { scale, x: size.width / 2 - center.x * scale, y: size.height / 2 - center.y * scale };
}
