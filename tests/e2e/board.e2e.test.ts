import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createBoard, startServer, type RunningServer } from '../harness/server.js';
import { launchChromium } from '../harness/browser.js';

/**
 * The board client in real Debian Chromium against the real, built server (client/dist served by it).
 * Each person gets their own browser context, so pages sync only through the server (separate
 * contexts share no BroadcastChannel or storage). No sleeps: every wait is for a condition.
 */


let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
type Plain = Record<string, unknown> & { id: string; type: string };

/** What the page's own document holds (through the test hook), as plain JSON. */
function elements(page: Page): Promise<Record<string, Plain>> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __sammen: { elements(): Plain[] } }).__sammen;
    return Object.fromEntries(hook.elements().map((e) => [e.id, e])) as Record<string, Plain>;
  });
}

/** The attributes of a node Konva has on its stage (what is actually drawn), or null. */
function konvaNode(page: Page, nodeId: string): Promise<Record<string, unknown> | null> {
  return page.evaluate((id) => {
    type Node = { getAttrs(): Record<string, unknown>; isVisible(): boolean };
    const konva = (window as unknown as { Konva: { stages: Array<{ findOne(sel: string): Node | undefined }> } }).Konva;
    const node = konva.stages[0]?.findOne(`#${id}`);
    return node && node.isVisible() ? { ...node.getAttrs() } : null;
  }, nodeId);
}

/** Opens the board as a new person. With `typeName` the name prompt is filled in as a person would. */
async function openBoard(boardId: string, name: string, typeName = false): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
  contexts.push(context);
  const page = await context.newPage();
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  page.on('pageerror', (e) => {
    throw e;
  });
  if (!typeName) await page.addInitScript((n) => window.localStorage.setItem('sammen.name', n), name);
  // What the page's own Content-Security-Policy refused (see the test that reads it).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${server.url}/b/${boardId}`);
  if (typeName) {
    await page.locator('#display-name').fill(name);
    await page.keyboard.press('Enter');
  }
  await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
  expect(foreign).toEqual([]);
  return page;
}

