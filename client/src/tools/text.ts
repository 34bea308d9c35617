import { createText } from '../editor/commands.js';
import type { Tool } from './types.js';

/** Click to place a text and start typing; an empty text is removed when editing ends. */
export function createTextTool(): Tool {
  return {
    id: 'text',
    cursor: 'text',
    pointerDown(e, editor) {
      if (e.button !== 0) return;
      editor.setTool('select');
      createText(editor, e.world);
    },
    pointerMove() {},
    pointerUp() {},
    cancel() {},
  };
}
