import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LANGUAGES, type Language, type TemplateSummary } from '@sammen/shared';
import { launchChromium } from '../harness/browser.js';
import { type RunningServer, startServer } from '../harness/server.js';

/**
 * Issue #11: the new-workshop gallery can be searched and filtered. In real Chromium against the
 * built server: for every built-in template and every language, a word of its title typed into the
 * search box (once as written, once without its accents) leaves that template's card in the gallery
 * and the live count says how many are shown; the audience, length and group-size filters narrow it.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;
let builtIns: TemplateSummary[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' })).newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  builtIns = ((await (await fetch(`${server.url}/api/templates`)).json()) as Array<TemplateSummary>).filter((t) => t.builtIn);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The longest word of the title: the one a person would most likely type. */
const longestWord = (title: string): string => title.split(/[^\p{L}\p{N}]+/u).reduce((a, b) => (b.length > a.length ? b : a), '');
const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ø/g, 'o').replace(/Ø/g, 'O').replace(/æ/g, 'ae').replace(/Æ/g, 'Ae');

const shownIds = (): Promise<string[]> =>
  page.$$eval('[data-testid=template-gallery] input[name=template]', (inputs) => inputs.map((i) => (i as HTMLInputElement).value).filter(Boolean));
const count = async (): Promise<number> => Number(await page.getAttribute('[data-testid=template-count]', 'data-count'));

describe('template gallery search and filters (issue #11)', () => {
  it('finds every built-in template by a word of its title in every language, with and without accents', async () => {
    expect(builtIns.length).toBeGreaterThanOrEqual(10);
    await page.goto(`${server.url}/new`);
    const search = page.getByRole('searchbox');
    await search.waitFor();
    expect(await count()).toBe(builtIns.length);
    const misses: string[] = [];
    for (const language of LANGUAGES) {
      await page.selectOption('#workshop-language', language);
      for (const t of builtIns) {
        const word = longestWord(t.title[language as Language]!);
        for (const typed of new Set([word, stripAccents(word).toLowerCase()])) {
          await search.fill(typed);
          await page.waitForFunction(
            (id) => [...document.querySelectorAll('[data-testid=template-gallery] input[name=template]')].some((i) => (i as HTMLInputElement).value === id),
            t.id,
            { timeout: 2000 },
          ).catch(() => misses.push(`${t.id} [${language}] "${typed}"`));
          const shown = await shownIds();
          expect(await count(), `${language} "${typed}"`).toBe(shown.length);
        }
      }
    }
    expect(misses).toEqual([]);
    // The two named templates are found by their question.
    await page.selectOption('#workshop-language', 'da');
    await search.fill('gore sammen');
    expect(await shownIds()).toContain('do-together');
    await search.fill('Hvad er vigtigt for dig');
    expect(await shownIds()).toContain('what-matters');
    // A word no template has: nothing shown, and the count says so.
    await search.fill('zzqx');
    await page.waitForFunction(() => document.querySelector('[data-testid=template-count]')?.getAttribute('data-count') === '0');
    expect(await shownIds()).toEqual([]);
    // "Show all" clears the search.
    await page.getByRole('button', { name: 'Vis alle' }).click();
    expect(await search.inputValue()).toBe('');
    expect(await count()).toBe(builtIns.length);
  }, 120_000);

  it('filters by audience, length and number of people, each a labelled control', async () => {
    await page.goto(`${server.url}/new`);
    await page.getByRole('searchbox').waitFor();
    await page.getByLabel('Til', { exact: true }).selectOption('politicians');
    await page.waitForFunction(() => !document.querySelector('[data-testid=template-gallery] input[value=what-matters]'));
    const politicians = await shownIds();
    expect(politicians).toContain('politician-role');
    expect(politicians).not.toContain('what-matters');
    expect(politicians.sort()).toEqual(builtIns.filter((t) => t.audience.includes('politicians')).map((t) => t.id).sort());
    await page.getByLabel('Til', { exact: true }).selectOption('');
    await page.getByLabel('Varighed').selectOption('short');
    await page.waitForFunction(() => !document.querySelector('[data-testid=template-gallery] input[value=do-together]'));
    expect((await shownIds()).sort()).toEqual(builtIns.filter((t) => t.durationMinutes <= 60).map((t) => t.id).sort());
    await page.getByLabel('Varighed').selectOption('');
    await page.getByLabel('Antal deltagere').fill('35');
    const fits = builtIns.filter((t) => t.groupSize.min <= 35 && t.groupSize.max >= 35).map((t) => t.id).sort();
    expect(fits.length).toBeLessThan(builtIns.length);
    await page.waitForFunction((n) => document.querySelector('[data-testid=template-count]')?.getAttribute('data-count') === String(n), fits.length);
    expect((await shownIds()).sort()).toEqual(fits);
    expect(await count()).toBe((await shownIds()).length);
  }, 60_000);
});
