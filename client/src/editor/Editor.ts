import type * as Y from 'yjs';
import type { ColorName, Element, Frame } from '@sammen/shared';
import type { Box, Point } from '../geometry/bounds.js';
import { unionBoxes } from '../geometry/bounds.js';
import { elementBounds } from '../geometry/elements.js';
import {
  MAX_SCALE,
  centerOn,
  fitClearOf,
  fitWithInsets,
  uniformInsets,
  visibleWorldBox,
  zoomAt,
  type Insets,
  type Size,
  type Viewport,
} from '../geometry/viewport.js';
import { LOCAL_ORIGIN } from '../sync/origin.js';
import { UNDO_CAPTURE_MS } from '../sync/undo.js';
import type { LocalPresence } from '../sync/presence.js';
import type { ToolId } from '../tools/types.js';
import { ElementStore } from './elementStore.js';
import type { ProjectFilter } from '../geometry/projectFilter.js';
import { OPEN_POLICY, allowedTools, canEditElement, canPlaceIn, samePolicy, type EditPolicy } from './permissions.js';

/** Why the editor did not do what was asked (for a notice in the UI). */
export type BlockedReason = 'readOnly' | 'frameLocked';

/** What a tool draws while it works, before anything is written to the document. */
export type Overlay =
  | { kind: 'marquee'; box: Box }
  | { kind: 'draft'; shape: 'rect' | 'ellipse' | 'frame'; box: Box }
  | { kind: 'arrow'; start: Point; end: Point; targetId: string | null };

/**
 * Session state: this person's tool, selection, camera and in-progress gestures. Never in the
 * document (only the selection and camera outline go out, as presence).
 */
export interface EditorState {
  readonly tool: ToolId;
  readonly selection: ReadonlySet<string>;
  readonly viewport: Viewport;
  readonly editingId: string | null;
  readonly overlay: Overlay | null;
  /** Elements being dragged or resized, with their provisional geometry; drawn on their own layer. */
  readonly preview: ReadonlyMap<string, Element> | null;
  readonly noteColor: ColorName;
  /** The portfolio's filter: project cards that do not match are drawn dimmed. Null: no filter. */
  readonly projectFilter: ProjectFilter | null;
  /**
   * Screen boxes of panels floating over the canvas (the vote results card): fits show what they fit
   * beside them, not under them (`setCovered`, `fitClearOf`).
   */
  readonly covered: readonly Box[];
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * The editor behind one board page: the element read model, session state, and the single door
 * through which local changes reach the document (`transact`, with the undo-tracked origin).
 */
export class Editor {
  readonly store: ElementStore;
  private state: EditorState;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribeStore: () => void;
  /** Size of the canvas in CSS pixels, kept current by the view. */
  size: Size = { width: 1, height: 1 };
  /** Last pointer position in board units, for pasting where the pointer is. */
  lastPointer: Point | null = null;
  /** Fallback clipboard when the system clipboard is unavailable. */
  clipboardMemory: string | null = null;

  /** This person's presence publisher, once they have given their name. */
  presence: LocalPresence | null = null;

  /** What this person may change (workshop role and locks); everything on an open board. */
  private policy: EditPolicy = OPEN_POLICY;
  /**
   * Where frames come from for frame membership: this document's own, unless set. The private
   * notes editor sets the board's, so a private note placed on a board frame joins it at the reveal.
   */
  frameSource: (() => Frame[]) | null = null;
  /** Told when a gesture was refused by the policy, so the page can say why. */
  onBlocked: ((reason: BlockedReason) => void) | null = null;

  constructor(
    readonly doc: Y.Doc,
    readonly undoManager: Y.UndoManager,
  ) {
    this.store = new ElementStore(doc);
    this.state = {
      tool: 'select',
      selection: EMPTY,
      viewport: { x: 0, y: 0, scale: 1 },
      editingId: null,
      overlay: null,
      preview: null,
      noteColor: 'yellow',
      projectFilter: null,
      covered: [],
    };
    // Elements deleted by someone else (or by undo) leave the selection and the text editor.
    this.unsubscribeStore = this.store.subscribe((changed) => {
      const { selection, editingId } = this.state;
      let nextSelection = selection;
      for (const id of changed) {
        if (selection.has(id) && !this.store.get(id)) {
          if (nextSelection === selection) nextSelection = new Set(selection);
          (nextSelection as Set<string>).delete(id);
        }
      }
      const nextEditing = editingId && !this.store.get(editingId) ? null : editingId;
      if (nextSelection !== selection || nextEditing !== editingId) {
        this.set({ selection: nextSelection, editingId: nextEditing });
        if (nextSelection !== selection) this.presence?.setSelection(nextSelection);
      }
    });
  }

