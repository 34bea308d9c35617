import {
  connectorDefaults,
  deleteElements,
  frameDefaults,
  indexAbove,
  indicesAbove,
  indicesBelow,
  insertElement,
  newElementId,
  shapeDefaults,
  stickyNoteDefaults,
  textBoxDefaults,
  updateElement,
  type ColorName,
  type Element,
  type ElementPatch,
  type Endpoint,
  type ShapeKind,
} from '@sammen/shared';
import { boxCenter, boxContainsBox, unionBoxes, type Box, type Point } from '../geometry/bounds.js';
import { drawOrder, elementBounds, frameAt } from '../geometry/elements.js';
import { visibleWorldBox } from '../geometry/viewport.js';
import type { Editor } from './Editor.js';
import { arrowsAttachedTo, cloneElements, translateElement, withFrameContents } from './elementOps.js';
import { parseClipboard, serializeClipboard } from './clipboard.js';

/**
 * Everything a person can do to the document, as commands over the editor. Each is one local
 * transaction, so one Ctrl+Z undoes it, and each only writes the fields it means to change.
 */

const topIndex = (editor: Editor): string => indexAbove(editor.store.indices());

/** The frame that a new or dropped box lands in. */
const frameIdFor = (editor: Editor, box: Box, exclude?: string): string | null =>
  frameAt(box, editor.frames(), exclude)?.id ?? null;

/** Inserts a new element, unless it would land in a frame this person may not add to. */
function insertAndSelect(editor: Editor, el: Element, edit = false): void {
  if (!editor.canPlaceIn(el.frameId)) {
    editor.onBlocked?.('frameLocked');
    return;
  }
  editor.transact(() => insertElement(editor.doc, el));
  editor.select([el.id]);
  if (edit) editor.startEditing(el.id, true);
}

/**
 * A square note centred on `center`, `side` board units wide (the toolbar passes the size that reads
 * at the current zoom). Inside a frame it stays within a third of the frame (a frame is for many
 * notes), never below an ordinary note.
 */
export function createNote(editor: Editor, center: Point, color: ColorName, side: number = stickyNoteDefaults.width): void {
  const frame = frameAt({ ...center, width: 0, height: 0 }, editor.frames());
  const limit = frame ? Math.min(frame.width, frame.height) / 3 : Infinity;
  const width = Math.round(Math.max(stickyNoteDefaults.width, Math.min(side, limit)));
  const height = width;
  const box = { x: center.x - width / 2, y: center.y - height / 2, width, height };
  const id = newElementId();
  insertAndSelect(
    editor,
    { ...stickyNoteDefaults, ...box, id, type: 'note', color, index: topIndex(editor), frameId: frameIdFor(editor, box) },
    true,
  );
}

export function createText(editor: Editor, at: Point): void {
  const { height } = textBoxDefaults;
  const box = { ...textBoxDefaults, x: at.x, y: at.y - height / 2 };
  insertAndSelect(
    editor,
    { ...box, id: newElementId(), type: 'text', index: topIndex(editor), frameId: frameIdFor(editor, box) },
    true,
  );
}

export function createShape(editor: Editor, kind: ShapeKind, box: Box): void {
  insertAndSelect(editor, {
    ...shapeDefaults,
    ...box,
    kind,
    id: newElementId(),
    type: 'shape',
    index: topIndex(editor),
    frameId: frameIdFor(editor, box),
  });
}

/** A new frame adopts the loose elements it encloses, so drawing a frame around notes groups them. */
export function createFrame(editor: Editor, box: Box): void {
  const id = newElementId();
  editor.transact(() => {
    insertElement(editor.doc, { ...frameDefaults, ...box, id, type: 'frame', index: topIndex(editor), frameId: null });
    for (const el of editor.store.all()) {
      if (el.type === 'frame' || el.type === 'arrow' || el.frameId || !editor.canEdit(el.id)) continue;
      if (boxContainsBox(box, el)) updateElement(editor.doc, el.id, { frameId: id });
    }
  });
  editor.select([id]);
}

