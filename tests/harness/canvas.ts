import type { Page } from 'playwright-core';
import type { DrawnText } from '../../client/src/board/drawnText.js';

export type { DrawnText };

/** Every text the page's canvas draws in view, as the client's test hook reports it (`window.__sammen`). */
export function drawnText(page: Page): Promise<DrawnText[]> {
  return page.evaluate(() => (window as unknown as { __sammen: { drawnText(): DrawnText[] } }).__sammen.drawnText());
}

/** Where a board rectangle is drawn on the page (from the board's Konva stage camera), in page pixels. */
export async function boardBoxOnScreen(page: Page, box: { x: number; y: number; width: number; height: number }): Promise<{ left: number; right: number; top: number; bottom: number }> {
  const canvas = (await page.locator('[data-testid=board-canvas]').boundingBox())!;
  const camera = await page.evaluate(() => {
    const stages = (window as unknown as { Konva: { stages: Array<{ x(): number; y(): number; scaleX(): number; container(): HTMLElement }> } }).Konva.stages;
    const stage = stages.find((s) => s.container().closest('[data-testid=board-canvas]')) ?? stages[0]!;
    return { x: stage.x(), y: stage.y(), scale: stage.scaleX() };
  });
  const left = canvas.x + camera.x + box.x * camera.scale;
  const top = canvas.y + camera.y + box.y * camera.scale;
  return { left, right: left + box.width * camera.scale, top, bottom: top + box.height * camera.scale };
}

/** Whether a click at the middle of `selector`'s element reaches it (no panel drawn over it). */
export function reachable(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
  });
}
