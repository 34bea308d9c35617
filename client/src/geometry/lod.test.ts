import { describe, expect, it } from 'vitest';
import {
  FRAME_TITLE_MAX_SCREEN_PX,
  MIN_READABLE_TEXT_PX,
  NOTE_MAX_TEXT,
  NOTE_SIZE,
  drawsBatched,
  estimatedLines,
  frameTitleLayout,
  maxTextFor,
  noteSizeForZoom,
  readableAt,
  standInLines,
} from './lod.js';

describe('level of detail', () => {
  it('text is readable from 6 CSS px on screen', () => {
    expect(readableAt(20, 0.3)).toBe(true);
    expect(readableAt(20, 0.29)).toBe(false);
    expect(MIN_READABLE_TEXT_PX).toBe(6);
  });

  it('bigger notes may have bigger text; default notes keep 28', () => {
    expect(maxTextFor('note', NOTE_SIZE, NOTE_SIZE)).toBe(NOTE_MAX_TEXT);
    expect(maxTextFor('note', 150, 150)).toBe(NOTE_MAX_TEXT);
    expect(maxTextFor('note', 800, 800)).toBe(NOTE_MAX_TEXT * 4);
    expect(maxTextFor('shape', 400, 100)).toBe(24);
  });

  it('a note is batched (drawn without text) exactly when even its largest text would not read', () => {
    const edge = MIN_READABLE_TEXT_PX / NOTE_MAX_TEXT;
    expect(drawsBatched('note', 200, 200, edge * 0.99)).toBe(true);
    expect(drawsBatched('note', 200, 200, edge * 1.01)).toBe(false);
    // A big note made on a phone still reads further out.
    expect(drawsBatched('note', 800, 800, edge * 0.5)).toBe(false);
  });

  it('noteSizeForZoom: default size close up, large enough to read far out, bounded', () => {
    expect(noteSizeForZoom(1)).toBe(NOTE_SIZE);
    expect(noteSizeForZoom(2)).toBe(NOTE_SIZE);
    for (const zoom of [0.06, 0.1, 0.2, 0.35, 0.5]) {
      const side = noteSizeForZoom(zoom);
      expect(side * zoom).toBeGreaterThanOrEqual(119); // ≥ 120 px wide on screen (up to the cap)
      // Its largest text reads on that screen.
      if (side < 2000) expect(readableAt(maxTextFor('note', side, side), zoom)).toBe(true);
    }
    expect(noteSizeForZoom(0.01)).toBe(2000);
    expect(noteSizeForZoom(0)).toBe(NOTE_SIZE);
    expect(noteSizeForZoom(Number.NaN)).toBe(NOTE_SIZE);
  });

  it('stand-in lines: one per text line (at most 4), inside the padding, centred, the last shorter', () => {
    const lines = standInLines({ width: 200, height: 200, padding: 14, lines: 3, fontSize: 28 });
    expect(lines).toHaveLength(3);
    for (const l of lines) {
      expect(l.x).toBeGreaterThanOrEqual(14);
      expect(l.x + l.width).toBeLessThanOrEqual(186);
      expect(l.y).toBeGreaterThanOrEqual(14);
      expect(l.y + l.height).toBeLessThanOrEqual(186);
      expect(l.x + l.width / 2).toBeCloseTo(100, 6);
    }
    expect(lines[2]!.width).toBeLessThan(lines[0]!.width);
    expect(standInLines({ width: 200, height: 200, padding: 14, lines: 40, fontSize: 10 })).toHaveLength(4);
    expect(standInLines({ width: 200, height: 200, padding: 14, lines: 0, fontSize: 10 })).toEqual([]);
    // Never more lines than fit the height.
    expect(standInLines({ width: 300, height: 30, padding: 0, lines: 3, fontSize: 20 })).toHaveLength(1);
    const left = standInLines({ width: 300, height: 30, padding: 0, lines: 1, fontSize: 20, align: 'left' });
    expect(left[0]!.x).toBe(0);
  });

  it('estimatedLines counts paragraphs and wraps long ones', () => {
    expect(estimatedLines('kort', 172, 28)).toBe(1);
    expect(estimatedLines('a\nb\nc', 172, 28)).toBe(3);
    expect(estimatedLines('x'.repeat(100), 172, 10)).toBe(4);
  });
});

describe('frame titles', () => {
  it('are sized in board units (20–40 with the frame) and shrink with zoom', () => {
    const cell = frameTitleLayout({ width: 440, height: 249 }, 0.5);
    expect(cell.fontSize).toBe(20);
    expect(cell.screenPx).toBe(10);
    const big = frameTitleLayout({ width: 2000, height: 1000 }, 0.25);
    expect(big.fontSize).toBe(32);
    expect(big.screenPx).toBe(8);
    expect(frameTitleLayout({ width: 440, height: 249 }, 0.25).screenPx).toBe(5);
  });

  it('shrink to fit a frame too narrow for them, down to 70 %, then are cut', () => {
    // 20 units natural; a title 0.6 wide per unit of size in a 440 frame fits at 20 (12 × 20 = 240)…
    expect(frameTitleLayout({ width: 440, height: 249 }, 0.5, 12).fontSize).toBe(20);
    // …one 25 per unit needs 17.3 to fit (with 2 % to spare), and gets it…
    expect(frameTitleLayout({ width: 440, height: 249 }, 0.5, 25).fontSize).toBeCloseTo(440 / 25.5, 6);
    // …one 60 per unit would need 7.3: it stops at 14 and is cut.
    expect(frameTitleLayout({ width: 440, height: 249 }, 0.5, 60).fontSize).toBeCloseTo(14, 6);
  });

  it('stay a label when zoomed in (capped on screen) and are as wide as their frame (cut there)', () => {
    const t = frameTitleLayout({ width: 1200, height: 800 }, 3);
    expect(t.screenPx).toBeCloseTo(FRAME_TITLE_MAX_SCREEN_PX, 10);
    expect(t.width).toBe(1200);
    expect(t.height).toBeCloseTo(t.fontSize * 1.4, 10);
  });

  it('are text when readable, a stand-in when too small, hidden when the frame is tiny', () => {
    expect(frameTitleLayout({ width: 440, height: 249 }, 0.3).mode).toBe('text');
    expect(frameTitleLayout({ width: 440, height: 249 }, 0.2).mode).toBe('standIn');
    expect(frameTitleLayout({ width: 440, height: 249 }, 0.05).mode).toBe('hidden');
  });
});
