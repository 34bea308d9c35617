/**
 * The font size at which `text` fits a box, estimated without measuring (no canvas needed, so it runs
 * in unit tests and costs nothing per frame): notes shrink their text as it grows, as on paper.
 * Greedy word wrap with an average glyph width; Konva wraps for real, this only picks the size.
 */
export interface FitOptions {
  max?: number;
  min?: number;
  lineHeight?: number;
  /** Average glyph width as a fraction of the font size. */
  glyphWidth?: number;
  padding?: number;
}

export function estimateLines(text: string, charsPerLine: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (line === 0) {
        count += Math.floor(Math.max(0, len - 1) / charsPerLine);
        line = len % charsPerLine || charsPerLine;
      } else if (line + 1 + len <= charsPerLine) {
        line += 1 + len;
      } else {
        count += 1 + Math.floor(Math.max(0, len - 1) / charsPerLine);
        line = len % charsPerLine || charsPerLine;
      }
    }
    lines += count;
  }
  return lines;
}

export function fitFontSize(text: string, width: number, height: number, options: FitOptions = {}): number {
  const { max = 28, min = 8, lineHeight = 1.25, glyphWidth = 0.56, padding = 12 } = options;
  const w = Math.max(1, width - 2 * padding);
  const h = Math.max(1, height - 2 * padding);
  if (!text.trim()) return max;
  for (let size = max; size > min; size = Math.floor(size * 0.9)) {
    const charsPerLine = Math.max(1, Math.floor(w / (size * glyphWidth)));
    if (estimateLines(text, charsPerLine) * size * lineHeight <= h) return size;
  }
  return min;
}
