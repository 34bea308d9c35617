import { useCallback, useEffect, useState } from 'react';

const STORAGE_KEY = 'sammen.listView';

/** Whether the key press is the list view's shortcut: Alt+Shift+A (by key position, any layout). */
export const isListViewShortcut = (e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): boolean =>
  e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyA';

function load(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * The board shown as a list instead of the canvas. Remembered on this device (someone who needs it
 * needs it on every board) and toggled by Alt+Shift+A from anywhere on the page. After a toggle the
 * keyboard lands on what was opened: the list's heading, or the canvas.
 */
export function useListView(headingId: string, canvasSelector: string) {
  const [on, setOn] = useState(load);
  const set = useCallback(
    (next: boolean) => {
      setOn(next);
      try {
        localStorage.setItem(STORAGE_KEY, next ? '1' : '0');
      } catch {
        // Private browsing: the choice lasts for this page only.
      }
      requestAnimationFrame(() => {
        const target = next ? document.getElementById(headingId) : document.querySelector<HTMLElement>(canvasSelector);
        target?.focus();
      });
    },
    [headingId, canvasSelector],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!isListViewShortcut(e)) return;
      e.preventDefault();
      set(!on);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [on, set]);
  return { on, set };
}
