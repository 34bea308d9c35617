import { NOTE_SIZE } from '@sammen/shared';
import { boxesIntersect, type Box } from '../../geometry/bounds.js';

/**
 * Where a note written on a phone goes: a free spot inside the current step's frame, at a size that
 * reads at the zoom the phone shows the frame with. Pure, so the rules are tested without a board.
 */

/** How wide a new note should look on the phone's screen, in CSS pixels (about a third of a phone). */
export const PHONE_NOTE_SCREEN_PX = 120;
/** Gap between notes and to the frame's edge, in board units. */
export const PLACEMENT_GAP = 16;

/**
 * The side of a new square note in board units: as large as needed to look `PHONE_NOTE_SCREEN_PX`
 * wide at `scale`, never smaller than an ordinary note, never more than twice one, and never larger
 * than the frame leaves room for.
 */
export function phoneNoteSize(scale: number, frame: Box | null): number {
  const wanted = PHONE_NOTE_SCREEN_PX / Math.max(scale, 0.01);
  let side = Math.min(Math.max(wanted, NOTE_SIZE), 2 * NOTE_SIZE);
  if (frame) side = Math.min(side, frame.width - 2 * PLACEMENT_GAP, frame.height - 2 * PLACEMENT_GAP);
  return Math.max(Math.round(side), 48);
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
  const blocked = occupied.map((o) => ({ x: o.x - PLACEMENT_GAP / 2, y: o.y - PLACEMENT_GAP / 2, width: o.width + PLACEMENT_GAP, height: o.height + PLACEMENT_GAP }));
  const fits = (x: number, y: number): boolean => {
    const cell = { x: x - PLACEMENT_GAP / 2, y: y - PLACEMENT_GAP / 2, width: side + PLACEMENT_GAP, height: side + PLACEMENT_GAP };
    return !blocked.some((b) => boxesIntersect(cell, b));
  };
  const scan = (area: Box): { x: number; y: number } | null => {
    const x0 = area.x + PLACEMENT_GAP;
    const y0 = area.y + PLACEMENT_GAP;
    const x1 = area.x + area.width - PLACEMENT_GAP - side;
    const y1 = area.y + area.height - PLACEMENT_GAP - side;
    if (x1 < x0 || y1 < y0) return null;
    const step = Math.max(8, side / 4);
    const spots: Array<{ x: number; y: number }> = [];
    for (let y = y0; y <= y1 + 1e-9; y += step) for (let x = x0; x <= x1 + 1e-9; x += step) spots.push({ x, y });
    const start = spots.length ? Math.abs(Math.trunc(seed)) % spots.length : 0;
    for (let i = 0; i < spots.length; i++) {
      const spot = spots[(start + i) % spots.length]!;
      if (fits(spot.x, spot.y)) return spot;
    }
    return null;
  };
  const visible = prefer && intersection(frame, prefer);
  const found = (visible && scan(visible)) ?? scan(frame);
  if (found) return found;
  const shift = Math.min(occupied.length * 12, frame.width / 2 - 1, frame.height / 2 - 1);
  return { x: frame.x + frame.width / 2 - side / 2 + shift, y: frame.y + frame.height / 2 - side / 2 + shift };
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
