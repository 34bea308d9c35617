import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { BrowserSession } from './session.js';

type Device = NonNullable<Parameters<Browser['newContext']>[0]>;

/** A laptop screen, English UI. */
export const DESKTOP: Device = { viewport: { width: 1440, height: 900 }, locale: 'en-GB' };
/** A touch phone (390 × 844, 3× pixels), English UI. */
export const PHONE: Device = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3, locale: 'en-GB' };

/** Opens a board with a token in `page` and waits until its connection reads online. */
export async function gotoBoard(page: Page, server: { url: string }, boardId: string, token: string, timeout?: number): Promise<void> {
  await page.goto(`${server.url}/b/${boardId}#token=${encodeURIComponent(token)}`);
  await page.locator('[data-testid=connection-status][data-status=online]').waitFor(timeout === undefined ? undefined : { timeout });
}

/** A new page on `device` with the board open and online. */
export async function openBoard(session: BrowserSession, boardId: string, token: string, device: Device): Promise<Page> {
  const page = await session.newPage(device);
  await gotoBoard(page, session.server, boardId, token);
  return page;
}

/** Where `shot` puts its pictures (env SHOTS_DIR); empty: no pictures. */
export const SHOTS_DIR = process.env.SHOTS_DIR ?? '';

/** Pictures the page as `<SHOTS_DIR>/<name>.png`; without SHOTS_DIR, nothing. */
export async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png` });
}
