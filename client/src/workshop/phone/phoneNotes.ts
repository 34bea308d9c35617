import { indexAbove, insertElement, newElementId, type ColorName, type Element, type Frame } from '@sammen/shared';
import { boxCenter, boxContainsBox, boxesIntersect, type Box } from '../../geometry/bounds.js';
import { elementBounds } from '../../geometry/elements.js';
import { visibleWorldBox } from '../../geometry/viewport.js';
import type { Editor } from '../../editor/Editor.js';
import { phoneNoteSize, placePhoneNote } from './notePlacement.js';

/** Longest note text, as elsewhere. */
const MAX_TEXT = 10_000;

/**
 * What already takes room in `frame`: every element whose bounds reach into it, except the frame
 * itself and frames around it (frames inside it count: a note dropped there would join them).
 */
export function occupiedIn(frame: Frame, elements: Iterable<Element>, lookup: (id: string) => Element | undefined): Box[] {
  const out: Box[] = [];
  for (const el of elements) {
    if (el.id === frame.id || el.type === 'arrow') continue;
    const box = elementBounds(el, lookup);
    if (!box || !boxesIntersect(box, frame)) continue;
    if (el.type === 'frame' && boxContainsBox(box, frame)) continue;
    out.push(box);
  }
  return out;
}

export interface NewPhoneNote {
  text: string;
  color: ColorName;
  /** The current step's frame, or null (the note goes in the middle of the screen). */
  frameId: string | null;
  /** Elements of the other document (the board behind private notes), so the note does not hide one. */
  backdrop: Iterable<Element>;
  seed: number;
}

/**
 * Adds a note written in the phone's composer to `editor` (the board, or one's private notes): in the
 * step's frame at a free spot, sized to read at the current zoom. Refused, like every other way to
 * add a note, when the editor's policy says no. Returns the new note's id, or null.
 */
export function addPhoneNote(editor: Editor, note: NewPhoneNote): string | null {
  const frame = note.frameId ? (editor.frames().find((f) => f.id === note.frameId) ?? null) : null;
  const frameId = frame?.id ?? null;
  if (!editor.canPlaceIn(frameId)) {
    editor.onBlocked?.(editor.getPolicy().readOnly ? 'readOnly' : 'frameLocked');
    return null;
  }
  const { viewport } = editor.getState();
  const visible = visibleWorldBox(viewport, editor.size);
  let at: { x: number; y: number; width: number; height: number };
  if (frame) {
    const occupied = [...occupiedIn(frame, editor.store.all(), editor.store.lookup), ...occupiedIn(frame, note.backdrop, () => undefined)];
    at = placePhoneNote(frame, occupied, viewport.scale, visible, note.seed);
  } else {
    const side = phoneNoteSize(viewport.scale, null);
    const c = boxCenter(visible);
    at = { x: c.x - side / 2, y: c.y - side / 2, width: side, height: side };
  }
  const id = newElementId();
  let ok = false;
  editor.transact(() => {
    insertElement(editor.doc, {
      id,
      type: 'note',
      x: Math.round(at.x),
      y: Math.round(at.y),
      width: at.width,
      height: at.height,
      color: note.color,
      text: note.text.slice(0, MAX_TEXT),
      index: indexAbove(editor.store.indices()),
      frameId,
    });
    ok = true;
  });
  return ok ? id : null;
}

const MINE_PREFIX = 'sammen.mine.';
const MAX_REMEMBERED = 500;

/**
 * The ids of the notes this participant wrote on this device (the board does not record authors
 * unless a reveal is named), so that "My notes" can list them. Private notes keep their id when they
 * are revealed, so a note stays "mine" after the reveal.
 */
export function loadMine(boardId: string, memberId: string): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(`${MINE_PREFIX}${boardId}.${memberId}`) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberMine(boardId: string, memberId: string, id: string): void {
  try {
    const next = [...loadMine(boardId, memberId).filter((x) => x !== id), id].slice(-MAX_REMEMBERED);
    window.localStorage.setItem(`${MINE_PREFIX}${boardId}.${memberId}`, JSON.stringify(next));
  } catch {
    // Not remembered: the note is on the board all the same, only missing from the list.
  }
}
