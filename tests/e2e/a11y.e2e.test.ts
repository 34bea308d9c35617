import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { getElements, insertElement, newElementId, stickyNoteDefaults, type Frame } from '@sammen/shared';
import { launchChromium } from '../harness/browser.js';
import { connectControl, createWorkshop, join, type ControlClient } from '../harness/control.js';
import { startServer, type RunningServer } from '../harness/server.js';
import { connectClient, synced, waitForDoc, type YClient } from '../harness/yclient.js';

/**
 * axe-core in real Chromium on every page and main state: no serious or critical violation of WCAG
 * 2.0/2.1/2.2 A and AA rules. Every violation found (of any impact) is printed, so the moderate and
 * minor ones stay visible too. The workshop is a citizen panel from the built-in template with a few
 * notes, an open vote and a running timer, so the board states hold what people really see.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let server: RunningServer;
let browser: Browser;
let w: Awaited<ReturnType<typeof createWorkshop>>;
let fac: ControlClient;
let board: YClient;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  w = await createWorkshop(server, { title: 'Borgerpanel', language: 'da', template: 'citizen-conversation' });
  fac = await connectControl(server.url, w.facilitatorToken);
  board = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
  await synced(board);
  await waitForDoc(board.doc, (d) => getElements(d).some((e) => e.type === 'frame'));
  const frame = getElements(board.doc).find((e): e is Frame => e.type === 'frame')!;
  const ids: string[] = [];
  board.doc.transact(() => {
    ['Cykelstier til skolen', 'Flere bænke ved søen', ''].forEach((text, i) => {
      const id = newElementId();
      ids.push(id);
      insertElement(board.doc, { ...stickyNoteDefaults, id, type: 'note', x: frame.x + 40 + i * 220, y: frame.y + 60, text, color: (['yellow', 'green', 'pink'] as const)[i]!, index: `a${i}`, frameId: frame.id });
    });
  });
  expect(await fac.run({ type: 'timer.start', seconds: 600 })).toEqual({ ok: true });
  expect(await fac.run({ type: 'vote.start', elementIds: ids, dotsPerPerson: 3, allowMultiplePerElement: false, title: 'Hvad er vigtigst?' })).toEqual({ ok: true });
});

afterAll(async () => {
  fac?.close();
  board?.destroy();
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'da-DK' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  return page;
}

const found: Record<string, string[]> = {};

/** Runs axe; fails on serious or critical violations, naming each rule and where it fired. */
async function check(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  // axe really looked: rules passed on this page (an empty or unloaded page would pass nothing).
  expect(results.passes.length, name).toBeGreaterThan(5);
  const list = results.violations.map((v) => `${v.impact} ${v.id} ×${v.nodes.length}`);
  found[name] = list;
  console.log(`axe ${name}: ${list.length ? list.join('; ') : 'no violations'}`);
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} (${n.failureSummary?.split('\n')[1]?.trim() ?? ''})`).join(' | ')}`);
  expect(bad, name).toEqual([]);
}

async function openBoard(token: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${server.url}/b/${w.boardId}#token=${encodeURIComponent(token)}`);
  await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
  // The agenda bar for participants and observers; the facilitator has it in the run sheet.
  await page.getByTestId('agenda-bar').or(page.locator('#fac-panel-body')).first().waitFor();
  return page;
}

