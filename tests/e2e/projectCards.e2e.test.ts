import { readFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Frame, type ProjectCard, portfolioCellAt, portfolioLayout } from '@sammen/shared';
import { drawnText } from '../harness/canvas.js';
import { createWorkshop } from '../harness/control.js';
import { browserSession } from '../harness/session.js';

/**
 * The innovation lab in real Chromium: a board made from the innovation-lab template holds a project
 * card; the facilitator opens it from the list view and fills its form by keyboard only, moves it to
 * "consolidate" (the server makes and records the move), and sees it in the portfolio (its cell on the
 * board, the portfolio panel's since-last-time list) and in the CSV export from the outputs menu.
 * With SAMMEN_SHOTS=<dir> it also writes screenshots of the card, the form, the portfolio and the panel.
 */
const session = browserSession();
const SHOTS = process.env.SAMMEN_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

async function noSeriousAxe(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include('dialog[open], [data-testid=portfolio-panel]').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, what).toEqual([]);
}

type CardState = { phase: string; title: string; owner: string; area: string; effects: string[]; frameId: string | null; learnings: unknown[]; x: number; y: number };

const cardState = (page: Page): Promise<CardState | null> =>
  page.evaluate(() => {
    const card = (window as unknown as { __sammen: { elements(): Array<{ id: string }> } }).__sammen.elements().find((e) => e.id === 'card-1');
    return card ? (card as unknown as CardState) : null;
  });

describe('project cards in Chromium', () => {
  it('a card from the template, filled by keyboard, moved to consolidate, in the portfolio and the export', async () => {
    const w = await createWorkshop(session.server, { title: 'Innovationslab', language: 'en', template: 'innovation-lab', facilitatorName: 'Mette' });
    const page = await session.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB', acceptDownloads: true });
    page.setDefaultTimeout(45_000);
    await page.addInitScript(() => window.localStorage.setItem('sammen.name', 'Mette'));
    await page.goto(`${session.server.url}/b/${w.boardId}#token=${encodeURIComponent(w.facilitatorToken)}`);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
    await expect.poll(() => cardState(page).then((c) => c?.phase ?? null)).toBe('mobilise');

    // The list view lists the template's card; its Edit button opens the form.
    await page.getByTestId('list-view-toggle').click();
    const row = page.locator('[data-testid=a11y-item]', { has: page.getByTestId('a11y-project') });
    await row.first().waitFor();
    await row.first().getByRole('button', { name: /^Edit/ }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('project-dialog');
    await dialog.waitFor();
    await noSeriousAxe(page, 'project card form');
    await shot(page, 'form-1440');

    // Keyboard only: the title has focus; Tab moves through the form in order.
    await page.keyboard.type('Walking bus to school');
    await page.keyboard.press('Tab'); // the phase radio group
    await page.keyboard.press('Tab'); // the need
    await page.keyboard.type('Children want to walk to school safely');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Parents of pupils');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Pupils, parents, the school');
    await page.keyboard.press('Tab');
    await page.keyboard.type('If parents take turns walking, more children walk');
    await page.keyboard.press('Tab'); // Better results
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab'); // Productivity
    await page.keyboard.press('Tab'); // Citizen satisfaction
    await page.keyboard.press('Tab'); // Democratic participation
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Children walking per week');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Hanne');
    await page.keyboard.press('Tab'); // the area
    await page.keyboard.press('ArrowDown'); // Technical & Environment
    await page.keyboard.press('ArrowDown'); // Children & Culture
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Administrative area').inputValue()).toBe('children-culture');
    await page.getByRole('button', { name: 'Save' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => cardState(page)).toMatchObject({ title: 'Walking bus to school', owner: 'Hanne', area: 'children-culture', effects: ['results', 'democracy'], phase: 'mobilise' });

    // Move to "consolidate": the phase radios, by arrow key (one action, made by the server).
    await row.first().getByRole('button', { name: /^Edit/ }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.getByRole('radio', { name: 'Mobilise' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('project-move-status').textContent()).toBe('Moved to Consolidate.');
    await expect.poll(() => page.getByTestId('project-moves').textContent()).toMatch(/Mobilise → Consolidate, by Mette/);
    // A learning for this turn, by keyboard too.
    await page.getByLabel('What did we learn in this turn?').focus();
    await page.keyboard.type('Parents want a rota');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardState(page).then((c) => c?.learnings.length)).toBe(1);
    await shot(page, 'form-moved-1440');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // In the portfolio: the card is in the portfolio frame, in the Consolidate × Children & Culture cell,
    // and the canvas draws it there.
    const board = await page.evaluate(() => {
      return (window as unknown as { __sammen: { elements(): Array<Record<string, unknown>> } }).__sammen.elements();
    });
    const portfolio = board.find((e) => e.id === 'portfolio') as unknown as Frame;
    const cards = board.filter((e) => e.type === 'project') as unknown as ProjectCard[];
    const card = cards.find((c) => c.id === 'card-1')!;
    expect(card).toMatchObject({ phase: 'consolidate', frameId: 'portfolio' });
    expect(portfolioCellAt(portfolioLayout(portfolio, cards), card.x + 1, card.y + 1)).toEqual({ area: 'children-culture', phase: 'consolidate' });
    await page.getByTestId('list-view-toggle').click();
    await page.getByTestId('board-canvas').waitFor();
    await page.getByTestId('open-portfolio').click();
    const panel = page.getByTestId('portfolio-panel');
    await panel.waitFor();
    await noSeriousAxe(page, 'portfolio panel');
    await page.getByTestId('since-tab').click();
    await expect.poll(() => page.getByTestId('since-moved').textContent()).toMatch(/Walking bus to school.*Mobilise → Consolidate.*Mette/);
    await expect.poll(() => page.getByTestId('since-learned').textContent()).toMatch(/Parents want a rota/);
    await shot(page, 'since-1440');
    // "Show on the board" from the panel: the canvas draws the card, readable, where the portfolio has it.
    await page.getByTestId('since-moved').getByRole('button', { name: 'Walking bus to school' }).click();
    await expect.poll(async () => (await drawnText(page)).some((t) => t.id === 'card-1' && !t.standIn && t.drawn.startsWith('Walking bus'))).toBe(true);
    await shot(page, 'card-1440');
    await page.getByTestId('portfolio-panel').getByRole('button', { name: 'Close' }).click();
    await page.getByTestId('board-canvas').focus();
    await page.keyboard.press('Shift+Digit1');
    await shot(page, 'portfolio-1440');

    // In the export: the outputs menu's portfolio CSV holds the card, its fields and its move.
    await page.getByTestId('open-portfolio').click();
    await page.getByTestId('outputs-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('outputs-portfolio-csv').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const rows: string[][] = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true });
    const cardRow = rows.find((r) => r[0] === 'card-1')!;
    expect(cardRow).toEqual(expect.arrayContaining(['Walking bus to school', 'Hanne', 'Children & Culture', 'Consolidate', 'Better results; Democratic participation']));
    expect(rows.find((r) => r[0] === 'card-1' && r[2] === 'Phase move')).toEqual(expect.arrayContaining(['Mette', 'Mobilise', 'Consolidate']));
    expect(rows.find((r) => r[0] === 'card-1' && r[2] === 'Learning')).toEqual(expect.arrayContaining(['Parents want a rota']));
  }, 240_000);
});
