import type { ToolId } from '../tools/types.js';

/** Everything a key can do on the board. Copy, cut and paste come from the clipboard events instead. */
export type ShortcutAction =
  | { type: 'tool'; tool: ToolId }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'duplicate' }
  | { type: 'delete' }
  | { type: 'selectAll' }
  | { type: 'escape' }
  | { type: 'edit' }
  | { type: 'bringToFront' }
  | { type: 'sendToBack' }
  | { type: 'nudge'; dx: number; dy: number }
  | { type: 'resize'; dw: number; dh: number }
  | { type: 'zoomIn' }
  | { type: 'zoomOut' }
  | { type: 'zoomToFit' }
  | { type: 'zoomReset' };

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Single-letter tools, as in Miro. Matched on `code` so that they work on any keyboard layout. */
const TOOL_KEYS: Record<string, ToolId> = {
  KeyV: 'select',
  KeyN: 'note',
  KeyT: 'text',
  KeyR: 'rect',
  KeyO: 'ellipse',
  KeyA: 'arrow',
  KeyL: 'arrow',
  KeyF: 'frame',
  KeyH: 'hand',
};

const NUDGE: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** The board action for a key press, or null when the key is not a board shortcut. */
export function resolveShortcut(e: KeyLike, isMac: boolean): ShortcutAction | null {
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;

  if (mod && !e.altKey) {
    if (e.code === 'KeyZ' || key === 'z') return e.shiftKey ? { type: 'redo' } : { type: 'undo' };
    if ((e.code === 'KeyY' || key === 'y') && !e.shiftKey) return { type: 'redo' };
    if (e.code === 'KeyD' || key === 'd') return { type: 'duplicate' };
    if (e.code === 'KeyA' || key === 'a') return { type: 'selectAll' };
    if (e.shiftKey && e.code === 'BracketRight') return { type: 'bringToFront' };
    if (e.shiftKey && e.code === 'BracketLeft') return { type: 'sendToBack' };
    if (key === '+' || key === '=' || e.code === 'Equal' || e.code === 'NumpadAdd') return { type: 'zoomIn' };
    if (key === '-' || e.code === 'Minus' || e.code === 'NumpadSubtract') return { type: 'zoomOut' };
    if (e.code === 'Digit0' || e.code === 'Numpad0') return { type: 'zoomReset' };
    return null;
  }
  if (e.ctrlKey || e.metaKey) return null;

  if (e.shiftKey && e.code === 'Digit1') return { type: 'zoomToFit' };
  const nudge = NUDGE[e.key];
  // Alt+Shift+arrows resize (the keyboard's alternative to dragging a handle, WCAG 2.5.7).
  if (nudge && e.altKey && e.shiftKey) return { type: 'resize', dw: nudge[0] * 10, dh: nudge[1] * 10 };
  if (nudge) {
    const step = e.shiftKey ? 10 : 1;
    return { type: 'nudge', dx: nudge[0] * step, dy: nudge[1] * step };
  }
  switch (e.key) {
    case 'Delete':
    case 'Backspace':
      return { type: 'delete' };
    case 'Escape':
      return { type: 'escape' };
    case 'Enter':
      return { type: 'edit' };
    // `]` and `[` by the character typed: on Nordic layouts they need AltGr, which sets altKey.
    case ']':
      return { type: 'bringToFront' };
    case '[':
      return { type: 'sendToBack' };
  }
  if (e.altKey || e.shiftKey) return null;
  const tool = TOOL_KEYS[e.code];
  return tool ? { type: 'tool', tool } : null;
}