describe('axe-core: no serious or critical WCAG 2.2 AA violations', () => {
  it('front page', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check(page, 'home');
  });

  it('join page, also with an error shown', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/join`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check(page, 'join');
    await page.getByLabel('Dit navn').fill('Olga');
    await page.locator('#join-code').fill('ZZZZZZ');
    await page.locator('form button[type=submit]').click();
    await page.getByRole('alert').first().waitFor();
    await check(page, 'join (error)');
  });

  it('new workshop page', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/new`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('main').getByRole('button').first().waitFor();
    await check(page, 'new workshop');
  });

  it('accessibility statement and privacy notice, in every language', async () => {
    const page = await newPage();
    for (const path of ['/accessibility', '/privacy']) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(page, path);
      // The footer links every page to both.
      expect(await page.getByRole('contentinfo').getByRole('link').count()).toBe(2);
    }
    for (const lang of ['nb', 'nn', 'en']) {
      await page.getByRole('combobox').first().selectOption(lang);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(new URL(page.url()).pathname).toBe('/privacy');
    }
  });

  it('board as facilitator, panel open on every tab', async () => {
    const page = await openBoard(w.facilitatorToken);
    await page.locator('#fac-panel-body').waitFor();
    await check(page, 'board (facilitator, run sheet)');
    const panel = page.getByRole('complementary', { name: 'Facilitatorpanel' });
    for (const name of ['Program', 'Deltagere', 'Del', 'Værktøj']) {
      await panel.getByRole('tab', { name, exact: true }).click();
      await expect.poll(() => panel.getByRole('tab', { name, exact: true }).getAttribute('aria-selected')).toBe('true');
      await check(page, `board (facilitator, ${name})`);
    }
    // The facilitator link's QR code, shown on request.
    await panel.getByRole('tab', { name: 'Del', exact: true }).click();
    await panel.getByRole('button', { name: 'Vis QR-kode' }).click();
    await panel.getByRole('img', { name: 'QR-kode med dit facilitatorlink' }).waitFor();
    await check(page, 'board (facilitator, QR code)');
    await page.context().close();
  });

  it('board as facilitator on a phone, run sheet open', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${server.url}/b/${w.boardId}#token=${encodeURIComponent(w.facilitatorToken)}`);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
    await page.getByRole('button', { name: 'Facilitator' }).click();
    await page.getByTestId('next-action').or(page.getByTestId('next-action-hint')).first().waitFor();
    await check(page, 'board (facilitator, phone)');
    await page.context().close();
  });

  it('board as participant, during a vote, and the accessible view', async () => {
    const page = await openBoard(await join(server, w.joinCode, 'Olga'));
    await page.getByTestId('vote-bar').waitFor();
    await check(page, 'board (participant)');
    await page.getByTestId('list-view-toggle').click();
    await page.getByTestId('accessible-view').waitFor();
    // The template's own texts, and the three notes.
    await expect.poll(() => page.locator('[data-testid=a11y-item]', { hasText: 'Cykelstier til skolen' }).count()).toBe(1);
    await check(page, 'accessible view (participant)');
  });

  it('board as observer', async () => {
    const page = await openBoard(w.observerToken);
    await page.getByTestId('observer-banner').waitFor();
    await check(page, 'board (observer)');
    await page.getByTestId('list-view-toggle').click();
    await page.getByTestId('accessible-view').waitFor();
    await check(page, 'accessible view (observer)');
  });

  it('HTML report', async () => {
    const res = await fetch(`${server.url}/api/workshops/${w.id}/report?format=html`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } });
    expect(res.status).toBe(200);
    const page = await newPage();
    await page.setContent(await res.text());
    await check(page, 'HTML report');
  });

  it('letter to participants', async () => {
    const res = await fetch(`${server.url}/api/workshops/${w.id}/report?format=letter`, { headers: { authorization: `Bearer ${w.facilitatorToken}` } });
    expect(res.status).toBe(200);
    const page = await newPage();
    await page.setContent(await res.text());
    await check(page, 'letter to participants');
  });

  afterAll(() => {
    console.log(`axe summary:\n${Object.entries(found).map(([k, v]) => `  ${k}: ${v.length ? v.join('; ') : 'none'}`).join('\n')}`);
  });
});

describe('reflow (WCAG 1.4.10)', () => {
  it('pages around the board fit 320 CSS px without sideways scrolling, also at 200 % text size', async () => {
    const page = await newPage({ width: 320, height: 640 });
    for (const textScale of ['100%', '200%']) {
      for (const path of ['/', '/join', '/new', '/accessibility', '/privacy']) {
        await page.goto(`${server.url}${path}`);
        await page.addStyleTag({ content: `html { font-size: ${textScale}; }` });
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll<HTMLElement>('body *')]
            .filter((el) => el.getBoundingClientRect().right > width + 1 && el.getBoundingClientRect().width > 0)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
          return { scroll: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
        });
        expect(overflow.scroll, `${path} at ${textScale}: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(overflow.width);
      }
    }
  });
});
