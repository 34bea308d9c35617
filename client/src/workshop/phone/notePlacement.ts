import { NOTE_SIZE } from '@sammen/shared';
import { boxesIntersect, type Box } from '../../geometry/bounds.js';
import { noteSizeForZoom } from '../../geometry/lod.js';

/**
 * Where a note written on a phone goes: a free spot inside the current step's frame, at a size that
 * reads at the zoom the phone shows the frame with. Pure, so the rules are tested without a board.
 */

/** Gap between notes and to the frame's edge, in board units. */
export const PLACEMENT_GAP = 16;

/**
 * The side of a new square note in board units: the size that reads at `scale` on the screen it is
 * written on (`noteSizeForZoom`, the board's own rule), but no more than a third of the frame's width
 * (a frame is for many notes: a whole room writes into it), and never larger than the frame.
 */
export function phoneNoteSize(scale: number, frame: Box | null): number {
  let side = noteSizeForZoom(scale);
  if (frame) {
    const third = (frame.width - 4 * PLACEMENT_GAP) / 3;
    side = Math.min(side, Math.max(third, NOTE_SIZE), frame.width - 2 * PLACEMENT_GAP, frame.height - 2 * PLACEMENT_GAP);
  }
  return Math.max(Math.round(side), 48);
}

/**
 * A new note in `frame`: at the readable size for `scale` where there is room for it, else as large as
 * still fits between the notes already there (never below an ordinary note), else an ordinary note
 * near the middle. `prefer` and `seed` as in `freeSpotInFrame`.
 */
export function placePhoneNote(frame: Box, occupied: readonly Box[], scale: number, prefer: Box | null = null, seed = 0): Box {
  const largest = phoneNoteSize(scale, frame);
  const smallest = Math.min(largest, NOTE_SIZE);
  for (let side = largest; ; side = Math.max(smallest, Math.round(side * 0.8))) {
    const spot = findFree(frame, side, occupied, prefer, seed);
    if (spot) return { ...spot, width: side, height: side };
    if (side === smallest) break;
  }
  return { ...freeSpotInFrame(frame, smallest, occupied, prefer, seed), width: smallest, height: smallest };
}

/**
 * The top-left corner of a free `side` × `side` spot inside `frame` that overlaps none of `occupied`
 * (with a gap), preferring `prefer` (the part of the frame on screen) when a spot is free there.
 * Candidates are scanned in reading order on a grid finer than a note, so notes that others placed
 * anywhere are avoided, not only those on a neat grid. `seed` rotates where the scan starts, so that
 * people brainstorming privately at the same time (who cannot see each other's notes) do not all
 * pick the same first spot. When the frame is full, the note goes near its middle, shifted a little
 * per occupant so it stays visible; its centre is always inside the frame, so it belongs to it.
 */
export function freeSpotInFrame(frame: Box, side: number, occupied: readonly Box[], prefer: Box | null = null, seed = 0): { x: number; y: number } {
  const found = findFree(frame, side, occupied, prefer, seed);
  if (found) return found;
  const shift = Math.min(occupied.length * 12, frame.width / 2 - 1, frame.height / 2 - 1);
  return { x: frame.x + frame.width / 2 - side / 2 + shift, y: frame.y + frame.height / 2 - side / 2 + shift };
}

/** A free spot as `freeSpotInFrame` finds it, or null when there is none. */
function findFree(frame: Box, side: number, occupied: readonly Box[], prefer: Box | null, seed: number): { x: number; y: number } | null {
  const blocked = occupied.map((o) => ({ x: o.x - PLACEMENT_GAP / 2, y: o.y - PLACEMENT_GAP / 2, width: o.width + PLACEMENT_GAP, height: o.height + PLACEMENT_GAP }));
  // A hair smaller than note plus gap, so that a note exactly one gap from another counts as free.
  const fits = (x: number, y: number): boolean => {
    const cell = { x: x - PLACEMENT_GAP / 2 + 0.01, y: y - PLACEMENT_GAP / 2 + 0.01, width: side + PLACEMENT_GAP - 0.02, height: side + PLACEMENT_GAP - 0.02 };
    return !blocked.some((b) => boxesIntersect(cell, b));
  };
  const scan = (area: Box): { x: number; y: number } | null => {
    const x0 = area.x + PLACEMENT_GAP;
    const y0 = area.y + PLACEMENT_GAP;
    const x1 = area.x + area.width - PLACEMENT_GAP - side;
    const y1 = area.y + area.height - PLACEMENT_GAP - side;
    if (x1 < x0 || y1 < y0) return null;
    // A grid finer than a note, plus the places right of and below each note already there (so
    // notes pack tightly instead of leaving gaps the grid steps over), in reading order.
    const step = Math.max(8, side / 4);
    const xs = new Set<number>([x1]);
    const ys = new Set<number>([y1]);
    for (let x = x0; x <= x1 + 1e-9; x += step) xs.add(x);
    for (let y = y0; y <= y1 + 1e-9; y += step) ys.add(y);
    for (const o of occupied) {
      if (o.x + o.width + PLACEMENT_GAP <= x1) xs.add(Math.max(x0, o.x + o.width + PLACEMENT_GAP));
      if (o.y + o.height + PLACEMENT_GAP <= y1) ys.add(Math.max(y0, o.y + o.height + PLACEMENT_GAP));
    }
    const sortedX = [...xs].sort((a, b) => a - b);
    const spots = [...ys].sort((a, b) => a - b).flatMap((y) => sortedX.map((x) => ({ x, y })));
    const start = spots.length ? Math.abs(Math.trunc(seed)) % spots.length : 0;
    for (let i = 0; i < spots.length; i++) {
      const spot = spots[(start + i) % spots.length]!;
      if (fits(spot.x, spot.y)) return spot;
    }
    return null;
  };
  const visible = prefer && intersection(frame, prefer);
  return (visible && scan(visible)) ?? scan(frame);
}

function intersection(a: Box, b: Box): Box | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** A small, stable number from a string (a member id), for `freeSpotInFrame`'s seed. */
export function seedOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}
