import type { Box } from './bounds.js';

/**
 * Where an HTML badge (vote count, one's dots, a vote button) goes on a note so that it never covers
 * the note's text: on the note's top-right corner, straddling its border, reaching into the note by
 * no more than the note's padding on screen (text is drawn only inside the padding). The rest of the
 * badge sits above and to the right of the note. Screen coordinates (CSS px).
 */
export function badgePlacement(note: Box, badge: { width: number; height: number }, paddingPx: number): { left: number; top: number } {
  const insideX = Math.max(0, Math.min(paddingPx, badge.width / 2));
  const insideY = Math.max(0, Math.min(paddingPx, badge.height / 2));
  return { left: note.x + note.width - insideX, top: note.y - badge.height + insideY };
}

/** The part of `note` where its text may be drawn (inside the padding), in the same units. */
export const textArea = (note: Box, padding: number): Box => ({
  x: note.x + padding,
  y: note.y + padding,
  width: Math.max(0, note.width - 2 * padding),
  height: Math.max(0, note.height - 2 * padding),
});