export function createArrow(editor: Editor, start: Endpoint, end: Endpoint): void {
  insertAndSelect(editor, {
    ...connectorDefaults,
    id: newElementId(),
    type: 'arrow',
    index: topIndex(editor),
    frameId: null,
    start,
    end,
  });
}

/**
 * The geometry fields that moving and resizing may write. Text and colours are never part of such a
 * patch, so a drag cannot overwrite what a colleague typed meanwhile.
 */
function geometryPatch(el: Element): ElementPatch {
  if (el.type === 'arrow') return { start: el.start, end: el.end };
  return { x: el.x, y: el.y, width: el.width, height: el.height };
}

/**
 * Writes moved or resized elements (as drawn in the preview) and updates frame membership: a dropped
 * element belongs to the frame under its centre, or to none. Elements travelling with their frame keep it.
 */
export function commitGeometry(editor: Editor, changed: ReadonlyMap<string, Element>): void {
  const frames = editor.frames().map((f) => (changed.get(f.id) as typeof f | undefined) ?? f);
  let blocked = false;
  editor.transact(() => {
    for (const el of changed.values()) {
      if (!editor.store.get(el.id) || !editor.canEdit(el.id)) continue;
      const patch = geometryPatch(el);
      if (el.type !== 'frame' && el.type !== 'arrow' && !(el.frameId && changed.has(el.frameId))) {
        const frameId = frameAt(el, frames, el.id)?.id ?? null;
        if (frameId !== el.frameId) {
          // Dropped on a locked frame: it stays where it was.
          if (!editor.canPlaceIn(frameId)) {
            blocked = true;
            continue;
          }
          patch.frameId = frameId;
        }
      }
      updateElement(editor.doc, el.id, patch);
    }
  });
  if (blocked) editor.onBlocked?.('frameLocked');
}

/** The selection and what moves with it (frame contents), moved by (dx, dy), as a preview map. */
export function movedSelection(editor: Editor, ids: Iterable<string>, dx: number, dy: number): Map<string, Element> {
  const out = new Map<string, Element>();
  for (const id of withFrameContents(ids, editor.store.all())) {
    const el = editor.store.get(id);
    if (el) out.set(id, translateElement(el, dx, dy));
  }
  return out;
}

export function nudgeSelection(editor: Editor, dx: number, dy: number): void {
  const { selection } = editor.getState();
  if (selection.size) commitGeometry(editor, movedSelection(editor, selection, dx, dy));
}

/** Deletes the selection and the arrows attached to it; a deleted frame's contents stay, loose. */
export function deleteSelection(editor: Editor): void {
  const ids = new Set(editor.getState().selection);
  if (!ids.size) return;
  const all = [...editor.store.all()];
  editor.transact(() => {
    for (const el of all) if (el.frameId && ids.has(el.frameId) && !ids.has(el.id)) updateElement(editor.doc, el.id, { frameId: null });
    deleteElements(editor.doc, [...ids, ...arrowsAttachedTo(ids, all)]);
  });
  editor.select([]);
}

/** The selected elements with their frames' contents, back to front. */
function selectedWithContents(editor: Editor): Element[] {
  const ids = withFrameContents(editor.getState().selection, editor.store.all());
  return [...ids].map((id) => editor.store.get(id)).filter((e): e is Element => !!e).sort(drawOrder);
}

function insertCopies(editor: Editor, source: readonly Element[], offset: { dx: number; dy: number }): void {
  // The private notes document holds notes only (only notes are revealed).
  const wanted = editor.getPolicy().notesOnly ? source.filter((e) => e.type === 'note').map((e) => ({ ...e, frameId: null })) : source;
  if (!wanted.length) return;
  const indices = indicesAbove(editor.store.indices(), wanted.length);
  const cloned = cloneElements(wanted, offset, newElementId, indices, (id) => !!editor.store.get(id));
  // A copy that lands in a frame (and did not come with its own frame) joins it; none go into locked frames.
  const copies = cloned.map((el) => (el.type !== 'arrow' && el.type !== 'frame' && !el.frameId ? { ...el, frameId: frameIdFor(editor, el) } : el));
  const allowed = copies.filter((el) => editor.canPlaceIn(el.frameId));
  if (allowed.length < copies.length) editor.onBlocked?.('frameLocked');
  if (!allowed.length) return;
  editor.transact(() => {
    for (const el of allowed) insertElement(editor.doc, el);
  });
  editor.select(allowed.map((c) => c.id));
}

