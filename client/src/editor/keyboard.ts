import type { Editor } from './Editor.js';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  nudgeSelection,
  pasteText,
  redo,
  reorderSelection,
  selectAll,
  undo,
} from './commands.js';
import { resolveShortcut, type ShortcutAction } from './shortcuts.js';
import { resizeSelectionBy } from '../a11y/commands.js';

const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** Keys typed into a field, a dialog or a button belong there, not to the board. */
function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('[role="dialog"]')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function runShortcut(editor: Editor, action: ShortcutAction): void {
  switch (action.type) {
    case 'tool':
      editor.setTool(action.tool);
      return;
    case 'undo':
      return undo(editor);
    case 'redo':
      return redo(editor);
    case 'duplicate':
      return duplicateSelection(editor);
    case 'delete':
      return deleteSelection(editor);
    case 'selectAll':
      return selectAll(editor);
    case 'escape':
      editor.setTool('select');
      editor.select([]);
      return;
    case 'edit': {
      const [only, ...rest] = editor.getState().selection;
      if (only && !rest.length) editor.startEditing(only);
      return;
    }
    case 'bringToFront':
      return reorderSelection(editor, 'front');
    case 'sendToBack':
      return reorderSelection(editor, 'back');
    case 'nudge':
      return nudgeSelection(editor, action.dx, action.dy);
    case 'resize':
      return resizeSelectionBy(editor, action.dw, action.dh);
    case 'zoomIn':
      return editor.zoomBy(1.25);
    case 'zoomOut':
      return editor.zoomBy(0.8);
    case 'zoomToFit':
      return editor.zoomToFit();
    case 'zoomReset':
      return editor.zoomReset();
  }
}

/**
 * Board shortcuts on the window, plus the clipboard: copy, cut and paste go through the DOM clipboard
 * events (no permission prompt; JSON in text/plain), with an in-memory fallback for browsers that
 * give the page no clipboard access. `onSpace` reports Space held for panning.
 */
export function attachKeyboard(editor: Editor, onSpace: (held: boolean) => void): () => void {
  let pasteHandled = true;

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || isEditableTarget(e.target)) return;
    // Space and Enter on a focused button press the button.
    if ((e.code === 'Space' || e.key === 'Enter') && e.target instanceof HTMLElement && e.target.closest('button, a')) return;
    if (e.code === 'Space') {
      e.preventDefault();
      if (!e.repeat) onSpace(true);
      return;
    }
    const mod = isMac() ? e.metaKey : e.ctrlKey;
    if (mod && !e.shiftKey && !e.altKey && e.code === 'KeyC') {
      copySelection(editor); // also fills the in-memory fallback; the copy event writes the clipboard
      return;
    }
    if (mod && !e.shiftKey && !e.altKey && e.code === 'KeyV') {
      pasteHandled = false;
      // If the browser fires no paste event (no clipboard access), paste from memory instead.
      setTimeout(() => {
        if (!pasteHandled && editor.clipboardMemory) pasteText(editor, editor.clipboardMemory);
        pasteHandled = true;
      }, 0);
      return;
    }
    const action = resolveShortcut(e, isMac());
    if (!action) return;
    e.preventDefault();
    runShortcut(editor, action);
  };

  const onKeyUp = (e: KeyboardEvent): void => {
    if (e.code === 'Space') onSpace(false);
  };
  const onBlur = (): void => onSpace(false);

  const onCopy = (e: ClipboardEvent): void => {
    if (isEditableTarget(e.target)) return;
    const text = copySelection(editor);
    if (!text || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  };
  const onCut = (e: ClipboardEvent): void => {
    onCopy(e);
    if (e.defaultPrevented) deleteSelection(editor);
  };
  const onPaste = (e: ClipboardEvent): void => {
    if (isEditableTarget(e.target)) return;
    pasteHandled = true;
    const text = e.clipboardData?.getData('text/plain') || editor.clipboardMemory || '';
    if (!text) return;
    e.preventDefault();
    pasteText(editor, text);
  };

  window.addEventListener('keydown', onKeyDown);
  window.addEventListener('keyup', onKeyUp);
  window.addEventListener('blur', onBlur);
  document.addEventListener('copy', onCopy);
  document.addEventListener('cut', onCut);
  document.addEventListener('paste', onPaste);
  return () => {
    window.removeEventListener('keydown', onKeyDown);
    window.removeEventListener('keyup', onKeyUp);
    window.removeEventListener('blur', onBlur);
    document.removeEventListener('copy', onCopy);
    document.removeEventListener('cut', onCut);
    document.removeEventListener('paste', onPaste);
  };
}
