import type { Box } from './bounds.js';

/**
 * Level of detail: what the board draws at a given zoom so that it reads at every zoom. Text that
 * would be smaller than `MIN_READABLE_TEXT_PX` on screen is drawn as quiet grey lines (a stand-in),
 * never as specks; frame titles are sized in board units (they shrink with the frame), are cut to
 * the frame's width and hidden when the frame is tiny on screen. Pure: no canvas, no Konva.
 */

/** Below this many CSS pixels a line of text is not drawn as text but as a stand-in. */
export const MIN_READABLE_TEXT_PX = 6;

/** The largest text size of a note (board units) at the default note size; bigger notes allow bigger text. */
export const NOTE_MAX_TEXT = 28;
export const SHAPE_MAX_TEXT = 24;
/** The default side of a note, in board units. */
export const NOTE_SIZE = 200;

/** The largest text a box element may have: grows with the box beyond the default note size. */
export function maxTextFor(kind: 'note' | 'shape', width: number, height: number): number {
  const base = kind === 'note' ? NOTE_MAX_TEXT : SHAPE_MAX_TEXT;
  return Math.round(base * Math.max(1, Math.min(width, height) / NOTE_SIZE));
}

/** Whether text of `fontSize` board units can be read at `scale`. */
export const readableAt = (fontSize: number, scale: number): boolean => fontSize * scale >= MIN_READABLE_TEXT_PX;

/** How big a note reads on screen when made at a zoom: about this many CSS px on its side. */
export const NOTE_SCREEN_PX = 170;
const NOTE_SIZE_MAX = 2000;

/**
 * The side (board units) of a note created at `zoom`, so that it and its text read on the screen it
 * was made on: the default 200 at 85 % zoom and closer, larger further out (a note typed on a phone
 * that shows a whole frame at 20 % is 850 units, drawn about 170 px wide with text up to 24 px).
 */
export function noteSizeForZoom(zoom: number): number {
  if (!(zoom > 0)) return NOTE_SIZE;
  const side = NOTE_SCREEN_PX / zoom;
  return Math.min(NOTE_SIZE_MAX, Math.max(NOTE_SIZE, Math.round(side / 10) * 10));
}

/**
 * Notes and shapes whose largest possible text cannot be read at `scale` are drawn in one batched
 * shape (rectangles and stand-in lines) instead of one Konva group each.
 */
export const drawsBatched = (kind: 'note' | 'shape', width: number, height: number, scale: number): boolean =>
  !readableAt(maxTextFor(kind, width, height), scale);

/** A stand-in line: a rectangle in the element's own coordinates (board units). */
export type StandInLine = Box;

export interface StandInSpec {
  width: number;
  height: number;
  padding: number;
  /** How many lines the text takes (drawn: at most `maxLines`). */
  lines: number;
  /** The text's size in board units: sets the lines' pitch and thickness. */
  fontSize: number;
  align?: 'center' | 'left';
  lineHeight?: number;
  maxLines?: number;
}

/**
 * Quiet grey lines where text would be: one per line of text (at most `maxLines`), each as thick as
 * half a line of that text, centred vertically in the inner area, the last one shorter.
 */
export function standInLines({ width, height, padding, lines, fontSize, align = 'center', lineHeight = 1.25, maxLines = 4 }: StandInSpec): StandInLine[] {
  const innerW = width - 2 * padding;
  const innerH = height - 2 * padding;
  if (innerW <= 0 || innerH <= 0 || lines <= 0 || !(fontSize > 0)) return [];
  const pitch = Math.min(fontSize * lineHeight, innerH);
  const n = Math.max(1, Math.min(maxLines, lines, Math.floor(innerH / pitch)));
  const thickness = pitch * 0.45;
  const top = padding + (innerH - pitch * n) / 2 + (pitch - thickness) / 2;
  const out: StandInLine[] = [];
  for (let i = 0; i < n; i++) {
    const w = innerW * (i === n - 1 && n > 1 ? 0.55 : 0.85);
    out.push({ x: align === 'left' ? padding : (width - w) / 2, y: top + i * pitch, width: w, height: thickness });
  }
  return out;
}

/** A rough line count for a stand-in, without measuring: about 14 characters per line of a note. */
export function estimatedLines(text: string, width: number, fontSize: number): number {
  const perLine = Math.max(4, Math.floor(width / (fontSize * 0.6)));
  let lines = 0;
  for (const paragraph of text.split('\n')) lines += Math.max(1, Math.ceil(paragraph.length / perLine));
  return lines;
}

// Frame titles

/** A frame title never grows beyond this on screen (zoomed in it stays a label, not a headline). */
export const FRAME_TITLE_MAX_SCREEN_PX = 18;
const TITLE_MIN_BOARD = 20;
// 32 × 1.4 = 45 units: titles fit the 50-unit gaps templates leave between stacked frames.
const TITLE_MAX_BOARD = 32;
/** A title too long for its frame shrinks down to this fraction of its size before it is cut. */
const TITLE_MIN_FIT = 0.7;
const TITLE_LINE = 1.4;
/** Frames narrower than this on screen show no title at all. */
export const FRAME_TITLE_MIN_FRAME_PX = 40;

export interface FrameTitleLayout {
  /** Font size in board units. */
  fontSize: number;
  /** Height of the title strip above the frame, in board units (the title sits at y = -height). */
  height: number;
  /** The title is cut (ellipsis) to this width: the frame's, so it never runs over a neighbour. */
  width: number;
  /** On-screen font size in CSS px. */
  screenPx: number;
  mode: 'text' | 'standIn' | 'hidden';
}

/**
 * Where and how a frame's title is drawn at `scale`: its size in board units grows with the frame
 * (20 to 32) so that it shrinks as one zooms out, capped at 18 px on screen when zoomed in; a title
 * wider than its frame shrinks to fit (down to 70 %) before it is cut; drawn as a stand-in when too
 * small to read, and not at all when the frame is tiny on screen. `widthPerUnit`: the title's width
 * at a font size of 1 (measured by the caller), when known.
 */
export function frameTitleLayout(frame: { width: number; height: number }, scale: number, widthPerUnit = 0): FrameTitleLayout {
  const sized = Math.min(TITLE_MAX_BOARD, Math.max(TITLE_MIN_BOARD, frame.width / 22));
  const natural = widthPerUnit > 0 ? Math.min(sized, Math.max(sized * TITLE_MIN_FIT, frame.width / (widthPerUnit * 1.02))) : sized;
  const fontSize = Math.min(natural, FRAME_TITLE_MAX_SCREEN_PX / scale);
  const screenPx = fontSize * scale;
  const mode = frame.width * scale < FRAME_TITLE_MIN_FRAME_PX ? 'hidden' : screenPx < MIN_READABLE_TEXT_PX ? 'standIn' : 'text';
  return { fontSize, height: fontSize * TITLE_LINE, width: frame.width, screenPx, mode };
}
