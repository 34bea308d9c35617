import type * as Y from 'yjs';
import type { ColorName, Element } from '@sammen/shared';
import type { Box, Point } from '../geometry/bounds.js';
import { unionBoxes } from '../geometry/bounds.js';
import { elementBounds } from '../geometry/elements.js';
import {
  centerOn,
  fitBox,
  visibleWorldBox,
  zoomAt,
  type Size,
  type Viewport,
} from '../geometry/viewport.js';
import { LOCAL_ORIGIN } from '../sync/origin.js';
import { UNDO_CAPTURE_MS } from '../sync/undo.js';
import type { LocalPresence } from '../sync/presence.js';
import type { ToolId } from '../tools/types.js';
import { ElementStore } from './elementStore.js';

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

  /** Runs `fn` as one local, undoable transaction. */
  transact(fn: () => void): void {
    this.doc.transact(fn, LOCAL_ORIGIN);
  }

  setTool(tool: ToolId): void {
    if (tool === this.state.tool) return;
    this.set({ tool, overlay: null, preview: null, editingId: null });
  }

  select(ids: Iterable<string>): void {
    const selection = new Set(ids);
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
  }

  /** Whether the element being edited was created by this same gesture (see beginTextSession). */
  private editingFresh = false;

  /** Opens the in-place editor; `fresh` when the element was just created to be typed into. */
  startEditing(id: string, fresh = false): void {
    const el = this.store.get(id);
    if (!el || !('text' in el || el.type === 'frame')) return;
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

  private fitPending = false;

  setSize(size: Size): void {
    const first = this.size.width <= 1 && size.width > 1;
    this.size = size;
    if (first && this.fitPending) {
      this.fitPending = false;
      this.zoomToFit();
    }
  }

  /** Zooms to fit as soon as the canvas has a size (the board may arrive before the canvas is laid out). */
  zoomToFitWhenSized(): void {
    if (this.size.width > 1) this.zoomToFit();
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
    this.setViewport(fitBox(bounds, this.size, 64, 2));
  }

  destroy(): void {
    this.unsubscribeStore();
    this.store.destroy();
    this.listeners.clear();
  }
}
