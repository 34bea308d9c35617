import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { frameDefaults, getElements, insertElement, newElementId, type Frame } from '@sammen/shared';
import { launchChromium } from '../harness/browser.js';
import { connectControl, createWorkshop, type ControlClient } from '../harness/control.js';
import { startServer, type RunningServer } from '../harness/server.js';
import { connectClient, synced, waitForDoc, type YClient } from '../harness/yclient.js';

/**
 * A citizen panel taken part in with the keyboard only: the participant's page never receives a
 * single mouse or pointer event (`page.keyboard` only; an init script counts pointer events and the
 * test asserts there were none). The facilitator is an API client on the control channel and a Yjs
 * client on the board. Every wait is for a condition.
 */

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let fac: ControlClient;
let board: YClient;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  fac?.close();
  board?.destroy();
  await context?.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

/** What the keyboard is on: tag, then its accessible text (aria-label, its label, or its text). */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
    return `${el.tagName.toLowerCase()}|${label.replace(/\s+/g, ' ').trim()}`;
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would (past the end, Tab wraps). */
async function tabTo(page: Page, match: RegExp, max = 300): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    const now = await focused(page);
    if (match.test(now)) return;
    seen.push(now);
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${match}; went through:\n${seen.slice(-40).join('\n')}`);
}

const announced = (page: Page): Promise<string> => page.getByTestId('workshop-announcer').innerText();

describe('keyboard only', () => {
  it('a participant joins by code and takes part in the whole citizen panel without a mouse', async () => {
    const w = await createWorkshop(server, { title: 'Borgerpanel', language: 'en', template: 'citizen-conversation' });
    fac = await connectControl(server.url, w.facilitatorToken);
    board = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
    await synced(board);
    await waitForDoc(board.doc, (d) => getElements(d).some((e) => e.type === 'frame'));
    expect(await fac.run({ type: 'agenda.goto', index: 0 })).toEqual({ ok: true });
    const step = fac.view().agenda.steps[0]!;

    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    await context.addInitScript(() => {
      const w = window as unknown as { __pointerEvents: string[] };
      w.__pointerEvents = [];
      for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'wheel', 'touchstart']) {
        window.addEventListener(type, (e) => e.isTrusted && w.__pointerEvents.push(type), { capture: true });
      }
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });

    // Join: the participant link puts the code in; the name field has the keyboard.
    await page.goto(`${server.url}/join/${w.joinCode}`);
    await page.getByLabel('Your name').waitFor();
    expect(await focused(page)).toMatch(/^input\|Your name/);
    await page.keyboard.type('Olga');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/b/${w.boardId}`);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();

    // Read the agenda: the step and its instructions are text on the page.
    const agenda = page.getByRole('region', { name: 'Agenda' });
    await expect.poll(() => agenda.getByRole('heading').textContent()).toBe(`Step 1 of ${fac.view().agenda.steps.length}: ${step.title}`);

    // The board as a list, one keystroke away; the keyboard lands on its heading.
    await page.keyboard.press('Alt+Shift+A');
    await page.getByTestId('accessible-view').waitFor();
    await expect.poll(() => focused(page)).toBe('h2|The board as a list');

    // Private brainstorm: the new note is private, and only the facilitator's reveal puts it on the board.
    expect(await fac.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
    await page.getByRole('heading', { name: 'Your private notes' }).waitFor();
    await tabTo(page, /^textarea\|Your note/);
    const text = 'A bench by the lake';
    await page.keyboard.type(text);
    await tabTo(page, /^button\|Add note$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => announced(page)).toContain('Only you see it');
    await page.locator('[data-testid=a11y-item]', { hasText: text }).waitFor();
    expect(getElements(board.doc).some((e) => e.type === 'note' && e.text === text)).toBe(false);
    // The page says "added" as soon as its own document has the note; the reveal publishes what the
    // server holds. Wait until the note has reached the server (on a busy machine the reveal could
    // otherwise come first, reveal nothing, and leave the note private).
    const olga = await page.evaluate((id) => window.localStorage.getItem(`sammen.token.${id}`), w.boardId);
    const stored = connectClient(server.wsUrl, w.boardId, { token: olga!, privateDoc: true });
    try {
      await waitForDoc(stored.doc, (d) => getElements(d).some((e) => e.type === 'note' && e.text === text));
    } finally {
      stored.destroy();
    }

    expect(await fac.run({ type: 'private.reveal' })).toEqual({ ok: true });
    await waitForDoc(board.doc, (d) => getElements(d).some((e) => e.type === 'note' && e.text === text));
    await expect.poll(() => announced(page)).toContain('is now on the board');
    const noteId = getElements(board.doc).find((e) => e.type === 'note' && e.text === text)!.id;

    // Cluster: the facilitator makes a cluster frame; the participant moves the note into it.
    const clusterId = newElementId();
    const anyFrame = getElements(board.doc).find((e): e is Frame => e.type === 'frame')!;
    board.doc.transact(() =>
      insertElement(board.doc, { ...frameDefaults, id: clusterId, type: 'frame', variant: 'cluster', title: 'Nature', x: anyFrame.x, y: anyFrame.y + anyFrame.height + 200, width: 600, height: 400, fill: 'white', index: 'zz', frameId: null }),
    );
    await page.getByRole('heading', { name: 'Cluster: Nature' }).waitFor();
    await tabTo(page, new RegExp(`^select\\|Move to \\(${text}\\)`));
    await page.keyboard.type('Cluster: Nature');
    await tabTo(page, new RegExp(`^button\\|Move: ${text}$`));
    await page.keyboard.press('Enter');
    await waitForDoc(board.doc, (d) => getElements(d).find((e) => e.id === noteId)?.frameId === clusterId);
    await expect.poll(() => announced(page)).toBe('Moved to Cluster: Nature.');

    // Dot vote: place a dot and take it back.
    expect(await fac.run({ type: 'vote.start', elementIds: [noteId], dotsPerPerson: 3, allowMultiplePerElement: false, title: 'Most important' })).toEqual({ ok: true });
    await page.getByTestId('vote-bar').waitFor();
    await tabTo(page, new RegExp(`^button\\|Vote: ${text}$`));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('dots-left').textContent()).toBe('2 of 3 dots left');
    await tabTo(page, new RegExp(`^button\\|Take back: ${text}$`));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('dots-left').textContent()).toBe('3 of 3 dots left');

    // Raise a hand.
    await tabTo(page, /^button\|Raise hand/);
    await page.keyboard.press('Space');
    await fac.waitFor((v) => v.hands.some((h) => h.name === 'Olga'));

    // And not one pointer event on the way.
    expect(await page.evaluate(() => (window as unknown as { __pointerEvents: string[] }).__pointerEvents)).toEqual([]);
  });

  it('the canvas: Tab visits elements in reading order with a focus ring, Alt+Shift+arrows resize, Escape then Tab leaves', async () => {
    const w = await createWorkshop(server, { title: 'Canvas', language: 'en', template: 'citizen-conversation' });
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/b/${w.boardId}#token=${encodeURIComponent(w.facilitatorToken)}`);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
    const y = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
    await synced(y);
    await tabTo(page, /^div\|Board “Canvas”/);
    await page.keyboard.press('Tab');
    await page.getByTestId('canvas-focus-ring').waitFor();
    await expect.poll(() => announced(page)).toMatch(/^Frame 1 of \d+: /);
    // The first frame in reading order is selected: Alt+Shift+Right makes it 10 wider.
    const frames = getElements(y.doc).filter((e): e is Frame => e.type === 'frame');
    const before = new Map(frames.map((f) => [f.id, f.width]));
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await waitForDoc(y.doc, (d) => getElements(d).some((e) => e.type === 'frame' && before.get(e.id) !== undefined && e.width === before.get(e.id)! + 10));
    await page.keyboard.press('Escape');
    await expect.poll(() => announced(page)).toContain('Press Tab to leave the board');
    await page.keyboard.press('Tab');
    expect(await focused(page)).not.toMatch(/^div\|Board/);
    y.destroy();
    await ctx.close();
  });
  it('the facilitator runs the run sheet from the keyboard: arrows between tabs, Enter on the next action', async () => {
    const w = await createWorkshop(server, { title: 'Run sheet', language: 'en', template: 'citizen-conversation' });
    const control = await connectControl(server.url, w.facilitatorToken);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/b/${w.boardId}#token=${encodeURIComponent(w.facilitatorToken)}`);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
    // One Tab stop for the tab list: the selected tab, "Now".
    await tabTo(page, /^button\|Now$/);
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('button|Agenda');
    await page.getByRole('tab', { name: 'Agenda', selected: true }).waitFor();
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('button|Tools');
    await page.keyboard.press('ArrowRight'); // wraps round
    expect(await focused(page)).toBe('button|Now');
    await page.getByRole('tab', { name: 'Now', selected: true }).waitFor();
    // On into the run sheet: the next action of the first step is "Next step", run with Enter.
    await tabTo(page, /^button\|Next step$/);
    await page.keyboard.press('Enter');
    await control.waitFor((v) => v.agenda.current === 1);
    await tabTo(page, /^button\|Start private brainstorm \(7 min\)$/);
    await page.keyboard.press('Enter');
    await control.waitFor((v) => v.private.active && v.timer.status === 'running');
    control.close();
    await ctx.close();
  });
});
