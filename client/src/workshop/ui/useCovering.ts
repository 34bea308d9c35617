import { type RefObject, useLayoutEffect } from 'react';
import type { Editor } from '../../editor/Editor.js';

/** Space kept between a panel and what is fitted beside it. */
const GAP_PX = 8;

/**
 * While `active`, the panel `ref` floats over the board's canvas: the step's frame, follow me and "show
 * on board" fit clear of it (Editor.setCovered, geometry `fitClearOf`), beside it on a computer and
 * below it on a phone, or a person would read a result or a list over the very notes it is about. The
 * panel is positioned in the board's body or in the canvas's own box, both at the canvas's corner, so
 * its box relative to that positioned ancestor is in canvas pixels. Measured from client rects, not
 * offsets: the toolbar is centred with a CSS transform, which offsets do not see.
 */
export function useCovering(ref: RefObject<HTMLElement | null>, editor: Editor | null, active: boolean, key: string): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !editor || !active) return;
    const container = el.offsetParent;
    const update = (): void => {
      const box = el.getBoundingClientRect();
      const origin = container?.getBoundingClientRect() ?? { left: 0, top: 0 };
      editor.setCovered(key, { x: box.left - origin.left - GAP_PX, y: box.top - origin.top - GAP_PX, width: box.width + 2 * GAP_PX, height: box.height + 2 * GAP_PX });
    };
    const observer = new ResizeObserver(update);
    observer.observe(el);
    // A panel placed in percent of its container (the toolbar, centred on the left) moves when that resizes.
    if (container) observer.observe(container);
    update();
    return () => {
      observer.disconnect();
      editor.setCovered(key, null);
    };
  }, [ref, editor, active, key]);
}
