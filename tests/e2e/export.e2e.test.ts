import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { COLORS, type Element } from '@sammen/shared';
import { launchChromium } from '../harness/browser.js';
import { createWorkshop } from '../harness/control.js';
import { type RunningServer, createBoard, startServer } from '../harness/server.js';
import { seedBoard } from '../harness/yclient.js';

/**
 * Exports in real Chromium: a frame as PNG at 1× and 2× (size from the PNG's IHDR header, content
 * read back through a canvas in the page), SVG and PDF, with the frame outside the current view.
 * Then the workshop outputs as a facilitator sees them: turning a note into an action card, naming a
 * version, restoring it, and undoing the restore with Ctrl+Z. No sleeps: every wait is for a condition.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const FRAME = { x: 0, y: 0, width: 640, height: 420 };
const base = { index: 'a0', frameId: null };

async function seed(boardId: string, elements: Element[], token?: string): Promise<void> {
  (await seedBoard(server.wsUrl, boardId, elements, token)).destroy();
}

async function openPage(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', acceptDownloads: true });
  await context.addInitScript(() => window.localStorage.setItem('sammen.name', 'Tester'));
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  await page.goto(`${server.url}${path}`);
  await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
  return page;
}

/** Clicks an element's title or body on the canvas, found through Konva's own layout. */
async function clickNode(page: Page, id: string, where: 'title' | 'center'): Promise<void> {
  const rect = await page.evaluate((nodeId) => {
    type Node = { getClientRect(): { x: number; y: number; width: number; height: number } };
    const stage = (window as unknown as { Konva: { stages: Array<{ findOne(s: string): Node | undefined; container(): HTMLElement }> } }).Konva.stages[0]!;
    const r = stage.findOne(`#el-${nodeId}`)!.getClientRect();
    const c = stage.container().getBoundingClientRect();
    return { x: r.x + c.x, y: r.y + c.y, width: r.width, height: r.height };
  }, id);
  if (where === 'title') await page.mouse.click(rect.x + 12, rect.y + 6);
  else await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Decodes the PNG in the page (a canvas) and counts pixels of each of the given colours. */
function countColours(page: Page, png: Buffer, colours: string[]): Promise<{ counts: number[]; distinct: number; total: number }> {
  return page.evaluate(
    async ({ b64, colours }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const rgb = colours.map((h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)));
      const counts = colours.map(() => 0);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        rgb.forEach((c, k) => {
          if (Math.abs(data[i]! - c[0]!) <= 2 && Math.abs(data[i + 1]! - c[1]!) <= 2 && Math.abs(data[i + 2]! - c[2]!) <= 2) counts[k]!++;
        });
      }
      return { counts, distinct: seen.size, total: data.length / 4 };
    },
    { b64: png.toString('base64'), colours },
  );
}

async function exportAs(page: Page, format: string): Promise<{ bytes: Buffer; name: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), page.locator(`.export-dialog button[data-format=${format}]`).click()])) as [Download, void];
  const path = await download.path();
  return { bytes: fs.readFileSync(path), name: download.suggestedFilename() };
}

