import type { Shape, StickyNote, TextBox } from '@sammen/shared';
import { boxTextLayout } from '../../board/textProps.js';
import type { ElementStore } from '../../editor/elementStore.js';
import type { Box } from '../../geometry/bounds.js';
import { boxContainsBox } from '../../geometry/bounds.js';
import { readableScale, type TextSample } from './stepFocus.js';
import { PHONE_QUERY } from './useNarrowScreen.js';

/**
 * The text inside a frame as the board draws it, for deciding how far a phone may zoom out on it.
 * Notes and shapes use the same fitted font size the canvas draws them with (`boxTextLayout`), free
 * text its own size.
 */
export function frameTextSamples(store: ElementStore, box: Box): TextSample[] {
  const out: TextSample[] = [];
  for (const el of store.query(box)) {
    if (el.type !== 'note' && el.type !== 'shape' && el.type !== 'text') continue;
    const sample = textSample(el);
    if (sample && boxContainsBox(box, { x: el.x, y: el.y, width: el.width, height: el.height })) out.push(sample);
  }
  return out;
}

function textSample(el: StickyNote | Shape | TextBox): TextSample | null {
  const chars = el.text.trim().length;
  if (!chars) return null;
  return { fontSize: el.type === 'text' ? el.fontSize : boxTextLayout(el).attrs.fontSize, chars };
}

/** The scale below which the step focus must not go on this screen: only phone-narrow screens have one. */
export function phoneReadableScale(store: ElementStore | null, box: Box): number | null {
  if (!store || typeof window === 'undefined' || !window.matchMedia(PHONE_QUERY).matches) return null;
  return readableScale(frameTextSamples(store, box));
}
