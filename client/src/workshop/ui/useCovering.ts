import { type RefObject, useLayoutEffect } from 'react';
import type { Editor } from '../../editor/Editor.js';

/** Space kept between a panel and what is fitted beside it. */
const GAP_PX = 8;

/**
 * While `active`, the panel `ref` floats over the board's canvas: the step's frame, follow me and "show
 * on board" fit clear of it (Editor.setCovered, geometry `fitClearOf`), beside it on a computer and
 * below it on a phone, or a person would read a result or a list over the very notes it is about. The
 * panel is positioned in the board's body or in the canvas's own box, both at the canvas's corner (its
 * offsets are canvas pixels).
 */
export function useCovering(ref: RefObject<HTMLElement | null>, editor: Editor | null, active: boolean, key: string): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !editor || !active) return;
    const update = (): void =>
      editor.setCovered(key, { x: el.offsetLeft - GAP_PX, y: el.offsetTop - GAP_PX, width: el.offsetWidth + 2 * GAP_PX, height: el.offsetHeight + 2 * GAP_PX });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    update();
    return () => {
      observer.disconnect();
      editor.setCovered(key, null);
    };
  }, [ref, editor, active, key]);
}