describe('export', () => {
  it('a frame outside the view as PNG at 1× and 2×, SVG and PDF', async () => {
    const boardId = await createBoard(server, 'Eksport');
    await seed(boardId, [
      { ...base, id: 'f1', type: 'frame', ...FRAME, title: 'Hvad er vigtigt for dig?', fill: 'white' },
      { ...base, id: 'n1', type: 'note', frameId: 'f1', index: 'a1', x: 40, y: 60, width: 200, height: 200, color: 'pink', text: 'Flere bænke ved søen' },
      { ...base, id: 'far', type: 'note', index: 'a2', x: 6000, y: 6000, width: 200, height: 200, color: 'blue', text: 'Langt væk' },
    ]);
    const page = await openPage(`/b/${boardId}`);
    // Frames always have a node of their own (zoomed out, notes are drawn by one batched shape).
    await page.waitForFunction(() => !!(window as unknown as { Konva?: { stages: Array<{ findOne(s: string): unknown }> } }).Konva?.stages[0]?.findOne('#el-f1'));
    await clickNode(page, 'f1', 'title');
    await page.locator('[data-testid=export-selection]').waitFor();
    // Zoom in on the middle of the board: the frame leaves the view (and the render window).
    for (let i = 0; i < 6; i++) await page.locator('.zoom-controls button').nth(2).click();
    await page.waitForFunction(() => !(window as unknown as { Konva: { stages: Array<{ findOne(s: string): unknown }> } }).Konva.stages[0]!.findOne('#el-f1'));

    await page.locator('[data-testid=export-selection]').click();
    await page.locator('.export-dialog').waitFor();
    for (const [format, factor] of [
      ['png1', 1],
      ['png2', 2],
    ] as const) {
      const { bytes, name } = await exportAs(page, format);
      expect(name).toMatch(/\.png$/);
      const size = pngSize(bytes);
      expect(Math.abs(size.width - FRAME.width * factor)).toBeLessThanOrEqual(2);
      expect(Math.abs(size.height - FRAME.height * factor)).toBeLessThanOrEqual(2);
      const { counts, distinct, total } = await countColours(page, bytes, [COLORS.pink.fill, '#ffffff', COLORS.blue.fill]);
      // The note: 200 × 200 board units, less its border and the text drawn on it.
      expect(counts[0]).toBeGreaterThan(150 * 150 * factor * factor);
      expect(counts[1]).toBeGreaterThan(total / 3); // white background and frame
      expect(counts[2]).toBe(0); // the far note is not in the frame
      expect(distinct).toBeGreaterThan(10); // text and edges, not a flat fill
    }

    const svg = await exportAs(page, 'svg');
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect(text).toContain('viewBox="0 0 640 420"');
    expect(text).toContain(COLORS.pink.fill);
    // The note's text, wrapped into lines as on the board.
    expect(text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).toContain('Flere bænke ved søen');

    const pdf = await exportAs(page, 'pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 640\.?\d* 420\.?\d*\]/);
    await page.context().close();
  });
});

describe('action cards and versions (facilitator)', () => {
  it('turns a note into an action, names a version, restores it and undoes the restore', async () => {
    const w = await createWorkshop(server, { title: 'Borgerpanel', language: 'da' });
    await seed(
      w.boardId,
      [
        { ...base, id: 'c1', type: 'frame', x: 0, y: 0, width: 500, height: 300, title: 'Grønne områder', fill: 'green', variant: 'cluster' },
        { ...base, id: 'n1', type: 'note', frameId: 'c1', index: 'a1', x: 40, y: 60, width: 200, height: 200, color: 'yellow', text: 'Flere bænke' },
      ],
      w.facilitatorToken,
    );
    const page = await openPage(`/b/${w.boardId}#token=${w.facilitatorToken}`);
    const docElements = () =>
      page.evaluate(() => {
        const hook = (window as unknown as { __sammen: { elements(): Array<Record<string, unknown>> } }).__sammen;
        return hook.elements();
      });
    await page.waitForFunction(() => !!(window as unknown as { Konva?: { stages: Array<{ findOne(s: string): unknown }> } }).Konva?.stages[0]?.findOne('#el-c1'));

    // Turn the cluster into an action: the card appears to its right, the dialog opens.
    await clickNode(page, 'c1', 'title');
    await page.locator('[data-testid=turn-into-action]').click();
    const dialog = page.locator('[data-testid=action-dialog]');
    await dialog.waitFor();
    await dialog.getByLabel('What').fill('Bænke ved søen');
    await dialog.getByLabel('Citizens').check();
    await dialog.getByLabel('The municipality').check();
    await dialog.getByLabel('First step').fill('Gåtur med teknisk forvaltning');
    await dialog.getByLabel('When', { exact: true }).fill('Maj');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.waitForFunction(() => {
      const hook = (window as unknown as { __sammen: { elements(): Array<Record<string, unknown>> } }).__sammen;
      return hook.elements().some((e) => e.type === 'action' && e.when === 'Maj');
    });
    const card = (await docElements()).find((e) => e.type === 'action')!;
    expect(card).toMatchObject({ sourceId: 'c1', what: 'Bænke ved søen', who: ['citizen', 'municipality'], firstStep: 'Gåtur med teknisk forvaltning' });
    expect(card.x as number).toBeGreaterThanOrEqual(500);

    // Name this version, then change the board.
    await page.locator('[data-testid=outputs-menu]').click();
    await page.locator('[data-testid=outputs-name-version]').click();
    await page.locator('.versions-dialog').getByLabel('Name the board as it is now').fill('Efter handlinger');
    await page.locator('.versions-dialog').getByRole('button', { name: 'Save version' }).click();
    await page.locator('.versions-dialog .version-list li', { hasText: 'Efter handlinger' }).waitFor();
    await page.locator('.versions-dialog').getByRole('button', { name: 'Close' }).click();
    const named = await docElements();
    await clickNode(page, 'n1', 'center');
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => {
      const hook = (window as unknown as { __sammen: { doc: { getMap(n: string): { has(id: string): boolean } } } }).__sammen;
      return !hook.doc.getMap('elements').has('n1');
    });

    // Restore it: the board is as named, and "Before restoring …" was saved first.
    await page.locator('[data-testid=outputs-menu]').click();
    await page.locator('[data-testid=outputs-versions]').click();
    const row = page.locator('.versions-dialog .version-list li', { hasText: 'Efter handlinger' });
    await row.getByRole('button', { name: 'Preview' }).click();
    await page.locator('.version-preview img').waitFor();
    await row.getByRole('button', { name: 'Restore …' }).click();
    await page.locator('[data-testid=confirm-restore]').click();
    await page.locator('.versions-dialog .version-list li', { hasText: 'Before restoring Efter handlinger' }).waitFor();
    const sortById = (els: Array<Record<string, unknown>>) => [...els].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    // "Before restoring …" is saved first; the restore itself lands a moment later.
    await expect.poll(async () => sortById(await docElements()), { timeout: 15_000 }).toEqual(sortById(named));
    await page.locator('.versions-dialog').getByRole('button', { name: 'Close' }).click();

    // One Ctrl+Z undoes the whole restore.
    await page.locator('[data-testid=board-canvas]').focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => {
      const hook = (window as unknown as { __sammen: { doc: { getMap(n: string): { has(id: string): boolean } } } }).__sammen;
      return !hook.doc.getMap('elements').has('n1');
    });
    expect((await docElements()).some((e) => e.type === 'action')).toBe(true);

    // The backup from the menu, imported on the home page: a damaged file is refused with the
    // server's reason; the real one opens as a new workshop with this person as facilitator.
    await page.locator('[data-testid=outputs-menu]').click();
    const [backup] = (await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=outputs-backup]').click()])) as [Download, void];
    const backupBytes = fs.readFileSync(await backup.path());
    await page.goto(`${server.url}/`);
    await page.locator('[data-testid=import-backup]').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"nonsense"}') });
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/could not be imported: .+/);
    await page.locator('[data-testid=import-backup]').setInputFiles({ name: backup.suggestedFilename(), mimeType: 'application/json', buffer: backupBytes });
    await page.waitForURL(/\/b\/[^/#]+$/);
    expect(page.url()).not.toContain(w.boardId);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
    await page.locator('[data-testid=outputs-menu]').waitFor();
    await page.waitForFunction(() => {
      const hook = (window as unknown as { __sammen?: { elements(): Array<Record<string, unknown>> } }).__sammen;
      return !!hook && hook.elements().some((e) => e.type === 'action' && e.when === 'Maj');
    });
    await page.context().close();
  });
});