/** The canvas' position on the page, to turn canvas coordinates into mouse coordinates. */
async function canvasOrigin(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('[data-testid=board-canvas]').boundingBox();
  if (!box) throw new Error('no canvas');
  return { x: box.x, y: box.y };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

async function addNote(page: Page, at: { x: number; y: number }, text?: string): Promise<void> {
  await page.keyboard.press('n');
  await page.mouse.click(at.x, at.y);
  await page.locator('textarea[data-testid=text-editor]:focus').waitFor();
  if (text) await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await page.locator('textarea[data-testid=text-editor]').waitFor({ state: 'detached' });
}

const notes = async (page: Page) => Object.values(await elements(page)).filter((e) => e.type === 'note');

/** Distance from `p` to the border of an axis-aligned rectangle. */
function distanceToRectBorder(r: Box, p: { x: number; y: number }): number {
  const dx = Math.max(r.x - p.x, 0, p.x - (r.x + r.width));
  const dy = Math.max(r.y - p.y, 0, p.y - (r.y + r.height));
  if (dx > 0 || dy > 0) return Math.hypot(dx, dy);
  return Math.min(p.x - r.x, r.x + r.width - p.x, p.y - r.y, r.y + r.height - p.y);
}

describe('two people see each other’s notes live', () => {
  it('breaks none of its own Content-Security-Policy while a note is added (no eval: zod validates interpreted)', async () => {
    const boardId = await createBoard(server);
    const page = await openBoard(boardId, 'Kari');
    const o = await canvasOrigin(page);
    await addNote(page, { x: o.x + 300, y: o.y + 300 }, 'Idé');
    expect(await notes(page)).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });

  it('shows a note typed in Danish on one page in the other page', async () => {
    const boardId = await createBoard(server, 'Borgerpanel');
    const a = await openBoard(boardId, 'Mette', true);
    const b = await openBoard(boardId, 'Ola');
    const text = 'Hvad er vigtigt for dig? æøå';

    const o = await canvasOrigin(a);
    await addNote(a, { x: o.x + 640, y: o.y + 360 }, text);

    await expect.poll(async () => (await notes(b)).map((n) => n.text)).toEqual([text]);
    const [note] = await notes(b);
    // Drawn on B's canvas, and in B's accessible list of the board.
    await expect.poll(async () => (await konvaNode(b, `text-${note!.id}`))?.text).toBe(text);
    await expect.poll(() => b.locator('[data-testid=board-outline] li').allTextContents()).toEqual([`Seddel: ${text}`]);
    // Each sees the other in the list of who is here.
    await expect.poll(() => b.locator('.presence li').count()).toBe(2);
  });
});

describe('arrows stay attached to shapes', () => {
  it('keeps the arrow end on the border of a moved shape, in both pages', async () => {
    const boardId = await createBoard(server, 'Pile');
    const a = await openBoard(boardId, 'Mette');
    const b = await openBoard(boardId, 'Ola');
    const o = await canvasOrigin(a);
    const at = (x: number, y: number) => ({ x: o.x + x, y: o.y + y });

    await a.keyboard.press('r');
    await drag(a, at(300, 250), at(450, 350));
    await a.keyboard.press('r');
    await drag(a, at(800, 300), at(950, 420));
    await a.keyboard.press('a');
    await drag(a, at(375, 300), at(875, 360));

    const all = Object.values(await elements(a));
    const shapes = all.filter((e) => e.type === 'shape').sort((p, q) => (p.x as number) - (q.x as number));
    const arrow = all.find((e) => e.type === 'arrow');
    expect(shapes).toHaveLength(2);
    const [left, right] = shapes as [Plain, Plain];
    expect(arrow).toMatchObject({
      start: { kind: 'element', elementId: left.id },
      end: { kind: 'element', elementId: right.id },
    });

    // Move the right shape down and left by dragging its middle.
    await a.keyboard.press('v');
    await drag(a, at(875, 360), at(700, 560));

    for (const page of [a, b]) {
      await expect
        .poll(async () => {
          const moved = (await elements(page))[right.id]!;
          return { x: moved.x, y: moved.y };
        })
        .toEqual({ x: (right.x as number) - 175, y: (right.y as number) + 200 });
      const now = await elements(page);
      const r = now[right.id] as unknown as Box;
      const l = now[left.id] as unknown as Box;
      await expect
        .poll(async () => {
          const points = (await konvaNode(page, `el-${arrow!.id}`))?.points as number[] | undefined;
          if (!points) return null;
          const [sx, sy, ex, ey] = points as [number, number, number, number];
          return {
            start: distanceToRectBorder(l, { x: sx, y: sy }) < 0.5,
            end: distanceToRectBorder(r, { x: ex, y: ey }) < 0.5,
            // The end follows the moved shape: it is nowhere near where the shape was.
            endInNewPlace: ey > (right.y as number) + 100,
          };
        })
        .toEqual({ start: true, end: true, endInNewPlace: true });
    }
  });
});

describe('undo is personal', () => {
  it('undoes only one’s own change', async () => {
    const boardId = await createBoard(server, 'Fortryd');
    const a = await openBoard(boardId, 'Mette');
    const b = await openBoard(boardId, 'Ola');
    const oa = await canvasOrigin(a);
    const ob = await canvasOrigin(b);

    await addNote(a, { x: oa.x + 400, y: oa.y + 300 }, 'fra Mette');
    await expect.poll(async () => (await notes(b)).length).toBe(1);
    await addNote(b, { x: ob.x + 800, y: ob.y + 300 }, 'fra Ola');
    await expect.poll(async () => (await notes(a)).length).toBe(2);

    await a.keyboard.press('Control+z');

    for (const page of [a, b]) {
      await expect.poll(async () => (await notes(page)).map((n) => n.text)).toEqual(['fra Ola']);
    }
    // And redo brings it back, again for both.
    await a.keyboard.press('Control+Shift+z');
    for (const page of [a, b]) {
      await expect.poll(async () => (await notes(page)).map((n) => n.text).sort()).toEqual(['fra Mette', 'fra Ola']);
    }
  });
});

describe('nothing is lost', () => {
  it('keeps the board across a reload and a server restart', async () => {
    const boardId = await createBoard(server, 'Gem');
    const a = await openBoard(boardId, 'Mette');
    const o = await canvasOrigin(a);
    await addNote(a, { x: o.x + 400, y: o.y + 300 }, 'Hva kan vi gjøre sammen?');
    await a.keyboard.press('o');
    await drag(a, { x: o.x + 700, y: o.y + 250 }, { x: o.x + 900, y: o.y + 400 });
    await a.keyboard.press('f');
    await drag(a, { x: o.x + 200, y: o.y + 120 }, { x: o.x + 600, y: o.y + 500 });

    const before = await elements(a);
    expect(Object.values(before).map((e) => e.type).sort()).toEqual(['frame', 'note', 'shape']);
    const note = Object.values(before).find((e) => e.type === 'note')!;
    const frame = Object.values(before).find((e) => e.type === 'frame')!;
    // The note was inside the frame when the frame was drawn around it.
    expect(note.frameId).toBe(frame.id);

    await a.reload();
    await a.locator('[data-testid=connection-status][data-status=online]').waitFor();
    await expect.poll(() => elements(a)).toEqual(before);

    await server.restart();
    const c = await openBoard(boardId, 'Kari');
    await expect.poll(() => elements(c)).toEqual(before);
    await expect.poll(async () => (await konvaNode(c, `text-${note.id}`))?.text).toBe('Hva kan vi gjøre sammen?');
  });
});

describe('moves are seen live', () => {
  it('another page sees a note move while it is being dragged, before it is dropped', async () => {
    const boardId = await createBoard(server, 'Live');
    const a = await openBoard(boardId, 'Mette');
    const b = await openBoard(boardId, 'Ola');
    const oa = await canvasOrigin(a);
    await addNote(a, { x: oa.x + 400, y: oa.y + 300 }, 'flyttes');
    await expect.poll(async () => Object.values(await elements(b)).filter((e) => e.type === 'note').length).toBe(1);
    const note = Object.values(await elements(a)).find((e) => e.type === 'note')!;
    await expect.poll(async () => (await konvaNode(b, `el-${note.id}`))?.x).toBe(note.x);

    await a.keyboard.press('Escape');
    await a.keyboard.press('v');
    await a.mouse.move(oa.x + 400, oa.y + 300);
    await a.mouse.down();
    await a.mouse.move(oa.x + 500, oa.y + 350, { steps: 5 });
    await a.mouse.move(oa.x + 600, oa.y + 400, { steps: 5 });
    // Still held: the document has not changed, yet B draws the note where A is dragging it.
    await expect.poll(async () => (await konvaNode(b, `el-${note.id}`))?.x as number).toBeGreaterThan((note.x as number) + 100);
    expect((await elements(b))[note.id]).toMatchObject({ x: note.x, y: note.y });
    await a.mouse.up();
    await expect.poll(async () => (await elements(b))[note.id]?.x as number).toBeGreaterThan((note.x as number) + 100);
  });
});
