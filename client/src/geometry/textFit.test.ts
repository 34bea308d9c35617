import { describe, expect, it } from 'vitest';
import { estimateMeasure, fitFontSize, fitText, wrapText, type Measure } from './textFit.js';

/** A monospaced fake font: every character is half the font size wide. */
const mono: Measure = (text, size) => [...text].length * size * 0.5;
const box = (maxWidth: number, maxHeight: number | null, fontSize = 10) => ({ maxWidth, maxHeight, fontSize, lineHeight: 1, ellipsis: true });

describe('wrapText (as Konva wraps)', () => {
  it('keeps a paragraph that fits on one line and wraps at spaces', () => {
    expect(wrapText('hej med dig', box(100, null), mono).lines).toEqual(['hej med dig']);
    // 10 characters per line at 5 px each.
    expect(wrapText('hej med dig og dig', box(50, null), mono)).toEqual({ lines: ['hej med', 'dig og dig'], complete: true, brokenWord: false });
  });

  it('keeps blank lines and paragraphs', () => {
    expect(wrapText('a\n\nb', box(50, null), mono).lines).toEqual(['a', '', 'b']);
  });

  it('cuts a word longer than the line, and says so', () => {
    const r = wrapText('abcdefghijklmnopqrstuvwxyz', box(50, null), mono);
    expect(r.lines).toEqual(['abcdefghij', 'klmnopqrst', 'uvwxyz']);
    expect(r.brokenWord).toBe(true);
    expect(r.complete).toBe(true);
  });

  it('wraps after a dash', () => {
    expect(wrapText('borger-inddragelse nu', box(60, null), mono).lines).toEqual(['borger-', 'inddragelse', 'nu']);
  });

  it('drops the lines below the box and reports the text as incomplete', () => {
    const r = wrapText('one two three four five six', box(40, 25), mono);
    expect(r.lines).toHaveLength(2);
    expect(r.complete).toBe(false);
    expect(wrapText('one two', box(40, 25), mono).complete).toBe(true);
    expect(wrapText('one\ntwo\nthree', box(40, 25), mono).complete).toBe(false);
  });
});

describe('fitText', () => {
  it('keeps short text large and shrinks long text', () => {
    expect(fitFontSize('Hej', 200, 200)).toBe(28);
    const long = 'Hvad er vigtigt for dig? '.repeat(10);
    const size = fitFontSize(long, 200, 200);
    expect(size).toBeLessThan(28);
    expect(size).toBeGreaterThanOrEqual(8);
  });

  it('never goes below the minimum, and says when even that does not fit', () => {
    const r = fitText('x '.repeat(5_000), 200, 200);
    expect(r.fontSize).toBe(8);
    expect(r.fits).toBe(false);
  });

  it('picks the largest size at which everything fits, with the measure it is given', () => {
    const text = 'Hva er viktig for deg i nærmiljøet ditt, og hva kan du bidra med?';
    for (const measure of [mono, estimateMeasure(0.62), (s: string, size: number) => s.length * size * 0.7]) {
      const r = fitText(text, 200, 200, { padding: 14, measure });
      expect(r.fits).toBe(true);
      const inner = { maxWidth: 172, maxHeight: 172, lineHeight: 1.25, ellipsis: true };
      expect(wrapText(text, { ...inner, fontSize: r.fontSize }, measure).complete).toBe(true);
      expect(r.lines.length * r.fontSize * 1.25).toBeLessThanOrEqual(172);
      if (r.fontSize < 28) expect(wrapText(text, { ...inner, fontSize: r.fontSize + 1 }, measure).complete && r.lines.length).toBeFalsy();
    }
  });

  it('prefers a smaller size over cutting a long word', () => {
    const word = 'Samskabelsesprocessen';
    const r = fitText(word, 200, 200, { padding: 14, measure: mono });
    // 21 characters at 0.5 em in 172 px: at most 16 px.
    expect(r.fontSize).toBe(16);
    expect(r.lines).toEqual([word]);
  });

  it('a wider real font gives a smaller size than the estimate', () => {
    const text = 'Hva er viktig for deg? Hva kan du bidra med? Hva kan vi gjøre sammen?';
    const wide = fitFontSize(text, 200, 200, { measure: estimateMeasure(0.65) });
    expect(wide).toBeLessThanOrEqual(fitFontSize(text, 200, 200));
  });

  it('finds the same size as trying every size, from whatever the first guess is', () => {
    const words = ['Hva', 'er', 'viktig', 'for', 'deg?', 'Samskaping', 'i', 'nærmiljøet', 'med', 'innbyggere', 'og', 'lag'];
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => words[Math.floor(rand() * words.length)]).join(rand() < 0.1 ? '\n' : ' ');
      const width = 80 + Math.floor(rand() * 300);
      const height = 80 + Math.floor(rand() * 300);
      const glyph = 0.45 + rand() * 0.3;
      const measure: Measure = (s, size) => s.length * size * glyph;
      const opts = { padding: 10, measure, max: 28, min: 8 };
      const r = fitText(text, width, height, opts);
      const inner = { maxWidth: width - 20, maxHeight: height - 20, lineHeight: 1.25, ellipsis: true };
      const accepts = (size: number, words: boolean) => {
        const w = wrapText(text, { ...inner, fontSize: size }, measure);
        return w.complete && w.lines.length * size * 1.25 <= height - 20 + 1e-6 && (!words || !w.brokenWord);
      };
      let best = 0;
      for (let size = 28; size >= 8 && !best; size--) if (accepts(size, true)) best = size;
      for (let size = 28; size >= 8 && !best; size--) if (accepts(size, false)) best = size;
      expect(r.fontSize, `${text} in ${width}×${height}`).toBe(best || 8);
      expect(r.fits).toBe(best > 0);
    }
  });
});
