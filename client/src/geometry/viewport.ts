import type { Box, Point } from './bounds.js';

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
