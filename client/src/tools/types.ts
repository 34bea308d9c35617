import type { Point } from '../geometry/bounds.js';
import type { Editor } from '../editor/Editor.js';

/** The tools of the toolbar; each has a module in this folder. */
export const TOOL_IDS = ['select', 'hand', 'note', 'text', 'rect', 'ellipse', 'arrow', 'frame'] as const;
export type ToolId = (typeof TOOL_IDS)[number];

/** A pointer event as tools see it: already in board coordinates. */
export interface ToolPointerEvent {
  /** Board coordinates. */
  readonly world: Point;
  /** Coordinates relative to the canvas, in CSS pixels. */
  readonly screen: Point;
  readonly button: number;
  readonly shiftKey: boolean;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  readonly modKey: boolean;
  readonly altKey: boolean;
  /** Count of the click (2 for a double click). */
  readonly detail: number;
}

/**
 * A tool: a small state machine fed pointer events by the canvas. It changes the document only
 * through the editor's commands, and previews what it is doing through the editor's session state.
 */
export interface Tool {
  readonly id: ToolId;
  /** CSS cursor over the canvas while this tool is active. */
  readonly cursor: string;
  pointerDown(e: ToolPointerEvent, editor: Editor): void;
  pointerMove(e: ToolPointerEvent, editor: Editor): void;
  pointerUp(e: ToolPointerEvent, editor: Editor): void;
  /** Abandons whatever is in progress (Escape, lost pointer capture, tool switch). */
  cancel(editor: Editor): void;
}

/** Pointer travel (screen px) below which a press counts as a click rather than a drag. */
export const DRAG_THRESHOLD_PX = 4;
