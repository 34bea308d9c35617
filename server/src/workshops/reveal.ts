import { type StickyNote, deleteElements, getElement, getElements, insertElement } from '@sammen/shared';
import type { ServerDocs } from './serverDocs.js';
import type { MemberRecord, WorkshopState } from './types.js';

export const privateDocId = (boardId: string, memberId: string): string => `private:${boardId}:${memberId}`;

/** The board and member of a private document's id, or null for any other document. */
export function parsePrivateDocId(docId: string): { boardId: string; memberId: string } | null {
  const match = /^private:([^:]+):([^:]+)$/.exec(docId);
  return match ? { boardId: match[1]!, memberId: match[2]! } : null;
}

/** How long after a reveal a note that arrives in a private document is still revealed (the page waits as long). */
export const LATE_REVEAL_MS = 10 * 60_000;
/** A late note is revealed once its private document has had no update for this long (the rest of its typing). */
export const LATE_REVEAL_QUIET_MS = 1500;

/**
 * Whether a note stored in a private document now is late for a reveal: the last private round ended
 * with a reveal less than LATE_REVEAL_MS ago, and no round runs. It was sent just before the reveal and
 * reached the server after it (a phone's slow network), or by a page that was offline; the round's
 * reveal would have taken it. Not while the board is locked: a participant could otherwise put notes
 * on a locked board by way of their private document (a note in a locked frame: `lateNoteAllowed`).
 */
export function isLateForReveal(state: WorkshopState, now: number): boolean {
  const last = state.reveals.at(-1);
  return !state.private.active && state.private.endedBy === 'reveal' && !state.locks.board && last !== undefined && now - last.at < LATE_REVEAL_MS;
}

/** Whether a late note may go on the board: not into a frame whose contents are locked. */
export function lateNoteAllowed(state: WorkshopState): (note: StickyNote) => boolean {
  const locked = new Set(state.locks.frames.filter((f) => f.contents).map((f) => f.frameId));
  return (note) => note.frameId === null || !locked.has(note.frameId);
}

/** The state after a late reveal of `count` notes: counted in the last reveal. */
export function withLateReveal(state: WorkshopState, count: number): WorkshopState {
  const last = state.reveals.at(-1);
  if (!last) return state;
  return { ...state, reveals: [...state.reveals.slice(0, -1), { ...last, notes: last.notes + count }] };
}

/**
 * Copies every member's private notes onto the board in one transaction (named or anonymous), makes
 * sure that is stored, and only then empties the private documents, so a crash loses nothing. If a
 * failure to store stops it in between, running it again is safe: notes already on the board stay
 * as they are there (perhaps moved into a cluster since), and are not copied twice.
 * Returns how many notes each member had revealed.
 */
export async function revealPrivateNotes(
  docs: ServerDocs,
  boardId: string,
  members: MemberRecord[],
  mode: 'anonymous' | 'named',
  /** Which notes to reveal (the others stay private); all by default. */
  accept: (note: StickyNote) => boolean = () => true,
): Promise<Array<{ memberId: string; count: number }>> {
  const revealed: Array<{ member: MemberRecord; notes: StickyNote[]; docId: string }> = [];
  for (const member of members) {
    const docId = privateDocId(boardId, member.id);
    if (!(await docs.exists(docId))) continue;
    const notes = await docs.read(docId, (doc) => getElements(doc).filter((e): e is StickyNote => e.type === 'note' && accept(e)));
    if (notes.length) revealed.push({ member, notes, docId });
  }
  if (!revealed.length) return [];
  await docs.edit(boardId, (doc) => {
    for (const { member, notes } of revealed) {
      for (const note of notes) {
        if (getElement(doc, note.id)) continue;
        const { author: _ignored, ...rest } = note;
        insertElement(doc, mode === 'named' ? { ...rest, author: member.name } : rest);
      }
    }
  });
  for (const { notes, docId } of revealed) await docs.edit(docId, (doc) => deleteElements(doc, notes.map((n) => n.id)));
  return revealed.map(({ member, notes }) => ({ memberId: member.id, count: notes.length }));
}
