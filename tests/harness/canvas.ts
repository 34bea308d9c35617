import type { Page } from 'playwright-core';
import type { DrawnText } from '../../client/src/board/drawnText.js';

export type { DrawnText };

/** Every text the page's canvas draws in view, as the client's test hook reports it (`window.__sammen`). */
export function drawnText(page: Page): Promise<DrawnText[]> {
  return page.evaluate(() => (window as unknown as { __sammen: { drawnText(): DrawnText[] } }).__sammen.drawnText());
}