  getState = (): EditorState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<EditorState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /**
   * Runs `fn` as one local, undoable transaction. When this person may change nothing it is
   * dropped: a change the server refuses would close the connection.
   */
  transact(fn: () => void): void {
    if (this.policy.readOnly) {
      this.onBlocked?.('readOnly');
      return;
    }
    this.doc.transact(fn, LOCAL_ORIGIN);
  }

  // Permissions

  getPolicy = (): EditPolicy => this.policy;

  /** Applies a new policy: what may no longer be edited leaves the selection and the text editor. */
  setPolicy(policy: EditPolicy): void {
    if (samePolicy(policy, this.policy)) return;
    this.policy = policy;
    const { selection, editingId, tool } = this.state;
    const keep = [...selection].filter((id) => this.canEdit(id));
    const patch: { selection?: ReadonlySet<string>; editingId?: null; tool?: ToolId; preview?: null; overlay?: null } = {};
    if (keep.length !== selection.size) patch.selection = new Set(keep);
    if (editingId && !this.canEdit(editingId)) patch.editingId = null;
    if (!allowedTools(policy).includes(tool)) Object.assign(patch, { tool: 'select', preview: null, overlay: null });
    this.set(patch);
    if (patch.selection) this.presence?.setSelection(patch.selection);
  }

  /** Whether this person may select, move, edit or delete the element. */
  canEdit(id: string): boolean {
    const el = this.store.get(id);
    return !!el && canEditElement(this.policy, el);
  }

  /** Whether something may be created in or dropped into this frame (null: outside any frame). */
  canPlaceIn(frameId: string | null): boolean {
    return canPlaceIn(this.policy, frameId);
  }

  /** The frames that new and moved elements may join. */
  frames(): Frame[] {
    return this.frameSource?.() ?? this.store.frames();
  }

  setTool(tool: ToolId): void {
    if (tool === this.state.tool || !allowedTools(this.policy).includes(tool)) return;
    this.set({ tool, overlay: null, preview: null, editingId: null });
  }

  /** Selects what this person may edit among `ids` (locked things cannot be picked up). */
  select(ids: Iterable<string>): void {
    const selection = new Set([...ids].filter((id) => this.canEdit(id)));
    if (selection.size === 0 && this.state.selection.size === 0) return;
    this.set({ selection });
    this.presence?.setSelection(selection);
  }

  setNoteColor(noteColor: ColorName): void {
    this.set({ noteColor });
  }

  setOverlay(overlay: Overlay | null): void {
    this.set({ overlay });
  }

  setPreview(preview: ReadonlyMap<string, Element> | null): void {
    this.set({ preview });
    const boxes = preview ? [...preview.values()].filter((e): e is Exclude<Element, { type: 'arrow' }> => e.type !== 'arrow') : [];
    this.presence?.setMoving(boxes);
  }

  /** Whether the element being edited was created by this same gesture (see beginTextSession). */
  private editingFresh = false;

  /** Opens the in-place editor; `fresh` when the element was just created to be typed into. */
  startEditing(id: string, fresh = false): void {
    const el = this.store.get(id);
    if (!el || !('text' in el || el.type === 'frame' || el.type === 'action' || el.type === 'project') || !canEditElement(this.policy, el)) return;
    this.editingFresh = fresh;
    this.set({ editingId: id, selection: new Set([id]) });
  }

  /**
   * One text-editing session is one undo step, however long the typing pauses; for a note created to
   * be typed into, creation and text are one step, so Ctrl+Z removes the note as the person made it.
   */
  beginTextSession(): void {
    if (!this.editingFresh) this.undoManager.stopCapturing();
    this.undoManager.captureTimeout = Number.MAX_SAFE_INTEGER;
  }

  endTextSession(): void {
    this.undoManager.captureTimeout = UNDO_CAPTURE_MS;
    this.undoManager.stopCapturing();
    this.editingFresh = false;
  }

  setProjectFilter(projectFilter: ProjectFilter | null): void {
    this.set({ projectFilter });
  }

  stopEditing(): void {
    if (this.state.editingId) this.set({ editingId: null });
  }

  /** An element as currently drawn: the drag/resize preview if there is one, else the document's. */
  readonly lookup = (id: string): Element | undefined => this.state.preview?.get(id) ?? this.store.get(id);

  // Camera

  setViewport(viewport: Viewport): void {
    this.set({ viewport });
    this.presence?.setViewport(visibleWorldBox(viewport, this.size));
  }

  /** The part of the board this person sees, in board units (what "follow me" sends). */
  getViewportBox(): Box {
    return visibleWorldBox(this.state.viewport, this.size);
  }

