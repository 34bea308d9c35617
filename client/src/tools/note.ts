import { createNote } from '../editor/commands.js';
import type { Tool } from './types.js';

/** Click to place a sticky note in the current colour and start typing in it; back to select after. */
export function createNoteTool(): Tool {
  return {
    id: 'note',
    cursor: 'crosshair',
    pointerDown(e, editor) {
      if (e.button !== 0) return;
      editor.setTool('select');
      createNote(editor, e.world, editor.getState().noteColor);
    },
    pointerMove() {},
    pointerUp() {},
    cancel() {},
  };
}
