import { estimateMeasure, fitText, type FitResult, type Measure } from '../geometry/textFit.js';
import { FONT_FAMILY, LINE_HEIGHT } from './theme.js';

/**
 * Real text measurement for fitting: the canvas's `measureText` with the font string Konva builds for
 * a `Text` node (style, variant, size, family with spaced names quoted), so the sizes chosen here are
 * the ones at which Konva draws everything. Falls back to the average-glyph estimate where there is
 * no canvas (unit tests).
 */

/** The family list as Konva writes it into `ctx.font` (`normalizeFontFamily`). */
export const konvaFontFamily = (family: string): string =>
  family
    .split(',')
    .map((f) => {
      const name = f.trim();
      return name.includes(' ') && !/["']/.test(name) ? `"${name}"` : name;
    })
    .join(', ');

const CACHE_LIMIT = 50_000;

function canvasMeasure(fontStyle: string): Measure | null {
  if (typeof document === 'undefined') return null;
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return null;
  const family = konvaFontFamily(FONT_FAMILY);
  const widths = new Map<string, number>();
  let font = '';
  return (text, fontSize) => {
    const key = `${fontSize}\u0000${text}`;
    const hit = widths.get(key);
    if (hit !== undefined) return hit;
    const wanted = `${fontStyle} normal ${fontSize}px ${family}`;
    if (font !== wanted) {
      ctx.font = wanted;
      font = wanted;
    }
    const w = ctx.measureText(text).width;
    if (widths.size >= CACHE_LIMIT) widths.clear();
    widths.set(key, w);
    return w;
  };
}

const measures = new Map<string, Measure>();

/** The measure for text drawn in the board font with `fontStyle` ('normal', 'bold', 'italic'). */
export function boardMeasure(fontStyle = 'normal'): Measure {
  let m = measures.get(fontStyle);
  if (!m) {
    m = canvasMeasure(fontStyle) ?? estimateMeasure();
    measures.set(fontStyle, m);
  }
  return m;
}

const fits = new Map<string, FitResult>();

/**
 * `fitText` with real measurement, cached per text and box: a note is fitted once, not on every
 * render, pan or zoom.
 */
export function fitBoxText(text: string, width: number, height: number, padding: number, max: number, min = 8): FitResult {
  const key = `${width}|${height}|${padding}|${max}|${min}|${text}`;
  const hit = fits.get(key);
  if (hit) return hit;
  const result = fitText(text, width, height, { padding, max, min, lineHeight: LINE_HEIGHT, measure: boardMeasure() });
  if (fits.size >= CACHE_LIMIT / 5) fits.clear();
  fits.set(key, result);
  return result;
}
