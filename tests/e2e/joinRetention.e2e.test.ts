import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser.js';
import { createWorkshop } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';

/**
 * A citizen is told how long the workshop is kept before giving a name (GDPR art. 13): the join page
 * shows the workshop's retention as soon as the code is complete, in the page's language.
 */
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer({ env: { RETENTION_MAX_DAYS: '90' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('the join page says which workshop the code opens and after how many days it is deleted', async () => {
  const w = await createWorkshop(server, { title: 'Borgerpanel Vejle', language: 'da', retentionDays: 30 });
  const page = await browser.newPage({ locale: 'en-GB' });
  await page.goto(`${server.url}/join/${w.joinCode}`);
  const line = page.getByRole('status').filter({ hasText: 'Borgerpanel Vejle' });
  await line.waitFor();
  expect(await line.textContent()).toBe('“Borgerpanel Vejle”: everything you write is deleted 30 days after the workshop\'s last change.');
  // A wrong code shows nothing (and the join button still says so).
  await page.locator('#join-code').fill('ZZZZZZ');
  await line.waitFor({ state: 'detached' });
  await page.close();
}, 60_000);
