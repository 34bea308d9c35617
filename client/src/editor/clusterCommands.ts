import { frameDefaults, indexAbove, insertElement, newElementId, updateElement, type Element, type Frame, type StickyNote } from '@sammen/shared';
import { expandBox, unionBoxes } from '../geometry/bounds.js';
import { elementBounds } from '../geometry/elements.js';
import { fitBox } from '../geometry/viewport.js';
import type { Editor } from './Editor.js';
import { CLUSTER_PADDING, parkingLotBox, planGroup, planTidy, shelfSpot, type ClusterLayout, type ClusterPlan } from './clusters.js';

/**
 * Clustering as editor commands: each is one local transaction (LOCAL_ORIGIN through
 * `editor.transact`), so one Ctrl+Z undoes a whole grouping or tidying.
 */

const isNote = (el: Element | undefined): el is StickyNote => el?.type === 'note';

/** The selected sticky notes (other selected elements are not grouped). */
export function selectedNotes(editor: Editor): StickyNote[] {
  return [...editor.getState().selection].map((id) => editor.store.get(id)).filter(isNote);
}

/** The notes a frame holds. */
export function notesInFrame(editor: Editor, frameId: string): StickyNote[] {
  return [...editor.store.all()].filter((el): el is StickyNote => isNote(el) && el.frameId === frameId);
}

/** The selected frame, when exactly one frame is selected (alone or with its contents). */
export function selectedFrame(editor: Editor): Frame | null {
  const frames = [...editor.getState().selection].map((id) => editor.store.get(id)).filter((e): e is Frame => e?.type === 'frame');
  return frames.length === 1 ? frames[0]! : null;
}

function writePlan(editor: Editor, frameId: string, plan: ClusterPlan): void {
  for (const [id, p] of plan.positions) updateElement(editor.doc, id, { x: p.x, y: p.y, frameId });
}

/** Groups the selected notes under `label` in a new cluster frame; returns its id, or null with no notes. */
export function groupSelectedNotes(editor: Editor, label: string, layout: ClusterLayout = 'grid'): string | null {
  return groupNotes(editor, selectedNotes(editor), label, layout);
}

/**
 * Groups the notes with these ids (those still on the board) under `label`: the same cluster, in one
 * undoable transaction, as grouping selected notes by hand. Used when a suggested group is accepted:
 * the cluster goes on a shelf below its frame's loose notes (`shelfSpot`), and the frame grows to hold
 * it, so the report still finds the cluster in its step's frame.
 */
export function groupNoteIds(editor: Editor, ids: readonly string[], label: string, layout: ClusterLayout = 'grid'): string | null {
  return groupNotes(editor, ids.map((id) => editor.store.get(id)).filter(isNote), label, layout, true);
}

function groupNotes(editor: Editor, notes: StickyNote[], label: string, layout: ClusterLayout, onShelf = false): string | null {
  let plan = planGroup(notes, layout);
  if (!plan) return null;
  const home = onShelf ? editor.store.get(notes[0]!.frameId ?? '') : undefined;
  let grow: Frame | null = null;
  if (home?.type === 'frame' && (home.variant ?? 'frame') === 'frame') {
    const moving = new Set(notes.map((n) => n.id));
    const loose = notesInFrame(editor, home.id).filter((n) => !moving.has(n.id));
    const clusters = editor.store.frames().filter((f) => f.variant === 'cluster');
    const spot = shelfSpot(home, plan.frame, loose, clusters);
    const dx = spot.x - plan.frame.x;
    const dy = spot.y - plan.frame.y;
    plan = { frame: { ...plan.frame, x: spot.x, y: spot.y }, positions: new Map([...plan.positions].map(([id, p]) => [id, { x: p.x + dx, y: p.y + dy }])) };
    const needed = unionBoxes([home, expandBox(plan.frame, CLUSTER_PADDING)])!;
    if (needed.width > home.width || needed.height > home.height) grow = { ...home, width: needed.width, height: needed.height };
  }
  const id = newElementId();
  // One grouping is one undo step, however quickly the next follows (accepting two suggestions within
  // the undo manager's capture time merged them, and one Ctrl+Z took both back).
  editor.undoManager.stopCapturing();
  editor.transact(() => {
    insertElement(editor.doc, {
      ...frameDefaults,
      ...plan.frame,
      id,
      type: 'frame',
      variant: 'cluster',
      title: label.trim().slice(0, 200),
      fill: 'white',
      // Above every frame (frames draw behind notes, ordered among themselves by index), so the
      // cluster shows on top of the step frame it was made in.
      index: indexAbove(editor.store.indices()),
      frameId: null,
    });
    if (grow) updateElement(editor.doc, grow.id, { width: grow.width, height: grow.height });
    writePlan(editor, id, plan);
  });
  editor.undoManager.stopCapturing();
  editor.select([id]);
  return id;
}

/** Lays a cluster's (or any frame's) notes out as a grid or a stack and fits the frame to them. */
export function tidyFrame(editor: Editor, frameId: string, layout: ClusterLayout): void {
  const frame = editor.store.get(frameId);
  if (frame?.type !== 'frame') return;
  const plan = planTidy(frame, notesInFrame(editor, frameId), layout);
  editor.transact(() => {
    updateElement(editor.doc, frameId, { ...plan.frame });
    writePlan(editor, frameId, plan);
  });
}

/** The parking lot, if the board has one. */
export const findParkingLot = (editor: Editor): Frame | null =>
  editor.store.frames().find((f) => f.variant === 'parking-lot') ?? null;

/**
 * Shows the board's parking lot, creating it (titled `title`) when there is none, and selects it, so
 * the next step (dragging a question into it) is right there.
 */
export function openParkingLot(editor: Editor, title: string): string {
  let lot = findParkingLot(editor);
  if (!lot) {
    const content = unionBoxes([...editor.store.all()].map((e) => elementBounds(e, editor.store.lookup)).filter((b) => !!b));
    const box = parkingLotBox(content);
    const created: Frame = {
      ...frameDefaults,
      ...box,
      id: newElementId(),
      type: 'frame',
      variant: 'parking-lot',
      title: title.slice(0, 200),
      fill: 'grey',
      index: indexAbove(editor.store.indices()),
      frameId: null,
    };
    editor.transact(() => insertElement(editor.doc, created));
    lot = created;
  }
  editor.select([lot.id]);
  zoomToElement(editor, lot.id);
  return lot.id;
}

/** Moves this person's camera to show one element (a frame, for "show everyone" and the parking lot). */
export function zoomToElement(editor: Editor, id: string): void {
  const el = editor.store.get(id);
  const bounds = el ? elementBounds(el, editor.store.lookup) : null;
  if (bounds) editor.setViewport(fitBox(bounds, editor.size, 64, 1.5));
}
