import { useEffect, useRef } from 'react';
import type { WorkshopView } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import type { Box } from '../../geometry/bounds.js';
import type { Size, Viewport } from '../../geometry/viewport.js';
import { phoneReadableScale } from './frameText.js';
import { STEP_INSETS, focusViewport, openingFrame } from './stepFocus.js';

/** The frame of the current step on the board, or null. */
export function stepFrameBox(view: WorkshopView | null, board: Editor | null): Box | null {
  const step = view?.agenda.steps[view.agenda.current];
  if (!step?.frameId || !board) return null;
  const frame = board.store.get(step.frameId);
  return frame && frame.type === 'frame' ? { x: frame.x, y: frame.y, width: frame.width, height: frame.height } : null;
}

/**
 * Fits `box` into the editor's canvas now, or as soon as the canvas has a size, and keeps it fitted
 * while the canvas changes size (bars above and below the board appear as the workshop's state
 * arrives) or a panel comes over part of it or goes (Editor.setCovered: it is fitted clear of them),
 * until the person moves the camera themselves. On a phone it never zooms out so far that the
 * frame's body text stops reading (`focusViewport`; the text is read from `textSource`, the board).
 * Returns the stop function.
 */
export function fitWhenSized(editor: Editor, box: Box, textSource: Editor | null = editor): () => void {
  // Judged once per step: the text's size does not change with the camera.
  const readable = phoneReadableScale(textSource?.store ?? null, box);
  let applied: { viewport: Viewport; size: Size; covered: readonly Box[] } | null = null;
  const apply = (): void => {
    // Beside a panel over the board (the vote results), not under it.
    const covered = editor.getState().covered;
    const viewport = editor.fitClear(box, STEP_INSETS, (insets) => focusViewport(box, editor.size, readable, insets));
    applied = { viewport, size: editor.size, covered };
    editor.setViewport(viewport);
  };
  const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.5;
  const off = editor.subscribe(() => {
    const { viewport } = editor.getState();
    if (!applied) {
      // The board may arrive before the canvas is laid out; the editor zooms to fit the whole board
      // when it is. Fit the step right after that, instead.
      if (editor.size.width > 1) apply();
      return;
    }
    const { viewport: was, size, covered } = applied;
    if (viewport === was) {
      // A panel came over the board or went: the frame moves beside it (the person had not moved).
      if (editor.getState().covered !== covered) apply();
      return;
    }
    // The board arrived after the step did and showed itself whole: the step's frame comes back.
    if (editor.openingFit) {
      apply();
      return;
    }
    const resized = editor.size.width !== size.width || editor.size.height !== size.height;
    // A resize keeps the middle where it was (Editor.setSize); anything else is the person's own move.
    const recentred = resized && viewport.scale === was.scale && near(viewport.x, was.x + (editor.size.width - size.width) / 2) && near(viewport.y, was.y + (editor.size.height - size.height) / 2);
    if (recentred) apply();
    else if (viewport.scale !== was.scale || !near(viewport.x, was.x) || !near(viewport.y, was.y)) off();
  });
  if (editor.size.width > 1) apply();
  return off;
}

const editorIds = new WeakMap<Editor, number>();
let nextEditorId = 1;
const editorId = (editor: Editor): number => {
  let id = editorIds.get(editor);
  if (id === undefined) editorIds.set(editor, (id = nextEditorId++));
  return id;
};

/**
 * Participants (not facilitators) look at the current step: its frame (or, for a step without one, the
 * board's first frame) is fitted to the screen when the board has opened, and again whenever the facilitator moves to another step with a frame, unless
 * the facilitator is leading (follow me decides then). A private round starts with the step, and its
 * notes editor copies the camera the moment it opens (before this fit), so a new editor for the same
 * step is fitted too.
 */
export function useStepFocus(view: WorkshopView | null, board: Editor | null, active: Editor | null, synced: boolean, enabled: boolean, leading: boolean): void {
  const stepKey = view && active ? `${view.agenda.current}:${view.agenda.steps[view.agenda.current]?.frameId ?? ''}:${editorId(active)}` : null;
  const framed = useRef<string | null>(null);
  const frameReady = !!stepFrameBox(view, board);
  const frameless = !!view && !view.agenda.steps[view.agenda.current]?.frameId;
  useEffect(() => {
    if (!enabled || !synced || !active || !stepKey || framed.current === stepKey) return;
    // The first fit happens even when someone leads: follow me fits its own rectangle after it.
    if (leading && framed.current !== null) return;
    // A step without a frame: on opening, the board's first frame; later such steps leave the camera be.
    const fallback = frameless && framed.current === null && board ? openingFrame(board.frames()) : null;
    const box = stepFrameBox(view, board) ?? fallback;
    if (!box) {
      // A frameless step is done with; a step whose frame has not arrived yet is fitted when it does.
      if (frameless) framed.current = stepKey;
      return;
    }
    framed.current = stepKey;
    return fitWhenSized(active, box, board);
    // `stepKey` stands for the step (and its frame); `view` itself changes with every timer tick.
  }, [enabled, synced, active, stepKey, frameReady, frameless, leading, board]);
}
