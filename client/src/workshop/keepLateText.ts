import type * as Y from 'yjs';
import { type StickyNote, getElements, insertElement, newElementId, revealedNotes } from '@sammen/shared';

/**
 * Keeps what a participant typed on a revealed note when the rest of it could not reach the server in
 * time. A reveal copies a note as far as it has arrived; the rest follows to the board copy as long as
 * the note is still in the private document (server: lateReveals.ts, reveal.ts `textCarry`). When the
 * next private round starts first, the server deletes the revealed notes, record and all
 * (`forgetRevealedNotes`), and keystrokes that arrive after that land in a deleted note: gone. A phone
 * whose network dropped mid-note is exactly that case. This page still has the whole note: when a
 * note it had typed on since its reveal is deleted together with its record (only the round start does
 * that: a person's own deletion leaves the record), it writes the note again as a new note, which
 * belongs to the new round and is revealed with it. Nothing typed is lost; the board then holds the
 * part that arrived in time and, after the next reveal, the whole note.
 * Returns the stop function.
 */
export function keepLateText(doc: Y.Doc): () => void {
  let typedOn = typedOnSinceReveal(doc);
  const afterTransaction = (transaction: Y.Transaction): void => {
    const before = typedOn;
    typedOn = typedOnSinceReveal(doc);
    if (transaction.local || before.size === 0) return;
    const records = revealedNotes(doc);
    const present = new Set(getElements(doc).map((e) => e.id));
    const lost = [...before.values()].filter((note) => !present.has(note.id) && !records.has(note.id));
    if (!lost.length) return;
    // A transaction of its own, begun now: the notes are in the document before the deletion's
    // 'update' listeners run (closeWhenRevealed would otherwise see nothing left and close), and Yjs
    // cleans it up after the deletion's.
    doc.transact(() => {
      // A little down and right: on the board it would otherwise hide the start of it, revealed before.
      for (const note of lost) insertElement(doc, { ...note, id: newElementId(), x: note.x + OFFSET, y: note.y + OFFSET });
    });
  };
  doc.on('afterTransaction', afterTransaction);
  return () => doc.off('afterTransaction', afterTransaction);
}

const OFFSET = 24;

/** The notes whose text differs from what their reveal copied (recorded, and typed on since). */
function typedOnSinceReveal(doc: Y.Doc): Map<string, StickyNote> {
  const records = revealedNotes(doc);
  const out = new Map<string, StickyNote>();
  if (records.size === 0) return out;
  for (const element of getElements(doc)) {
    if (element.type !== 'note') continue;
    const copied = records.get(element.id);
    if (typeof copied === 'string' && copied !== element.text) out.set(element.id, element);
  }
  return out;
}
