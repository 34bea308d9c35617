import type { Point } from '../geometry/bounds.js';
import { distance } from '../geometry/bounds.js';
import { panBy, screenToWorld, wheelZoomFactor } from '../geometry/viewport.js';
import type { Editor } from '../editor/Editor.js';
import { GestureMachine, LONG_PRESS_MS, type GestureInput, type GestureOutput } from './gestures.js';
import { elementAt } from './hit.js';
import type { Tool, ToolId, ToolPointerEvent } from './types.js';

export interface CanvasInputOptions {
  /** True when the point (canvas px) is over a resize handle, which Konva handles itself. */
  isOverHandle(p: Point): boolean;
  /** True while Space is held: every drag pans. */
  isSpaceHeld(): boolean;
  /** A long press on an element (touch): open its menu at `screen` (canvas px). */
  onMenu?(screen: Point, elementId: string): void;
}

const DOUBLE_CLICK_MS = 400;
const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * Feeds DOM pointer and wheel events on the canvas to the active tool, in board coordinates. The
 * middle button and Space+drag pan with the hand tool whatever tool is active. Wheel pans; Ctrl/Cmd+
 * wheel and trackpad pinch (which browsers report as ctrl+wheel) zoom at the pointer. Touch goes
 * through the pure `GestureMachine` (pinch, pan, tap, double tap, long press) instead.
 */
