import { useMemo, useSyncExternalStore } from 'react';
import type { Frame } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';

/** Re-renders when any element changes; returns the store version (for memo dependencies). */
export function useStoreVersion(editor: Editor): number {
  return useSyncExternalStore(
    (cb) => editor.store.subscribe(cb),
    () => editor.store.version,
  );
}

/** The board's frames, re-read only when the board changes. */
export function useBoardFrames(editor: Editor): Frame[] {
  const version = useStoreVersion(editor);
  return useMemo(() => (version >= 0 ? editor.store.frames() : []), [editor, version]);
}

/** This person's current selection (stable until it changes). */
export function useSelection(editor: Editor): ReadonlySet<string> {
  return useSyncExternalStore(editor.subscribe, () => editor.getState().selection);
}