const DUPLICATE_OFFSET = 24;

export function duplicateSelection(editor: Editor): void {
  insertCopies(editor, selectedWithContents(editor), { dx: DUPLICATE_OFFSET, dy: DUPLICATE_OFFSET });
}

/** The clipboard text for the selection, or null when nothing is selected. */
export function copySelection(editor: Editor): string | null {
  const elements = selectedWithContents(editor);
  if (!elements.length) return null;
  const text = serializeClipboard(elements);
  editor.clipboardMemory = text;
  return text;
}

/**
 * Pastes clipboard text: Sammen elements are placed around the pointer (or offset from where they
 * were, when the pointer is not over the board); any other text becomes a new note.
 */
export function pasteText(editor: Editor, text: string): void {
  const elements = parseClipboard(text);
  if (elements === null) {
    const plain = text.trim();
    if (!plain) return;
    const at = editor.lastPointer ?? boxCenter(visibleWorldBox(editor.getState().viewport, editor.size));
    const { width, height } = stickyNoteDefaults;
    const box = { x: at.x - width / 2, y: at.y - height / 2, width, height };
    insertAndSelect(editor, {
      ...stickyNoteDefaults,
      ...box,
      id: newElementId(),
      type: 'note',
      color: editor.getState().noteColor,
      text: plain.slice(0, 10_000),
      index: topIndex(editor),
      frameId: frameIdFor(editor, box),
    });
    return;
  }
  const bounds = unionBoxes(elements.map((e) => elementBounds(e, (id) => elements.find((x) => x.id === id))).filter((b) => !!b));
  if (!bounds) return;
  const target = editor.lastPointer;
  const center = boxCenter(bounds);
  const offset = target
    ? { dx: target.x - center.x, dy: target.y - center.y }
    : { dx: DUPLICATE_OFFSET, dy: DUPLICATE_OFFSET };
  insertCopies(editor, elements, offset);
}

/** Brings the selection to the front (or back), keeping its internal order. */
export function reorderSelection(editor: Editor, where: 'front' | 'back'): void {
  const selected = [...editor.getState().selection]
    .map((id) => editor.store.get(id))
    .filter((e): e is Element => !!e)
    .sort(drawOrder);
  if (!selected.length) return;
  const others = [...editor.store.all()].filter((e) => !editor.getState().selection.has(e.id)).map((e) => e.index);
  const keys = where === 'front' ? indicesAbove(others, selected.length) : indicesBelow(others, selected.length);
  editor.transact(() => selected.forEach((el, i) => updateElement(editor.doc, el.id, { index: keys[i]! })));
}

/** Recolours the selection: a note's colour, a shape's or frame's fill, a text's or arrow's colour. */
export function colorSelection(editor: Editor, color: ColorName): void {
  editor.transact(() => {
    for (const id of editor.getState().selection) {
      const el = editor.store.get(id);
      if (!el) continue;
      if (el.type === 'shape' || el.type === 'frame') updateElement(editor.doc, id, { fill: color });
      else updateElement(editor.doc, id, { color });
    }
  });
}

export function renameFrame(editor: Editor, id: string, title: string): void {
  editor.transact(() => updateElement(editor.doc, id, { title: title.slice(0, 200) }));
}

export function selectAll(editor: Editor): void {
  editor.select([...editor.store.all()].map((e) => e.id));
}

/** Undo and redo write to the document too, so a read-only person has none. */
export function undo(editor: Editor): void {
  editor.stopEditing();
  if (editor.getPolicy().readOnly) return;
  editor.undoManager.undo();
}

export function redo(editor: Editor): void {
  editor.stopEditing();
  if (editor.getPolicy().readOnly) return;
  editor.undoManager.redo();
}
