import type * as Y from 'yjs';
import { getElements } from './doc.js';
import type { StickyNote } from './schema/StickyNote.js';

/**
 * A private-notes document's record of what its reveals copied to the board: note id → the text
 * copied. Only the server writes it (the gate lets clients write `elements` only). A revealed note
 * stays in the private document, with its record, until the next private round starts: the rest of
 * a note whose keystrokes were still on their way at the reveal (a phone's network dropped and came
 * back) then lands in a note that is still there, and the server carries it on to the board copy.
 * After the next round has started, the page writes the whole note again (client `keepLateText.ts`).
 */
export const REVEALED_ROOT = 'revealed';

export function revealedNotes(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(REVEALED_ROOT);
}

/** A private note not on the board as it is, and the text the board has of it (undefined: none yet). */
export interface NoteToReveal {
  note: StickyNote;
  revealedText: string | undefined;
}

/**
 * The notes of a private document that are not on the board as they are now: never revealed, or
 * typed on since their reveal.
 */
export function notesToReveal(doc: Y.Doc): NoteToReveal[] {
  const revealed = revealedNotes(doc);
  const out: NoteToReveal[] = [];
  for (const element of getElements(doc)) {
    if (element.type !== 'note') continue;
    const revealedText = revealed.get(element.id);
    if (revealedText !== element.text) out.push({ note: element, revealedText: typeof revealedText === 'string' ? revealedText : undefined });
  }
  return out;
}
