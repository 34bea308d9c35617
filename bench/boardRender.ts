/**
 * How the board client copes with a big board: 5,000 notes, in real (software-rendered) Chromium
 * against the real built server. Frame times are measured in the page with requestAnimationFrame
 * while wheel events pan or zoom; load time is from navigation until all notes are in the page's doc
 * and a frame has been drawn. Needs `npm run build` first.
 */
import type { Page } from 'playwright-core';
import { insertElement, type StickyNote } from '../shared/src/index.ts';
import { launchChromium } from '../tests/harness/browser.ts';
import { createBoard, startServer } from '../tests/harness/server.ts';
import { connectClient, synced, waitForDoc } from '../tests/harness/yclient.ts';
import { type BenchTable, machine, median } from './table.ts';

const NOTES = 5000;
const COLORS = ['yellow', 'orange', 'pink', 'green', 'blue', 'purple', 'grey'] as const;

type FrameStats = { median: number; p95: number; max: number };

async function frames(page: Page, event: WheelEventInit, count: number): Promise<FrameStats> {
  return page.evaluate(
    async ({ event, count }) => {
      const canvas = document.querySelector('[data-testid=board-canvas]')!;
      const times: number[] = [];
      let last = performance.now();
      for (let i = 0; i < count; i++) {
        canvas.dispatchEvent(new WheelEvent('wheel', { ...event, clientX: 600, clientY: 400, bubbles: true, cancelable: true }));
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        times.push(now - last);
        last = now;
      }
      times.sort((a, b) => a - b);
      return { median: times[Math.floor(count / 2)]!, p95: times[Math.floor(count * 0.95)]!, max: times[count - 1]! };
    },
    { event, count },
  );
}

export async function run(): Promise<BenchTable> {
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const boardId = await createBoard(server, 'Bench');
    const writer = connectClient(server.wsUrl, boardId);
    await synced(writer);
    writer.doc.transact(() => {
      for (let n = 0; n < NOTES; n++) {
        const note: StickyNote = {
          id: `n${n}`, type: 'note', index: `a${n}`, frameId: null, x: (n % 100) * 220, y: Math.floor(n / 100) * 220,
          width: 200, height: 200, color: COLORS[n % 7]!, text: `Lapp ${n}: hva er viktig for deg? æøå`,
        };
        insertElement(writer.doc, note);
      }
    });
    const check = connectClient(server.wsUrl, boardId);
    await waitForDoc(check.doc, (d) => d.getMap('elements').size === NOTES, 60_000);
    check.destroy();
    writer.destroy();

    const loads: number[] = [];
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.addInitScript(() => localStorage.setItem('sammen.name', 'Bench'));
    for (let i = 0; i < 3; i++) {
      const start = Date.now();
      await page.goto(`${server.url}/b/${boardId}`);
      await page.waitForFunction((n) => (window as any).__sammen?.doc.getMap('elements').size === n, NOTES, { timeout: 60_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      loads.push(Date.now() - start);
    }
    await page.keyboard.press('Escape');
    await page.click('.zoom-level'); // 100 %
    await frames(page, { deltaX: 40, deltaY: 25 }, 10); // warm up
    const pan = await frames(page, { deltaX: 40, deltaY: 25 }, 60);
    const zoomOut = await frames(page, { deltaY: 20, ctrlKey: true }, 30);
    const panFar = await frames(page, { deltaX: -60, deltaY: -40 }, 60);
    const fmt = (s: FrameStats) => [s.median.toFixed(1), s.p95.toFixed(1), s.max.toFixed(1)];
    return {
      title: `Board client with ${NOTES.toLocaleString('en')} notes (Chromium, software rendering)`,
      command: 'npm run bench -- boardRender',
      machine: machine(),
      headers: ['what', 'median ms', 'p95 ms', 'max ms'],
      rows: [
        ['open the board (navigation → all notes drawn), 3 runs', median(loads).toFixed(0), '', Math.max(...loads).toFixed(0)],
        ['pan at 100 % (frame time)', ...fmt(pan)],
        ['zoom out step by step (frame time)', ...fmt(zoomOut)],
        ['pan zoomed out (frame time)', ...fmt(panFar)],
      ],
      notes: [
        'Only elements in view are drawn (an R-tree over element bounds); zoomed far out, notes are drawn without text.',
        'Headless Chromium with --disable-gpu draws on the CPU: a browser with a GPU draws faster.',
        '16.7 ms is one frame at 60 Hz.',
      ],
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
