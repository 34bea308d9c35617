import { describe, expect, it } from 'vitest';
import type { Element } from '@sammen/shared';
import { gotoBoard } from '../harness/boardPage.js';
import { createWorkshop } from '../harness/control.js';
import { browserSession } from '../harness/session.js';
import { seedBoard } from '../harness/yclient.js';

/**
 * The letter to participants from the facilitator's "Report & export" menu in real Chromium: the item
 * is there in the workshop's UI language, and it opens the letter, in the workshop's language, in a
 * new tab. No sleeps: every wait is for an event or an element.
 */
const session = browserSession();

describe('letter to participants', () => {
  it('opens from the report menu in a new tab, with the question, the themes and the action', async () => {
    const w = await createWorkshop(session.server, { language: 'nb', title: 'Hva er viktig for deg?', place: 'Rådhuset', question: 'Hva gjør bygda god å bo i?' });
    const elements: Element[] = [
      { id: 'f1', type: 'frame', index: 'a0', frameId: null, x: 0, y: 0, width: 900, height: 600, title: 'Innspill', fill: 'white' },
      { id: 'c1', type: 'frame', index: 'a1', frameId: 'f1', x: 20, y: 80, width: 500, height: 300, title: 'Møteplasser', fill: 'white', variant: 'cluster' },
      { id: 'n1', type: 'note', index: 'a2', frameId: 'c1', x: 40, y: 120, width: 160, height: 160, color: 'yellow', text: 'Et kafé på torget' },
      { id: 'a1', type: 'action', index: 'a3', frameId: null, x: 0, y: 800, width: 400, height: 200, color: 'white', what: 'Prøv ut lørdagskafé', who: ['association'], whoDetail: 'Bygdelaget', firstStep: 'Søke om lokale', when: 'Mai', sourceId: 'c1' },
    ];
    (await seedBoard(session.server.wsUrl, w.boardId, elements, w.facilitatorToken)).destroy();

    const context = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
    await context.addInitScript(() => window.localStorage.setItem('sammen.name', 'Tester'));
    const page = await context.newPage();
    await gotoBoard(page, session.server, w.boardId, w.facilitatorToken);
    await page.locator('[data-testid=outputs-menu]').click();
    const item = page.locator('[data-testid=outputs-letter]');
    await expect(item.textContent()).resolves.toMatch(/brev/i);
    const [tab] = await Promise.all([context.waitForEvent('page'), item.click()]);
    await tab.waitForURL(/^blob:/);
    await tab.locator('h1').waitFor();
    expect(await tab.locator('html').getAttribute('lang')).toBe('nb');
    expect(await tab.locator('h1').textContent()).toBe('Dette skjedde med innspillene deres: Hva er viktig for deg?');
    const body = (await tab.locator('body').textContent()) ?? '';
    expect(body).toContain('Hva gjør bygda god å bo i?');
    expect(body).toContain('i Rådhuset');
    expect(body).toContain('Møteplasser (1 lapp)');
    expect(body).toContain('Prøv ut lørdagskafé (Foreninger, Bygdelaget)');
    expect(body).toContain('Første steg: Søke om lokale · Når: Mai');
    await context.close();
  });
});
