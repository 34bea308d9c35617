import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from '../harness/browser.js';
import { connectControl } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';

/**
 * Retention in the browser: the facilitator picks it on the new-workshop page, and a citizen is told
 * before giving a name (GDPR art. 13) — the join page shows the workshop and its retention as soon as
 * the code is complete, in the page's language.
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

it('the facilitator chooses 30 days; the join page says which workshop the code opens and that it is deleted after 30 days', async () => {
  const facilitator = await browser.newPage({ locale: 'en-GB' });
  await facilitator.goto(`${server.url}/new`);
  await facilitator.getByLabel('Workshop title').fill('Borgerpanel Vejle');
  await facilitator.getByLabel('Delete everything in the workshop').selectOption({ label: '30 days after the last change' });
  await facilitator.getByRole('button', { name: 'Create workshop' }).click();
  await facilitator.waitForURL(/\/b\/[^#]+#token=/);
  const token = decodeURIComponent(new URL(facilitator.url()).hash.replace('#token=', ''));
  const control = await connectControl(server.url, token);
  const joinCode = control.view().links!.joinCode;
  control.close();
  await facilitator.close();

  const page = await browser.newPage({ locale: 'en-GB' });
  await page.goto(`${server.url}/join/${joinCode}`);
  const line = page.getByRole('status').filter({ hasText: 'Borgerpanel Vejle' });
  await line.waitFor();
  expect(await line.textContent()).toBe('“Borgerpanel Vejle”: everything you write is deleted 30 days after the workshop\'s last change.');
  // Another code shows nothing of this workshop.
  await page.locator('#join-code').fill('ZZZZZZ');
  await line.waitFor({ state: 'detached' });
  await page.close();
}, 60_000);
