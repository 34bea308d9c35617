import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { insertElement, type StickyNote } from '@sammen/shared';
import { launchChromium } from '../harness/browser.js';
import { createBoard, startServer, type RunningServer } from '../harness/server.js';
import { connectClient, synced, waitForDoc } from '../harness/yclient.js';

/**
 * Touch on the canvas like Miro's mobile app, on a phone-sized Chromium with touch (390×844,
 * `hasTouch`, `isMobile`), with real touch events sent through the DevTools protocol: one finger on
 * empty board pans, two fingers pinch-zoom around their centre, a tap selects, a double tap edits,
 * a long press opens the element's menu. At every step no text is drawn below a readable size
 * without its level-of-detail stand-in (measured through `window.__sammen.drawnText`).
 */

let server: RunningServer;
let browser: Browser;
let boardId: string;

const NOTES = 12;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  boardId = await createBoard(server, 'Touch');
  const writer = connectClient(server.wsUrl, boardId);
  await synced(writer);
  writer.doc.transact(() => {
    for (let n = 0; n < NOTES; n++) {
      const note: StickyNote = {
        id: `n${n}`, type: 'note', index: `a${n}`, frameId: null, x: (n % 3) * 260, y: Math.floor(n / 3) * 260,
        width: 200, height: 200, color: 'yellow', text: `Idé nummer ${n}`,
      };
      insertElement(writer.doc, note);
    }
  });
  const check = connectClient(server.wsUrl, boardId);
  await waitForDoc(check.doc, (d) => d.getMap('elements').size === NOTES);
  check.destroy();
  writer.destroy();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Camera = { x: number; y: number; scale: number };
type Drawn = { id: string; screenPx: number; standIn: boolean; kind: string };

const camera = (page: Page): Promise<Camera> =>
  page.evaluate(() => {
    const stage = (window as unknown as { Konva: { stages: Array<{ x(): number; y(): number; scaleX(): number }> } }).Konva.stages[0]!;
    return { x: stage.x(), y: stage.y(), scale: stage.scaleX() };
  });

const drawn = (page: Page): Promise<Drawn[]> =>
  page.evaluate(() => (window as unknown as { __sammen: { drawnText(): Drawn[] } }).__sammen.drawnText());

/** Every text drawn as letters is at least 6 CSS px; smaller text appears only as a stand-in. */
async function expectLegible(page: Page): Promise<void> {
  const texts = await drawn(page);
  expect(texts.length).toBeGreaterThan(0);
  const specks = texts.filter((t) => !t.standIn && t.screenPx < 6);
  expect(specks).toEqual([]);
}

/** Where the canvas is on the page, to turn canvas points into touch points. */
async function canvasOrigin(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator('[data-testid=board-canvas]').boundingBox())!;
  return { x: box.x, y: box.y };
}

type Pt = { x: number; y: number };

class Fingers {
  constructor(
    private readonly cdp: CDPSession,
    private readonly origin: Pt,
  ) {}
  private points(ps: Pt[]) {
    return ps.map((p, i) => ({ x: this.origin.x + p.x, y: this.origin.y + p.y, id: i }));
  }
  start(ps: Pt[]) {
    return this.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: this.points(ps) });
  }
  move(ps: Pt[]) {
    return this.cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: this.points(ps) });
  }
  end() {
    return this.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }
  /** Moves fingers from `from` to `to` in `steps` touchMove events. */
  async drag(from: Pt[], to: Pt[], steps = 8) {
    await this.start(from);
    for (let s = 1; s <= steps; s++) {
      await this.move(from.map((f, i) => ({ x: f.x + ((to[i]!.x - f.x) * s) / steps, y: f.y + ((to[i]!.y - f.y) * s) / steps })));
    }
    await this.end();
  }
}