  /**
   * Shows all of a board rectangle, centred and as large as fits (following someone's viewport), clear
   * of the panels over the canvas.
   */
  fitBoardRect(rect: Box, padding = 0): void {
    if (!(rect.width > 0 && rect.height > 0)) return;
    this.setViewport(this.fitClear(rect, uniformInsets(padding), (insets) => fitWithInsets(rect, this.size, insets, MAX_SCALE)));
    this.lastFit = { viewport: this.state.viewport, redo: () => this.fitBoardRect(rect, padding) };
  }

  /**
   * The last fit (of a rectangle, or of the whole board), while nobody has moved the camera since: it
   * is redone when a panel comes over the canvas or goes. A step's frame keeps itself fitted
   * (useStepFocus.fitWhenSized).
   */
  private lastFit: { viewport: Viewport; redo(): void } | null = null;

  /** `fitClearOf` with the panels over this canvas now. */
  fitClear(box: Box, margin: Insets, fit: (insets: Insets) => Viewport): Viewport {
    return fitClearOf(box, this.size, this.state.covered, margin, fit);
  }

  private readonly coveredBy = new Map<string, Box>();
  /**
   * A panel over the canvas (`key`) covers this screen box, or nothing any more (null). Fits made
   * afterwards keep clear of it, and a fit that the person has not moved away from is redone.
   */
  setCovered(key: string, box: Box | null): void {
    const was = this.coveredBy.get(key);
    if (box && was && box.x === was.x && box.y === was.y && box.width === was.width && box.height === was.height) return;
    if (box) this.coveredBy.set(key, box);
    else if (!this.coveredBy.delete(key)) return;
    const fit = this.lastFit;
    const unmoved = fit !== null && fit.viewport === this.state.viewport;
    this.set({ covered: [...this.coveredBy.values()] });
    // (A step's fit, told first, may have moved the camera already: then that one stands.)
    if (unmoved && this.state.viewport === fit.viewport) fit.redo();
  }

  private fitPending = false;
  /**
   * True while the board's own opening fit (the whole board, once it has arrived) moves the camera:
   * that is not a person's move, so a fit that keeps a step's frame in view may put it back.
   */
  openingFit = false;

  private fitOpening(): void {
    this.openingFit = true;
    try {
      this.zoomToFit();
      this.lastFit = { viewport: this.state.viewport, redo: () => this.fitOpening() };
    } finally {
      this.openingFit = false;
    }
  }

  setSize(size: Size): void {
    const first = this.size.width <= 1 && size.width > 1;
    const before = this.size;
    this.size = size;
    // When the canvas changes size (a banner above it, a rotated phone), what was in the middle
    // stays in the middle: someone following the facilitator keeps seeing the same place.
    if (!first && before.width > 1 && (before.width !== size.width || before.height !== size.height)) {
      const { x, y, scale } = this.state.viewport;
      const fit = this.lastFit?.viewport === this.state.viewport ? this.lastFit : null;
      this.setViewport({ scale, x: x + (size.width - before.width) / 2, y: y + (size.height - before.height) / 2 });
      // Kept in the middle, a fit is still the fit.
      if (fit) this.lastFit = { ...fit, viewport: this.state.viewport };
    }
    if (first && this.fitPending) {
      this.fitPending = false;
      this.fitOpening();
    }
  }

  /** Zooms to fit as soon as the canvas has a size (the board may arrive before the canvas is laid out). */
  zoomToFitWhenSized(): void {
    if (this.size.width > 1) this.fitOpening();
    else this.fitPending = true;
  }

  zoomBy(factor: number, at?: Point): void {
    const center = at ?? { x: this.size.width / 2, y: this.size.height / 2 };
    this.setViewport(zoomAt(this.state.viewport, center, factor));
  }

  zoomReset(): void {
    this.zoomBy(1 / this.state.viewport.scale);
  }

  /** Shows the whole board (or the selection, when there is one). */
  zoomToFit(): void {
    const ids = this.state.selection.size ? [...this.state.selection] : null;
    const elements = ids ? ids.map((id) => this.store.get(id)).filter((e) => !!e) : [...this.store.all()];
    const bounds = unionBoxes(elements.map((e) => elementBounds(e, this.store.lookup)).filter((b) => !!b));
    if (!bounds) {
      this.setViewport(centerOn({ x: 0, y: 0 }, this.size, 1));
      return;
    }
    this.fitBounds(bounds);
  }

  /** What zoomToFit shows: `bounds` with room around it, at most 2× (redone as it was fitted). */
  private fitBounds(bounds: Box): void {
    this.setViewport(this.fitClear(bounds, uniformInsets(64), (insets) => fitWithInsets(bounds, this.size, insets, 2)));
    this.lastFit = { viewport: this.state.viewport, redo: () => this.fitBounds(bounds) };
  }

  destroy(): void {
    this.unsubscribeStore();
    this.store.destroy();
    this.listeners.clear();
  }
}
