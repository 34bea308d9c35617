import type { Point } from '../geometry/bounds.js';
import { boxFromPoints, distance } from '../geometry/bounds.js';
import { marqueeSelects } from '../geometry/elements.js';
import { commitGeometry, movedSelection } from '../editor/commands.js';
import type { Editor } from '../editor/Editor.js';
import { elementAt } from './hit.js';
import { DRAG_THRESHOLD_PX, type Tool, type ToolPointerEvent } from './types.js';

type State =
  | { kind: 'idle' }
  /** Pressed on an element; becomes a move once the pointer travels. */
  | { kind: 'pressing'; start: Point; startScreen: Point; hitId: string; ids: ReadonlySet<string>; toggled: boolean }
  | { kind: 'moving'; start: Point; ids: ReadonlySet<string> }
  | { kind: 'marquee'; start: Point; base: ReadonlySet<string> };

/**
 * Select and move: click selects, Shift+click toggles, dragging an element moves the selection (with
 * frame contents), dragging on empty board draws a marquee. Double-click edits text or a frame title.
 */
export function createSelectTool(): Tool {
  let state: State = { kind: 'idle' };

  return {
    id: 'select',
    cursor: 'default',

    pointerDown(e: ToolPointerEvent, editor: Editor) {
      if (e.button !== 0) return;
      // Locked things cannot be picked up: a press on them acts as a press on the empty board.
      const hit = elementAt(editor, e.world, (el) => editor.canEdit(el.id));
      const selection = editor.getState().selection;
      if (hit) {
        if (e.detail >= 2 && (hit.type === 'frame' || hit.type === 'action' || hit.type === 'project' || 'text' in hit)) {
          editor.startEditing(hit.id);
          state = { kind: 'idle' };
          return;
        }
        let ids = selection;
        let toggled = false;
        if (e.shiftKey) {
          const next = new Set(selection);
          if (next.has(hit.id)) next.delete(hit.id);
          else next.add(hit.id);
          editor.select(next);
          ids = next;
          toggled = true;
          if (!next.has(hit.id)) {
            state = { kind: 'idle' };
            return;
          }
        } else if (!selection.has(hit.id)) {
          ids = new Set([hit.id]);
          editor.select(ids);
        }
        state = { kind: 'pressing', start: e.world, startScreen: e.screen, hitId: hit.id, ids, toggled };
        return;
      }
      const base = e.shiftKey ? selection : new Set<string>();
      if (!e.shiftKey && selection.size) editor.select([]);
      state = { kind: 'marquee', start: e.world, base };
    },

    pointerMove(e: ToolPointerEvent, editor: Editor) {
      switch (state.kind) {
        case 'pressing':
          if (distance(state.startScreen, e.screen) < DRAG_THRESHOLD_PX) return;
          editor.stopEditing();
          state = { kind: 'moving', start: state.start, ids: state.ids };
        // falls through: the first move already moves
        case 'moving': {
          const { start, ids } = state as Extract<State, { kind: 'moving' }>;
          editor.setPreview(movedSelection(editor, ids, e.world.x - start.x, e.world.y - start.y));
          return;
        }
        case 'marquee': {
          const box = boxFromPoints(state.start, e.world);
          editor.setOverlay({ kind: 'marquee', box });
          const next = new Set(state.base);
          for (const el of editor.store.query(box)) if (marqueeSelects(el, box, editor.store.lookup)) next.add(el.id);
          editor.select(next);
          return;
        }
        case 'idle':
          return;
      }
    },

    pointerUp(_e: ToolPointerEvent, editor: Editor) {
      switch (state.kind) {
        case 'moving': {
          const preview = editor.getState().preview;
          if (preview) commitGeometry(editor, preview);
          editor.setPreview(null);
          break;
        }
        case 'pressing':
          // A plain click on one element of a multi-selection narrows the selection to it.
          if (!state.toggled && state.ids.size > 1) editor.select([state.hitId]);
          break;
        case 'marquee':
          editor.setOverlay(null);
          break;
        case 'idle':
          break;
      }
      state = { kind: 'idle' };
    },

    cancel(editor: Editor) {
      if (state.kind === 'moving') editor.setPreview(null);
      if (state.kind === 'marquee') editor.setOverlay(null);
      state = { kind: 'idle' };
    },
  };
}