export function attachCanvasInput(
  el: HTMLElement,
  editor: Editor,
  tools: Record<ToolId, Tool>,
  options: CanvasInputOptions,
): () => void {
  let active: { tool: Tool; pointerId: number } | null = null;
  let lastDown: { time: number; at: Point; count: number; tool: string } | null = null;

  const toEvent = (e: PointerEvent, detail = 0): ToolPointerEvent => {
    const rect = el.getBoundingClientRect();
    const screen = { x: e.clientX - rect.left, y: e.clientY - rect.top };
    return {
      screen,
      world: screenToWorld(editor.getState().viewport, screen),
      button: e.button,
      shiftKey: e.shiftKey,
      altKey: e.altKey,
      modKey: isMac() ? e.metaKey : e.ctrlKey,
      detail,
    };
  };

  // Touch: the gesture machine decides; this only translates its outputs into editor calls.
  const gestures = new GestureMachine();
  let touchTool: Tool | null = null;
  let longPressTimer: ReturnType<typeof setTimeout> | null = null;
  const touches = new Set<number>();
  const screenOf = (e: PointerEvent): Point => {
    const rect = el.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const toolEvent = (screen: Point, detail: number): ToolPointerEvent => ({
    screen,
    world: screenToWorld(editor.getState().viewport, screen),
    button: 0,
    shiftKey: false,
    altKey: false,
    modKey: false,
    detail,
  });
  const perform = (outs: GestureOutput[]): void => {
    for (const o of outs) {
      switch (o.kind) {
        case 'toolDown':
          touchTool = tools[editor.getState().tool];
          touchTool.pointerDown(toolEvent(o.at, o.count), editor);
          break;
        case 'toolMove':
          touchTool?.pointerMove(toolEvent(o.at, 0), editor);
          break;
        case 'toolUp':
          touchTool?.pointerUp(toolEvent(o.at, 0), editor);
          touchTool = null;
          break;
        case 'toolCancel':
          touchTool?.cancel(editor);
          touchTool = null;
          break;
        case 'pan':
          editor.setViewport(panBy(editor.getState().viewport, o.dx, o.dy));
          break;
        case 'zoom':
          editor.zoomBy(o.factor, o.at);
          break;
        case 'menu': {
          const hit = elementAt(editor, screenToWorld(editor.getState().viewport, o.at), (x) => editor.canEdit(x.id));
          if (hit && options.onMenu) {
            editor.select([hit.id]);
            options.onMenu(o.at, hit.id);
          }
          break;
        }
      }
    }
  };
  const feed = (input: GestureInput): void => {
    perform(gestures.feed(input));
    if (longPressTimer && !gestures.awaitingLongPress) {
      clearTimeout(longPressTimer);
      longPressTimer = null;
    } else if (!longPressTimer && gestures.awaitingLongPress) {
      longPressTimer = setTimeout(() => {
        longPressTimer = null;
        feed({ type: 'tick', t: performance.now() });
      }, LONG_PRESS_MS + 5);
    }
  };
  const touchDown = (e: PointerEvent): void => {
    const at = screenOf(e);
    if (touches.size === 0 && options.isOverHandle(at)) return; // a resize handle: Konva's own
    touches.add(e.pointerId);
    // No focus ring for a finger: the ring is for keyboard users (FocusOptions.focusVisible, Chromium 125+).
    el.focus({ preventScroll: true, focusVisible: false } as FocusOptions);
    el.setPointerCapture(e.pointerId);
    const { tool } = editor.getState();
    const world = screenToWorld(editor.getState().viewport, at);
    const pans = tool === 'hand' || (tool === 'select' && !elementAt(editor, world, (x) => editor.canEdit(x.id)));
    feed({ type: 'down', id: e.pointerId, at, t: e.timeStamp || performance.now(), pans });
  };

  const onPointerDown = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') {
      touchDown(e);
      return;
    }
    if (active || (e.button !== 0 && e.button !== 1)) return;
    const first = toEvent(e);
    if (e.button === 0 && options.isOverHandle(first.screen)) return;
    // Our own click counting: pointerdown's `detail` is not reliable across browsers. A double click is
    // two presses with the same tool: the click that placed a note is not half of one with Select.
    const now = performance.now();
    const toolName = editor.getState().tool;
    const count =
      lastDown && lastDown.tool === toolName && now - lastDown.time < DOUBLE_CLICK_MS && distance(lastDown.at, first.screen) < 6
        ? lastDown.count + 1
        : 1;
    lastDown = { time: now, at: first.screen, count, tool: toolName };
    const ev = { ...first, detail: count };
    const panning = e.button === 1 || options.isSpaceHeld();
    const tool = panning ? tools.hand : tools[editor.getState().tool];
    if (e.button === 1) e.preventDefault(); // no autoscroll
    el.focus({ preventScroll: true });
    el.setPointerCapture(e.pointerId);
    active = { tool, pointerId: e.pointerId };
    tool.pointerDown(panning ? { ...ev, button: 0 } : ev, editor);
  };

  const onPointerMove = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') {
      if (touches.has(e.pointerId)) feed({ type: 'move', id: e.pointerId, at: screenOf(e), t: e.timeStamp || performance.now() });
      return;
    }
    const ev = toEvent(e);
    editor.lastPointer = ev.world;
    editor.presence?.setCursor(ev.world);
    if (active && e.pointerId === active.pointerId) active.tool.pointerMove(ev, editor);
  };

  const finish = (e: PointerEvent, cancelled: boolean): void => {
    if (!active || e.pointerId !== active.pointerId) return;
    const { tool } = active;
    active = null;
    if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
    if (cancelled) tool.cancel(editor);
    else tool.pointerUp(toEvent(e), editor);
  };
  const touchEnd = (e: PointerEvent, cancelled: boolean): boolean => {
    if (e.pointerType !== 'touch') return false;
    if (!touches.delete(e.pointerId)) return true;
    if (el.hasPointerCapture(e.pointerId)) el.releasePointerCapture(e.pointerId);
    feed(cancelled ? { type: 'cancel', id: e.pointerId } : { type: 'up', id: e.pointerId, at: screenOf(e), t: e.timeStamp || performance.now() });
    return true;
  };
  const onPointerUp = (e: PointerEvent): void => {
    if (!touchEnd(e, false)) finish(e, false);
  };
  const onPointerCancel = (e: PointerEvent): void => {
    if (!touchEnd(e, true)) finish(e, true);
  };
  const onPointerLeave = (): void => {
    if (!active) editor.presence?.setCursor(null);
  };

  const onWheel = (e: WheelEvent): void => {
    e.preventDefault();
    const rect = el.getBoundingClientRect();
    const at = { x: e.clientX - rect.left, y: e.clientY - rect.top };
    if (e.ctrlKey || e.metaKey) {
      editor.zoomBy(wheelZoomFactor(e.deltaY, e.deltaMode), at);
      return;
    }
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? el.clientHeight : 1;
    let dx = e.deltaX * unit;
    let dy = e.deltaY * unit;
    // Shift+wheel on a mouse scrolls sideways, as in every other canvas app.
    if (e.shiftKey && dx === 0) [dx, dy] = [dy, 0];
    editor.setViewport(panBy(editor.getState().viewport, -dx, -dy));
  };

  const onAuxClick = (e: MouseEvent): void => {
    if (e.button === 1) e.preventDefault();
  };
  const onContextMenu = (e: MouseEvent): void => e.preventDefault();
  // The gesture machine has handled the touch: no emulated mouse events, clicks and double clicks
  // after it (a double tap would otherwise select a word in the text editor it just opened).
  const onTouchEnd = (e: TouchEvent): void => {
    if (e.cancelable) e.preventDefault();
  };
  // Focus is managed in pointerdown; the browser's own focus change on mousedown would otherwise take
  // focus from a text editor that the same press just opened.
  const onMouseDown = (e: MouseEvent): void => e.preventDefault();

  el.addEventListener('pointerdown', onPointerDown);
  el.addEventListener('pointermove', onPointerMove);
  el.addEventListener('pointerup', onPointerUp);
  el.addEventListener('pointercancel', onPointerCancel);
  el.addEventListener('pointerleave', onPointerLeave);
  el.addEventListener('wheel', onWheel, { passive: false });
  el.addEventListener('auxclick', onAuxClick);
  el.addEventListener('contextmenu', onContextMenu);
  el.addEventListener('touchend', onTouchEnd, { passive: false });
  el.addEventListener('mousedown', onMouseDown);
  return () => {
    el.removeEventListener('mousedown', onMouseDown);
    el.removeEventListener('pointerdown', onPointerDown);
    el.removeEventListener('pointermove', onPointerMove);
    el.removeEventListener('pointerup', onPointerUp);
    el.removeEventListener('pointercancel', onPointerCancel);
    el.removeEventListener('pointerleave', onPointerLeave);
    el.removeEventListener('wheel', onWheel);
    el.removeEventListener('auxclick', onAuxClick);
    el.removeEventListener('contextmenu', onContextMenu);
    el.removeEventListener('touchend', onTouchEnd);
    if (active) active.tool.cancel(editor);
    if (longPressTimer) clearTimeout(longPressTimer);
    perform(gestures.reset());
  };
}
