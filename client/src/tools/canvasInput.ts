import type { Point } from '../geometry/bounds.js';
import { distance } from '../geometry/bounds.js';
import { panBy, screenToWorld, wheelZoomFactor } from '../geometry/viewport.js';
import type { Editor } from '../editor/Editor.js';
import type { Tool, ToolId, ToolPointerEvent } from './types.js';

export interface CanvasInputOptions {
  /** True when the point (canvas px) is over a resize handle, which Konva handles itself. */
  isOverHandle(p: Point): boolean;
  /** True while Space is held: every drag pans. */
  isSpaceHeld(): boolean;
}

const DOUBLE_CLICK_MS = 400;
const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * Feeds DOM pointer and wheel events on the canvas to the active tool, in board coordinates. The
 * middle button and Space+drag pan with the hand tool whatever tool is active. Wheel pans; Ctrl/Cmd+
 * wheel and trackpad pinch (which browsers report as ctrl+wheel) zoom at the pointer.
 */
export function attachCanvasInput(
  el: HTMLElement,
  editor: Editor,
  tools: Record<ToolId, Tool>,
  options: CanvasInputOptions,
): () => void {
  let active: { tool: Tool; pointerId: number } | null = null;
  let lastDown: { time: number; at: Point; count: number } | null = null;

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

  const onPointerDown = (e: PointerEvent): void => {
    if (active || (e.button !== 0 && e.button !== 1)) return;
    const first = toEvent(e);
    if (e.button === 0 && options.isOverHandle(first.screen)) return;
    // Our own click counting: pointerdown's `detail` is not reliable across browsers.
    const now = performance.now();
    const count =
      lastDown && now - lastDown.time < DOUBLE_CLICK_MS && distance(lastDown.at, first.screen) < 6 ? lastDown.count + 1 : 1;
    lastDown = { time: now, at: first.screen, count };
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
  const onPointerUp = (e: PointerEvent): void => finish(e, false);
  const onPointerCancel = (e: PointerEvent): void => finish(e, true);
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
    if (active) active.tool.cancel(editor);
  };
}
