import type * as Y from 'yjs';
import {
  type NoteToReveal, type StickyNote, deleteElements, getElement, getElementText, insertElement, notesToReveal, revealedNotes, updateElement,
} from '@sammen/shared';
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
 * sure that is stored, and only then records in each private document what was copied
 * (revealedNotes: a note stays there, recorded, until the next private round starts), so a crash loses
 * nothing. A note recorded before whose text has grown since (the rest of its keystrokes arrived after
 * the reveal) has the change carried over to its board copy. If a failure to store stops it in
 * between, running it again is safe: notes already on the board stay as they are there (perhaps moved
 * into a cluster since), and are not copied twice.
 * Returns how many notes each member had newly revealed (members with none are left out).
 */
export async function revealPrivateNotes(
  docs: ServerDocs,
  boardId: string,
  members: MemberRecord[],
  mode: 'anonymous' | 'named',
  /** Which notes to reveal (the others stay private); all by default. Also asked of a board copy a change is carried to. */
  accept: (note: StickyNote) => boolean = () => true,
  /** Only carry changes of notes revealed before (a new round starts: nothing new goes on the board). */
  onlyRevealedBefore = false,
): Promise<Array<{ memberId: string; count: number }>> {
  const found: Array<{ member: MemberRecord; docId: string; notes: NoteToReveal[]; copied: Map<string, string>; count: number }> = [];
  for (const member of members) {
    const docId = privateDocId(boardId, member.id);
    if (!(await docs.exists(docId))) continue;
    const notes = await docs.read(docId, (doc) =>
      notesToReveal(doc).filter(({ note, revealedText }) => accept(note) && (!onlyRevealedBefore || revealedText !== undefined)),
    );
    if (notes.length) found.push({ member, docId, notes, copied: new Map(), count: 0 });
  }
  if (!found.length) return [];
  await docs.edit(boardId, (doc) => {
    for (const entry of found) {
      for (const { note, revealedText } of entry.notes) {
        const onBoard = getElement(doc, note.id);
        if (revealedText === undefined) {
          if (onBoard) {
            // Copied by a reveal stopped before it could record it: record it, if it is this note as it is.
            if (onBoard.type === 'note' && onBoard.text === note.text) entry.copied.set(note.id, note.text);
            continue;
          }
          const { author: _ignored, ...rest } = note;
          insertElement(doc, mode === 'named' ? { ...rest, author: entry.member.name } : rest);
          entry.copied.set(note.id, note.text);
          entry.count += 1;
        } else if (!onBoard) {
          entry.copied.set(note.id, note.text); // removed from the board since: it stays removed
        } else if (onBoard.type === 'note' && accept(onBoard)) {
          carryTextChange(doc, onBoard, revealedText, note.text);
          entry.copied.set(note.id, note.text);
        }
      }
    }
  });
  for (const { docId, copied } of found) {
    if (!copied.size) continue;
    await docs.edit(docId, (doc) => {
      const record = revealedNotes(doc);
      for (const [id, text] of copied) record.set(id, text);
    });
  }
  return found.filter((e) => e.count > 0).map((e) => ({ memberId: e.member.id, count: e.count }));
}

/** What a round start carries to the board of text typed on revealed notes: as the last reveal put them there, unless the board is locked. */
export function carryOnRoundStart(state: WorkshopState): { mode: 'anonymous' | 'named'; accept: (note: StickyNote) => boolean } | null {
  const last = state.reveals.at(-1);
  return last && !state.locks.board ? { mode: last.mode, accept: lateNoteAllowed(state) } : null;
}

/**
 * As a private round starts: each member's notes that earlier reveals copied to the board leave their
 * private document, record and all, so the new round starts from what was never revealed. What was
 * typed on them since their reveal is carried to the board first (when the board takes it).
 */
export async function forgetRevealedNotes(
  docs: ServerDocs,
  boardId: string,
  members: MemberRecord[],
  lastReveal: { mode: 'anonymous' | 'named'; accept: (note: StickyNote) => boolean } | null,
): Promise<void> {
  // One read per member: what is recorded, and whether any of it was typed on since its reveal.
  const recorded: Array<{ member: MemberRecord; docId: string; ids: string[]; typedOn: boolean }> = [];
  for (const member of members) {
    const docId = privateDocId(boardId, member.id);
    if (!(await docs.exists(docId))) continue;
    const seen = await docs.read(docId, (doc) => ({
      ids: [...revealedNotes(doc).keys()],
      typedOn: notesToReveal(doc).some((n) => n.revealedText !== undefined),
    }));
    if (seen.ids.length) recorded.push({ member, docId, ...seen });
  }
  const typedOn = recorded.filter((r) => r.typedOn).map((r) => r.member);
  if (lastReveal && typedOn.length) await revealPrivateNotes(docs, boardId, typedOn, lastReveal.mode, lastReveal.accept, true);
  for (const { docId, ids } of recorded) {
    await docs.edit(docId, (doc) => {
      deleteElements(doc, ids);
      const record = revealedNotes(doc);
      for (const id of ids) record.delete(id);
    });
  }
}

/**
 * Carries a change of a revealed note's text (from what the board was given, `from`, to what the
 * private note holds now, `to`) over to its board copy: as the same splice where the copy still has
 * the text it touches, else the added text at the end (someone edited the copy meanwhile). A removal
 * that no longer fits is dropped: nothing anyone typed is lost.
 */
export function textCarry(board: string, from: string, to: string): { at: number; remove: number; insert: string } | null {
  let prefix = 0;
  const max = Math.min(from.length, to.length);
  while (prefix < max && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix += 1;
  if (prefix > 0 && isHighSurrogate(from.charCodeAt(prefix - 1))) prefix -= 1; // never split a pair
  let suffix = 0;
  while (suffix < max - prefix && from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)) suffix += 1;
  if (suffix > 0 && isLowSurrogate(from.charCodeAt(from.length - suffix))) suffix -= 1;
  const removed = from.slice(prefix, from.length - suffix);
  const insert = to.slice(prefix, to.length - suffix);
  if (!removed && !insert) return null;
  if (board.slice(0, prefix) === from.slice(0, prefix) && board.slice(prefix, prefix + removed.length) === removed) {
    return { at: prefix, remove: removed.length, insert };
  }
  return insert ? { at: board.length, remove: 0, insert } : null;
}

function carryTextChange(doc: Y.Doc, onBoard: StickyNote, from: string, to: string): void {
  const splice = textCarry(onBoard.text, from, to);
  if (!splice) return;
  const text = getElementText(doc, onBoard.id);
  if (!text) return void updateElement(doc, onBoard.id, { text: onBoard.text.slice(0, splice.at) + splice.insert + onBoard.text.slice(splice.at + splice.remove) });
  doc.transact(() => {
    if (splice.remove) text.delete(splice.at, splice.remove);
    if (splice.insert) text.insert(splice.at, splice.insert);
  });
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
