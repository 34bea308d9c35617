/**
 * Text fitting: the font size at which a note's or shape's text fits its box (notes shrink their
 * text as it grows, as on paper), and the lines it is drawn in.
 *
 * The wrapping mirrors Konva's `Text` with a fixed width and height (`wrap="word"`, `ellipsis`):
 * a paragraph that is too wide is cut at the longest prefix that fits, moved back to the last space or
 * dash; lines that would pass the bottom are dropped (with an ellipsis). So a size this module
 * accepts is a size at which Konva draws all of the text, inside the box.
 *
 * Widths come from a `measure(text, fontSize)` function: in the browser the canvas's `measureText`
 * with the font Konva uses (see `board/textMeasure.ts`); in unit tests `estimateMeasure`, an average
 * glyph width, which needs no canvas.
 */

/** Width in px of `text` drawn at `fontSize` px in the board font. */
export type Measure = (text: string, fontSize: number) => number;

/** An average glyph width as a fraction of the font size: the pure fallback, for tests and non-browser use. */
export const estimateMeasure =
  (glyphWidth = 0.56): Measure =>
  (text, fontSize) =>
    [...text].length * fontSize * glyphWidth;

export interface FitOptions {
  max?: number;
  min?: number;
  lineHeight?: number;
  padding?: number;
  /** Defaults to `estimateMeasure()`. */
  measure?: Measure;
}

export interface WrapResult {
  lines: string[];
  /** Every character was placed on a drawn line (nothing dropped at the bottom or for lack of width). */
  complete: boolean;
  /** A word had to be cut in the middle because it is wider than the line. */
  brokenWord: boolean;
}

export interface WrapBox {
  /** Inner width (box width minus both paddings). */
  maxWidth: number;
  /** Inner height, or null for text that grows downwards without limit. */
  maxHeight: number | null;
  fontSize: number;
  lineHeight: number;
  /** Reserve room for "…" on the last line that fits, as Konva does with `ellipsis`. */
  ellipsis: boolean;
}

const ELLIPSIS = '…';
const isBreak = (c: string | undefined): boolean => c === ' ' || c === '-';

/** Lines as Konva lays them out (see the module comment). */
export function wrapText(text: string, box: WrapBox, measure: Measure): WrapResult {
  const { maxWidth, maxHeight, fontSize, ellipsis } = box;
  const lh = box.lineHeight * fontSize;
  const width = (s: string): number => measure(s, fontSize);
  const extra = ellipsis ? width(ELLIPSIS) : 0;
  const lines: string[] = [];
  let height = 0;
  let brokenWord = false;
  const paragraphs = text.split('\n');
  const full = (): boolean => maxHeight !== null && height + lh > maxHeight;
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    if (width(paragraph) <= maxWidth) {
      lines.push(paragraph);
      height += lh;
    } else {
      const g = [...paragraph];
      let start = 0;
      const slice = (end: number): string => g.slice(start, end).join('');
      const perLine = Math.max(1, Math.ceil((g.length * maxWidth) / width(paragraph)));
      while (start < g.length) {
        // Konva reserves the ellipsis only on a line that itself passes the bottom.
        const reserve = full() ? extra : 0;
        const fits = (end: number): boolean => width(slice(end)) + reserve <= maxWidth;
        let low = start;
        let high = Math.min(g.length, start + perLine);
        while (fits(high)) {
          low = high;
          if (high === g.length) break;
          high = Math.min(g.length, high + (high - start));
        }
        while (high - low > 1) {
          const mid = (low + high) >>> 1;
          if (fits(mid)) low = mid;
          else high = mid;
        }
        if (low === start) return { lines, complete: false, brokenWord: true };
        if (low === g.length) {
          lines.push(slice(low));
          height += lh;
          break;
        }
        if (!isBreak(g[low])) {
          let w = low - 1;
          while (w >= start && !isBreak(g[w])) w--;
          if (w >= start) low = w + 1;
          else brokenWord = true;
        }
        lines.push(slice(low).trimEnd());
        height += lh;
        start = low;
        while (start < g.length && !g[start]!.trim()) start++;
        if (full()) return { lines, complete: start >= g.length && i === paragraphs.length - 1, brokenWord };
      }
    }
    if (full()) return { lines, complete: i === paragraphs.length - 1, brokenWord };
  }
  return { lines, complete: true, brokenWord };
}