async function openPhone(): Promise<{ page: Page; fingers: Fingers }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'en-GB' });
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.addInitScript(() => localStorage.setItem('sammen.name', 'Phone'));
  await page.goto(`${server.url}/b/${boardId}`);
  await page.waitForFunction((n) => ((window as unknown as { __sammen?: { doc: { getMap(k: string): { size: number } } } }).__sammen?.doc.getMap('elements').size ?? 0) >= n, NOTES);
  const cdp = await context.newCDPSession(page);
  return { page, fingers: new Fingers(cdp, await canvasOrigin(page)) };
}

/** The screen point (canvas px) of the centre of note `id` under the current camera. */
async function noteCentre(page: Page, id: string): Promise<Pt> {
  const c = await camera(page);
  const n = Number(id.slice(1));
  return { x: ((n % 3) * 260 + 100) * c.scale + c.x, y: (Math.floor(n / 3) * 260 + 100) * c.scale + c.y };
}

/** An empty screen point: the gap between the first two columns of notes. */
async function emptyPoint(page: Page): Promise<Pt> {
  const c = await camera(page);
  return { x: 230 * c.scale + c.x, y: 100 * c.scale + c.y };
}

describe('touch on the canvas (phone, real touch events)', () => {
  it('pans with one finger on empty board, pinch-zooms around the fingers, pans with two fingers', async () => {
    const { page, fingers } = await openPhone();
    await expectLegible(page);
    const before = await camera(page);
    const selectionBefore = await page.locator('.context-bar').count();

    // One finger on empty board: the camera follows the finger exactly; nothing is selected or moved.
    const start = await emptyPoint(page);
    await fingers.drag([start], [{ x: start.x + 60, y: start.y + 90 }]);
    await page.waitForFunction((b) => {
      const s = (window as unknown as { Konva: { stages: Array<{ x(): number }> } }).Konva.stages[0]!;
      return s.x() !== b.x;
    }, before);
    const panned = await camera(page);
    expect(panned.x - before.x).toBeCloseTo(60, 0);
    expect(panned.y - before.y).toBeCloseTo(90, 0);
    expect(panned.scale).toBe(before.scale);
    expect(await page.locator('.context-bar').count()).toBe(selectionBefore);

    // Pinch out around a centre point: the zoom grows by the fingers' spread, the board point under
    // the centre stays under it.
    const centre = { x: 195, y: 400 };
    const boardPoint = { x: (centre.x - panned.x) / panned.scale, y: (centre.y - panned.y) / panned.scale };
    await fingers.drag(
      [{ x: centre.x - 40, y: centre.y }, { x: centre.x + 40, y: centre.y }],
      [{ x: centre.x - 100, y: centre.y }, { x: centre.x + 100, y: centre.y }],
    );
    await page.waitForFunction((s) => (window as unknown as { Konva: { stages: Array<{ scaleX(): number }> } }).Konva.stages[0]!.scaleX() > s * 2, panned.scale);
    const zoomed = await camera(page);
    expect(zoomed.scale / panned.scale).toBeCloseTo(200 / 80, 1);
    expect(boardPoint.x * zoomed.scale + zoomed.x).toBeCloseTo(centre.x, 0);
    expect(boardPoint.y * zoomed.scale + zoomed.y).toBeCloseTo(centre.y, 0);
    await expectLegible(page);

    // A pinch whose fingers land on a note neither selects nor moves it.
    const note = await noteCentre(page, 'n4');
    await fingers.drag([note, { x: note.x + 40, y: note.y }], [{ x: note.x - 10, y: note.y }, { x: note.x + 50, y: note.y }]);
    await page.waitForFunction((s) => (window as unknown as { Konva: { stages: Array<{ scaleX(): number }> } }).Konva.stages[0]!.scaleX() !== s, zoomed.scale);
    expect(await page.locator('.context-bar').count()).toBe(selectionBefore);
    const n4 = await page.evaluate(() => (window as unknown as { __sammen: { elements(): Array<{ id: string; x: number }> } }).__sammen.elements().find((e) => e.id === 'n4')!.x);
    expect(n4).toBe(260);
    const afterNotePinch = await camera(page);

    // Two fingers moving together pan without zooming.
    await fingers.drag(
      [{ x: 150, y: 500 }, { x: 250, y: 500 }],
      [{ x: 150, y: 440 }, { x: 250, y: 440 }],
    );
    await page.waitForFunction((y) => (window as unknown as { Konva: { stages: Array<{ y(): number }> } }).Konva.stages[0]!.y() !== y, afterNotePinch.y);
    const moved = await camera(page);
    expect(moved.scale).toBeCloseTo(afterNotePinch.scale, 6);
    expect(moved.y - afterNotePinch.y).toBeCloseTo(-60, 0);

    // Pinch in far: text turns into stand-ins, never into specks.
    await fingers.drag(
      [{ x: 95, y: 400 }, { x: 295, y: 400 }],
      [{ x: 185, y: 400 }, { x: 205, y: 400 }],
    );
    await page.waitForFunction((s) => (window as unknown as { Konva: { stages: Array<{ scaleX(): number }> } }).Konva.stages[0]!.scaleX() < s / 5, moved.scale);
    await expectLegible(page);
    expect((await drawn(page)).some((t) => t.standIn)).toBe(true);
    await page.context().close();
  });

  it('tap selects, double tap edits, long press opens the element menu whose actions work', async () => {
    const { page, fingers } = await openPhone();
    const tap = async (p: Pt) => {
      await fingers.start([p]);
      await fingers.end();
    };

    await tap(await noteCentre(page, 'n4'));
    await page.locator('.context-bar').waitFor();

    // A tap on empty board clears the selection.
    await tap(await emptyPoint(page));
    await page.locator('.context-bar').waitFor({ state: 'detached' });

    // Double tap: the note's text editor opens.
    const n1 = await noteCentre(page, 'n1');
    await tap(n1);
    await tap(n1);
    const editor = page.locator('[data-testid=text-editor]');
    await editor.waitFor();
    expect(await editor.inputValue()).toBe('Idé nummer 1');
    // Text is typed at a readable size, however far out the board is.
    expect(parseFloat(await editor.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });

    // Long press: the menu opens while the finger is still down; lifting it keeps the menu open.
    await fingers.start([await noteCentre(page, 'n7')]);
    const menu = page.locator('[data-testid=element-menu]');
    await menu.waitFor();
    await fingers.end();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Edit text', 'Duplicate', 'Bring to front', 'Send to back', 'Delete']);
    // The long press did not move the note.
    const at = await page.evaluate(() => (window as unknown as { __sammen: { elements(): Array<{ id: string; x: number }> } }).__sammen.elements().find((e) => e.id === 'n7')!.x);
    expect(at).toBe(260);

    await menu.getByRole('menuitem', { name: 'Duplicate' }).click();
    await menu.waitFor({ state: 'detached' });
    await page.waitForFunction((n) => (window as unknown as { __sammen: { doc: { getMap(k: string): { size: number } } } }).__sammen.doc.getMap('elements').size === n + 1, NOTES);

    // Escape closes the menu without doing anything.
    await fingers.start([await noteCentre(page, 'n0')]);
    await menu.waitFor();
    await fingers.end();
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as unknown as { __sammen: { doc: { getMap(k: string): { size: number } } } }).__sammen.doc.getMap('elements').size)).toBe(NOTES + 1);
    await page.context().close();
  });

  it('one finger on a note drags the note (not the board)', async () => {
    const { page, fingers } = await openPhone();
    const before = await camera(page);
    const from = await noteCentre(page, 'n3');
    await fingers.drag([from], [{ x: from.x + 50, y: from.y + 30 }]);
    await page.waitForFunction(() => (window as unknown as { __sammen: { elements(): Array<{ id: string; x: number }> } }).__sammen.elements().find((e) => e.id === 'n3')!.x !== 0);
    const x = await page.evaluate(() => (window as unknown as { __sammen: { elements(): Array<{ id: string; x: number }> } }).__sammen.elements().find((e) => e.id === 'n3')!.x);
    expect(x).toBeCloseTo(50 / before.scale, 0);
    expect(await camera(page)).toEqual(before);
    await page.context().close();
  });
});
