import { createNote } from '../editor/commands.js';
import { noteSizeForZoom } from '../geometry/lod.js';
import type { Tool } from './types.js';

/**
 * Click to place a sticky note in the current colour and start typing in it; back to select after.
 * The note is as big as reads at the current zoom (a note made zoomed out is not a speck).
 */
export function createNoteTool(): Tool {
  return {
    id: 'note',
    cursor: 'crosshair',
    pointerDown(e, editor) {
      if (e.button !== 0) return;
      editor.setTool('select');
      const { noteColor, viewport } = editor.getState();
      createNote(editor, e.world, noteColor, noteSizeForZoom(viewport.scale));
    },
    pointerMove() {},
    pointerUp() {},
    cancel() {},
  };
}
