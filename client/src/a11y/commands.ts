import {
  deleteElements,
  getElementText,
  indexAbove,
  insertElement,
  newElementId,
  stickyNoteDefaults,
  updateElement,
  type ColorName,
  type Element,
} from '@sammen/shared';
import { boxCenter, type Box } from '../geometry/bounds.js';
import { visibleWorldBox } from '../geometry/viewport.js';
import { commitGeometry } from '../editor/commands.js';
import type { Editor } from '../editor/Editor.js';
import { MIN_ELEMENT_SIZE, arrowsAttachedTo, resizeElement } from '../editor/elementOps.js';
import { diffText } from '../editor/textDiff.js';
import { placeInFrame } from './placement.js';

/**
 * The non-pointer ways to change the board (WCAG 2.5.7: every drag has an alternative): add a note to
 * a frame, edit, delete, move to a frame, resize by keys. Each is one local transaction through
 * `editor.transact` (LOCAL_ORIGIN, undoable), and each asks the editor's policy first, exactly like
 * the canvas tools, so an observer, a lock or private mode refuses here as it does there.
 */

const MAX_TEXT = 10_000;

const boxesInFrame = (elements: Iterable<Element>, frameId: string, except?: string): Box[] =>
  [...elements].filter((e): e is Exclude<Element, { type: 'arrow' }> => e.type !== 'arrow' && e.type !== 'frame' && e.frameId === frameId && e.id !== except);

/**
 * Adds a note with `text` to a frame (or, with null, to the middle of what this person sees). With
 * private notes, `editor` is the private editor and `others` the board's elements, so the new note
 * does not land on top of one already on the board. Returns the new id, or null when refused.
 */
export function addNote(editor: Editor, frameId: string | null, text: string, color: ColorName, others: Iterable<Element> = []): string | null {
  if (!editor.canPlaceIn(frameId)) {
    editor.onBlocked?.(editor.getPolicy().readOnly ? 'readOnly' : 'frameLocked');
    return null;
  }
  const { width, height } = stickyNoteDefaults;
  const frame = frameId ? editor.frames().find((f) => f.id === frameId) : undefined;
  if (frameId && !frame) return null;
  let at: { x: number; y: number };
  if (frame) {
    at = placeInFrame(frame, { width, height }, [...boxesInFrame(editor.store.all(), frame.id), ...boxesInFrame(others, frame.id)]);
  } else {
    const c = boxCenter(visibleWorldBox(editor.getState().viewport, editor.size));
    at = { x: c.x - width / 2, y: c.y - height / 2 };
  }
  const id = newElementId();
  let ok = false;
  editor.transact(() => {
    insertElement(editor.doc, {
      ...stickyNoteDefaults,
      ...at,
      id,
      type: 'note',
      color,
      text: text.slice(0, MAX_TEXT),
      index: indexAbove(editor.store.indices()),
      frameId: frame?.id ?? null,
    });
    ok = true;
  });
  return ok ? id : null;
}

/** Replaces an element's text by the one splice between old and new, so others' typing elsewhere stays. */
export function setText(editor: Editor, id: string, next: string): boolean {
  if (!editor.canEdit(id)) return false;
  const ytext = getElementText(editor.doc, id);
  if (!ytext) return false;
  const splice = diffText(ytext.toString(), next.slice(0, MAX_TEXT));
  if (!splice) return true;
  editor.transact(() => {
    if (splice.remove) ytext.delete(splice.index, splice.remove);
    if (splice.insert) ytext.insert(splice.index, splice.insert);
  });
  return true;
}

/** Deletes one element and the arrows attached to it; a frame's contents stay, loose. */
export function deleteOne(editor: Editor, id: string): boolean {
  if (!editor.canEdit(id)) return false;
  const all = [...editor.store.all()];
  editor.transact(() => {
    for (const el of all) if (el.frameId === id) updateElement(editor.doc, el.id, { frameId: null });
    deleteElements(editor.doc, [id, ...arrowsAttachedTo(new Set([id]), all)]);
  });
  return true;
}

/**
 * Moves an element into a frame (joining a cluster is moving a note into the cluster's frame): to the
 * first free place inside it. Refused for what this person may not move or a frame they may not add to.
 */
export function moveToFrame(editor: Editor, id: string, frameId: string): boolean {
  const el = editor.store.get(id);
  const frame = editor.frames().find((f) => f.id === frameId);
  if (!el || el.type === 'arrow' || el.type === 'frame' || !frame) return false;
  if (!editor.canEdit(id)) return false;
  if (!editor.canPlaceIn(frameId)) {
    editor.onBlocked?.('frameLocked');
    return false;
  }
  const at = placeInFrame(frame, el, boxesInFrame(editor.store.all(), frameId, id));
  editor.transact(() => updateElement(editor.doc, id, { x: at.x, y: at.y, frameId }));
  return true;
}

/** Resizes each selected element by (dw, dh) board units from its top-left corner (Alt+Shift+arrows). */
export function resizeSelectionBy(editor: Editor, dw: number, dh: number): void {
  const changed = new Map<string, Element>();
  for (const id of editor.getState().selection) {
    const el = editor.store.get(id);
    if (!el || el.type === 'arrow') continue;
    const from = { x: el.x, y: el.y, width: el.width, height: el.height };
    const to = { ...from, width: Math.max(MIN_ELEMENT_SIZE, from.width + dw), height: Math.max(MIN_ELEMENT_SIZE, from.height + dh) };
    changed.set(id, resizeElement(el, from, to));
  }
  if (changed.size) commitGeometry(editor, changed);
}
