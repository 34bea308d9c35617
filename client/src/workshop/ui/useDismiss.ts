import { useEffect, type RefObject } from 'react';

/**
 * Closes an open popover or sheet on Escape and on a tap or click outside `root` (every overlay on a
 * phone must be dismissible without hunting for its button). `returnFocus` gets the focus back after
 * Escape, so a keyboard user lands where they were.
 */
export function useDismiss(open: boolean, close: () => void, root: RefObject<HTMLElement | null>, returnFocus?: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      close();
      returnFocus?.current?.focus();
    };
    const onDown = (e: PointerEvent): void => {
      if (root.current && !root.current.contains(e.target as Node)) close();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open, close, root, returnFocus]);
}