export interface FitResult {
  fontSize: number;
  lines: string[];
  /** All of the text is drawn at `fontSize` (false only when even the minimum size is too large). */
  fits: boolean;
}

/**
 * The largest whole font size between `min` and `max` at which all of `text` is drawn inside the box
 * (less `padding` on every side), preferring sizes that need not cut a word in two; `min` when none.
 * A binary search: about six layouts per call, and the caller caches.
 */
export function fitText(text: string, width: number, height: number, options: FitOptions = {}): FitResult {
  const { max = 28, min = 8, lineHeight = 1.25, padding = 12, measure = estimateMeasure() } = options;
  const box = (fontSize: number): WrapBox => ({
    maxWidth: width - 2 * padding,
    maxHeight: height - 2 * padding,
    fontSize,
    lineHeight,
    ellipsis: true,
  });
  if (!text.trim()) return { fontSize: max, lines: text ? text.split('\n') : [], fits: true };
  const inner = height - 2 * padding;
  const layout = (size: number): WrapResult => {
    const r = wrapText(text, box(size), measure);
    // Konva always draws the first line, even when it is taller than the box.
    return r.lines.length * size * lineHeight > inner + 1e-6 ? { ...r, complete: false } : r;
  };
  // Start from the estimate (usually within a size or two of the answer), then gallop and bisect:
  // two or three layouts per note instead of a full search. Every returned size was laid out and
  // accepted, so a wrong guess costs time, never a size that does not fit.
  const guess = Math.max(min, Math.min(max, fitEstimate(text, width - 2 * padding, height - 2 * padding, lineHeight, max, min)));
  const results = new Map<number, WrapResult>();
  const search = (accept: (r: WrapResult) => boolean): FitResult | null => {
    const ok = (size: number): boolean => {
      let r = results.get(size);
      if (!r) results.set(size, (r = layout(size)));
      return accept(r);
    };
    let lo: number; // largest size known to fit
    let hi: number; // smallest size known not to fit
    if (ok(guess)) {
      lo = guess;
      let step = 1;
      while (lo + step <= max && ok(lo + step)) {
        lo += step;
        step *= 2;
      }
      hi = Math.min(lo + step, max + 1);
    } else {
      hi = guess;
      let step = 1;
      while (hi - step >= min && !ok(hi - step)) {
        hi -= step;
        step *= 2;
      }
      if (hi - step < min) {
        if (hi === min || !ok(min)) return null;
        lo = min;
      } else lo = hi - step;
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ok(mid)) lo = mid;
      else hi = mid;
    }
    return { fontSize: lo, lines: results.get(lo)!.lines, fits: true };
  };
  const found = search((r) => r.complete && !r.brokenWord) ?? search((r) => r.complete);
  if (found) return found;
  const r = layout(min);
  return { fontSize: min, lines: r.lines, fits: r.complete };
}

/** A first guess without measuring: greedy wrap by an average glyph width (0.58 em). */
function fitEstimate(text: string, w: number, h: number, lineHeight: number, max: number, min: number): number {
  const words = text.split('\n').map((p) => p.split(/\s+/).filter(Boolean).map((x) => x.length));
  for (let size = max; size > min; size--) {
    const perLine = Math.max(1, Math.floor(w / (size * 0.58)));
    let lines = 0;
    for (const p of words) {
      let line = -1;
      lines++;
      for (const len of p) {
        if (line < 0) line = len;
        else if (line + 1 + len <= perLine) line += 1 + len;
        else {
          lines++;
          line = len;
        }
        while (line > perLine) {
          lines++;
          line -= perLine;
        }
      }
    }
    if (lines * size * lineHeight <= h) return size;
  }
  return min;
}

/** Just the size of `fitText`. */
export function fitFontSize(text: string, width: number, height: number, options: FitOptions = {}): number {
  return fitText(text, width, height, options).fontSize;
}
