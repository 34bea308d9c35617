import type { Editor } from '../../editor/Editor.js';
import { zoomToElement } from '../../editor/clusterCommands.js';

/**
 * Fits a frame into the facilitator's canvas once the page has laid itself out again. Changing the
 * step changes what sits above the board (the step's text, the vote bar), so the canvas's size is
 * known only after the next layout: two animation frames later its ResizeObserver has reported it.
 */
export function showFrameAfterLayout(editor: Editor, frameId: string): void {
  requestAnimationFrame(() => requestAnimationFrame(() => zoomToElement(editor, frameId)));
}
