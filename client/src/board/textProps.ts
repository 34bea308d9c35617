import Konva from 'konva';
import type { Element, Shape, StickyNote, TextBox } from '@sammen/shared';
import { fitBoxText } from './textMeasure.js';
import { FONT_FAMILY, LINE_HEIGHT, NOTE_PADDING, SHAPE_PADDING } from './theme.js';

import { maxTextFor } from '../geometry/lod.js';

/** The largest text size of a default-sized note and of a shape; text shrinks from there to fit. */
export { NOTE_MAX_TEXT, SHAPE_MAX_TEXT } from '../geometry/lod.js';

/** The layout attributes of the Konva `Text` inside a note or shape: one source for drawing and for tests. */
export interface BoxTextAttrs {
  text: string;
  width: number;
  height: number;
  padding: number;
  fontSize: number;
  fontFamily: string;
  lineHeight: number;
  align: 'center';
  verticalAlign: 'middle';
  wrap: 'word';
  ellipsis: true;
}

export interface BoxTextLayout {
  attrs: BoxTextAttrs;
  /** Whether all of the text fits at `attrs.fontSize` (false only when the minimum size is still too large). */
  fits: boolean;
}

export function boxTextLayout(el: StickyNote | Shape): BoxTextLayout {
  const padding = el.type === 'note' ? NOTE_PADDING : SHAPE_PADDING;
  const max = maxTextFor(el.type, el.width, el.height);
  const fit = fitBoxText(el.text, el.width, el.height, padding, max);
  return {
    attrs: {
      text: el.text,
      width: el.width,
      height: el.height,
      padding,
      fontSize: fit.fontSize,
      fontFamily: FONT_FAMILY,
      lineHeight: LINE_HEIGHT,
      align: 'center',
      verticalAlign: 'middle',
      wrap: 'word',
      ellipsis: true,
    },
    fits: fit.fits,
  };
}

/** What Konva draws for an element's text, for end-to-end tests (`window.__sammen.textLayout`). */
export interface RenderedTextLayout {
  fontSize: number;
  /** The lines Konva lays out, with their measured widths. */
  lines: Array<{ text: string; width: number }>;
  lineHeightPx: number;
  /** The room inside the box (after padding); height null for free text, which grows downwards. */
  maxWidth: number;
  maxHeight: number | null;
  /** The client's own verdict from fitting. */
  fits: boolean;
}

/**
 * Lays an element's text out with Konva's own `Text` (the same attributes the board draws with) and
 * reports the lines, so a test can check that nothing was dropped and everything is inside the box.
 */
export function renderedTextLayout(el: Element | undefined): RenderedTextLayout | null {
  if (!el || (el.type !== 'note' && el.type !== 'shape' && el.type !== 'text')) return null;
  const box = el.type === 'text' ? null : boxTextLayout(el);
  const attrs = box ? box.attrs : freeTextAttrs(el as TextBox);
  const node = new Konva.Text(attrs);
  const lines = (node as unknown as { textArr: Array<{ text: string; width: number }> }).textArr.map(({ text, width }) => ({ text, width }));
  node.destroy();
  const padding = box ? box.attrs.padding : 0;
  return {
    fontSize: attrs.fontSize,
    lines,
    lineHeightPx: attrs.fontSize * LINE_HEIGHT,
    maxWidth: el.width - 2 * padding,
    maxHeight: el.type === 'text' ? null : el.height - 2 * padding,
    fits: box ? box.fits : true,
  };
}

const freeTextAttrs = (el: TextBox) => ({
  text: el.text,
  width: el.width,
  fontSize: el.fontSize,
  fontFamily: FONT_FAMILY,
  lineHeight: LINE_HEIGHT,
  wrap: 'word' as const,
});
