import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { getElements, insertElement, newElementId, stickyNoteDefaults, type Element, type Frame, type StickyNote } from '@sammen/shared';
import type * as Y from 'yjs';
import { connectControl, createWorkshop, join, type ControlClient } from '../harness/control.js';
import { drawnText } from '../harness/canvas.js';
import { browserSession } from '../harness/session.js';
import { connectClient, synced, waitForDoc, type YClient } from '../harness/yclient.js';

/**
 * A citizen on a phone (390 × 844, touch, mobile, 3× pixels) takes part in a citizen-panel workshop
 * run by a facilitator (a control-channel client): joins by code, opens on the current step, writes
 * a private note and a public one with the composer, votes, reacts, raises a hand and follows the
 * facilitator, in real Chromium against the built server. Nothing scrolls sideways and every
 * overlay closes. Also: a board link without its token, and the facilitator's token kept out of the
 * address bar.
 */

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3, locale: 'en-GB' };

const session = browserSession();
const { cleanups, newPage } = session;

function reader(boardId: string, token: string, privateDoc = false): YClient {
  const client = connectClient(session.server.wsUrl, boardId, { token, privateDoc });
  cleanups.push(() => client.destroy());
  return client;
}

const notes = (doc: Y.Doc): StickyNote[] => getElements(doc).filter((e): e is StickyNote => e.type === 'note');
const frameOf = (doc: Y.Doc, id: string): Frame => getElements(doc).find((e): e is Frame => e.type === 'frame' && e.id === id)!;
const inside = (outer: { x: number; y: number; width: number; height: number }, inner: Element & { x: number; y: number; width: number; height: number }) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
const overlap = (a: StickyNote, b: StickyNote) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Where a board box is drawn on the page, in CSS pixels relative to the canvas, and the canvas size. */
function onScreen(page: Page, box: { x: number; y: number; width: number; height: number }) {
  return page.evaluate((b) => {
    type Stage = { x(): number; y(): number; scaleX(): number; width(): number; height(): number };
    const stage = (window as unknown as { Konva: { stages: Stage[] } }).Konva.stages[0]!;
    const s = stage.scaleX();
    return {
      left: b.x * s + stage.x(),
      top: b.y * s + stage.y(),
      right: (b.x + b.width) * s + stage.x(),
      bottom: (b.y + b.height) * s + stage.y(),
      canvasWidth: stage.width(),
      canvasHeight: stage.height(),
      scale: s,
    };
  }, box);
}

/** The frame is shown whole and fills the canvas's width or height (fitted, not a speck). */
async function expectFitted(page: Page, frame: Frame): Promise<void> {
  await expect
    .poll(async () => {
      const r = await onScreen(page, frame);
      const whole = r.left >= 0 && r.top >= 0 && r.right <= r.canvasWidth + 0.5 && r.bottom <= r.canvasHeight + 0.5;
      const fills = (r.right - r.left) / r.canvasWidth > 0.85 || (r.bottom - r.top) / r.canvasHeight > 0.85;
      return whole && fills;
    })
    .toBe(true);
}

/**
 * The frame is too wide to fit with its text readable on a phone: its top-left corner sits at the
 * step insets (12, 34), and the text of its elements (`ids`) in view is drawn as letters, at least 10 px.
 */
async function expectReadableCorner(page: Page, frame: Frame, ids: ReadonlySet<string>): Promise<void> {
  await expect
    .poll(async () => {
      const r = await onScreen(page, frame);
      return Math.abs(r.left - 12) < 1 && Math.abs(r.top - 34) < 1 && r.right > r.canvasWidth ? 'on its corner' : JSON.stringify(r);
    })
    .toBe('on its corner');
  const drawn = await drawnText(page);
  const texts = drawn.filter((t) => t.kind === 'text' && ids.has(t.id));
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.filter((t) => t.standIn || t.screenPx < 10)).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth, scrollX } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement!.scrollWidth,
    innerWidth: window.innerWidth,
    scrollX: window.scrollX,
  }));
  expect(scrollWidth, where).toBeLessThanOrEqual(innerWidth);
  expect(scrollX, where).toBe(0);
  // Nothing inside the page was scrolled sideways either (a clipped row scrolled by focus).
  const shifted = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => el.scrollLeft > 0).map((el) => el.className));
  expect(shifted, where).toEqual([]);
}

async function axe(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.passes.length, name).toBeGreaterThan(5);
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, name).toEqual([]);
}

describe('a citizen on a phone', () => {
  it('writing offline, the header says the note is not saved yet, and stops saying it once it is', async () => {
    const w = await createWorkshop(session.server, { title: 'Citizen panel', language: 'en' });
    const olga = await join(session.server, w.joinCode, 'Olga');
    const phone = await newPage(PHONE);
    await phone.goto(`${session.server.url}/b/${w.boardId}#token=${encodeURIComponent(olga)}`);
    const status = phone.getByTestId('phone-header').getByTestId('connection-status');
    await status.and(phone.locator('[data-status=online]')).waitFor();
    // The participant bar comes with the workshop's control channel: there before the network goes.
    const bar = phone.getByRole('navigation', { name: 'Take part' });
    await bar.getByRole('button', { name: 'New note' }).waitFor();
    await phone.context().setOffline(true);
    await status.and(phone.locator('[data-status=offline]')).waitFor();
    await bar.getByRole('button', { name: 'New note' }).tap();
    const composer = phone.getByTestId('note-composer');
    await composer.getByRole('textbox').fill('Written on the bus');
    await composer.getByRole('button', { name: 'Put the note up' }).tap();
    await composer.waitFor({ state: 'detached' });
    // The dot alone (red: offline) does not tell a citizen their note is at risk; after 5 s the words do.
    const words = status.getByText('Not saved yet – keep this page open');
    await words.waitFor({ timeout: 10_000 });
    expect(await status.getAttribute('data-status')).toBe('offline');
    const header = (await phone.getByTestId('phone-header').boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(56);
    await expectNoSidewaysScroll(phone, 'offline, not saved yet');

    await phone.context().setOffline(false);
    const stored = reader(w.boardId, olga);
    await waitForDoc(stored.doc, (d) => notes(d).some((n) => n.text === 'Written on the bus'), 20_000);
    await words.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('joins by code, opens on the step, writes notes privately and on the board, votes, reacts, follows; every overlay closes', async () => {
    const w = await createWorkshop(session.server, { title: 'Citizen panel', language: 'en', template: 'citizen-conversation' });
    const fac: ControlClient = await connectControl(session.server.url, w.facilitatorToken);
    cleanups.push(() => fac.close());
    const board = reader(w.boardId, w.facilitatorToken);
    await synced(board);
    const steps = fac.view().agenda.steps;
    const privateStep = steps.findIndex((s) => s.private && s.frameId);
    expect(privateStep).toBeGreaterThan(0);
    const q1 = frameOf(board.doc, steps[privateStep]!.frameId!);

    // Join by code on the phone.
    const phone = await newPage(PHONE);
    await phone.goto(`${session.server.url}/join`);
    await phone.getByLabel('Workshop code').fill(w.joinCode);
    await phone.getByLabel('Your name').fill('Olga');
    await phone.getByRole('button', { name: 'Join', exact: true }).tap();
    await phone.waitForURL(`${session.server.url}/b/${w.boardId}`);
    await phone.locator('[data-testid=connection-status][data-status=online]').waitFor();
    const bar = phone.getByRole('navigation', { name: 'Take part' });
    await bar.waitFor();

    // Opens on the current step: its frame fitted; a one-line header with the step.
    const first = frameOf(board.doc, steps[0]!.frameId!);
    await expectFitted(phone, first);
    await expect.poll(() => phone.getByTestId('phone-header').textContent()).toContain(`1/${steps.length}`);
    const headerBox = (await phone.getByTestId('phone-header').boundingBox())!;
    expect(headerBox.height).toBeLessThanOrEqual(56);
    // The header shows only a dot; a screen reader still hears the connection's state.
    expect(await phone.getByTestId('phone-header').getByRole('status').ariaSnapshot()).toContain('Online');
    await expectNoSidewaysScroll(phone, 'opened');
    await axe(phone, 'phone: board');

    // The step's text in full behind "More"; the sheet closes with its button.
    await phone.getByRole('button', { name: 'More' }).tap();
    const stepSheet = phone.getByTestId('step-sheet');
    await stepSheet.waitFor();
    await stepSheet.getByRole('button', { name: 'Close' }).tap();
    await stepSheet.waitFor({ state: 'detached' });
    // The menu closes on a tap outside.
    await phone.getByRole('button', { name: 'Menu' }).tap();
    await phone.getByTestId('phone-menu').waitFor();
    await phone.getByTestId('board-canvas').tap({ position: { x: 30, y: 300 } });
    await phone.getByTestId('phone-menu').waitFor({ state: 'detached' });

    // A private round: the phone moves to the step's frame; the composer writes a private note.
    expect(await fac.run({ type: 'agenda.goto', index: privateStep })).toEqual({ ok: true });
    await phone.getByText(/^Private brainstorm: your new notes/).waitFor();
    // Fitting the whole frame would draw its help text at 6 px: it opens readable on its top-left corner (issue 15).
    await expectReadableCorner(phone, q1, new Set(getElements(board.doc).filter((e) => e.frameId === q1.id).map((e) => e.id)));
    await bar.getByRole('button', { name: 'New note' }).tap();
    const composer = phone.getByTestId('note-composer');
    await composer.getByRole('textbox').fill('More benches by the lake');
    await expectNoSidewaysScroll(phone, 'composer');
    await axe(phone, 'phone: composer');
    // Escape closes the composer without adding anything; then the note for real, in green.
    await phone.keyboard.press('Escape');
    await composer.waitFor({ state: 'detached' });
    await bar.getByRole('button', { name: 'New note' }).tap();
    await composer.getByRole('textbox').fill('More benches by the lake');
    await composer.getByRole('radio', { name: 'Green' }).tap();
    await composer.getByRole('button', { name: 'Put the note up' }).tap();
    await composer.waitFor({ state: 'detached' });
    await bar.getByRole('button', { name: 'My notes: 1' }).waitFor();

    const participantToken = await phone.evaluate((id) => window.localStorage.getItem(`sammen.token.${id}`), w.boardId);
    const mine = reader(w.boardId, participantToken!, true);
    await waitForDoc(mine.doc, (d) => notes(d).some((n) => n.text === 'More benches by the lake'));
    const privateNote = notes(mine.doc).find((n) => n.text === 'More benches by the lake')!;
    expect(privateNote.color).toBe('green');
    expect(privateNote.frameId).toBe(q1.id);
    expect(inside(q1, privateNote)).toBe(true);
    // Sized to read at the phone's zoom: at least about a quarter of the phone's width.
    const drawn = await onScreen(phone, privateNote);
    expect(drawn.right - drawn.left).toBeGreaterThanOrEqual(100);
    expect(notes(board.doc).some((n) => n.text === 'More benches by the lake')).toBe(false);

    // Reveal, next step: the note is on the board; a new note goes beside it in the same frame.
    expect(await fac.run({ type: 'private.reveal' })).toEqual({ ok: true });
    expect(await fac.run({ type: 'agenda.goto', index: privateStep + 1 })).toEqual({ ok: true });
    await waitForDoc(board.doc, (d) => notes(d).some((n) => n.id === privateNote.id));
    await phone.getByText(/^Private brainstorm/).waitFor({ state: 'detached' });
    await bar.getByRole('button', { name: 'New note' }).tap();
    await composer.getByRole('textbox').fill('Cycle paths to school');
    await composer.getByRole('button', { name: 'Put the note up' }).tap();
    await waitForDoc(board.doc, (d) => notes(d).some((n) => n.text === 'Cycle paths to school'));
    const revealed = notes(board.doc).find((n) => n.id === privateNote.id)!;
    const publicNote = notes(board.doc).find((n) => n.text === 'Cycle paths to school')!;
    expect(publicNote.frameId).toBe(q1.id);
    expect(inside(q1, publicNote)).toBe(true);
    expect(overlap(publicNote, revealed)).toBe(false);
    const seen = await onScreen(phone, publicNote);
    expect(seen.left >= 0 && seen.top >= 0 && seen.right <= seen.canvasWidth && seen.bottom <= seen.canvasHeight).toBe(true);

    // My notes lists both; editing one changes it on the board; the sheet closes on Escape.
    await bar.getByRole('button', { name: 'My notes: 2' }).tap();
    const myNotes = phone.getByTestId('my-notes');
    await expect.poll(() => myNotes.getByTestId('my-note').count()).toBe(2);
    await axe(phone, 'phone: my notes');
    await myNotes.getByRole('button', { name: 'Edit the note: Cycle paths to school' }).tap();
    await composer.getByRole('textbox').fill('Safe cycle paths to school');
    await composer.getByRole('button', { name: 'Save' }).tap();
    await waitForDoc(board.doc, (d) => notes(d).some((n) => n.id === publicNote.id && n.text === 'Safe cycle paths to school'));

    // Voting from the bar: "3 of 3 left", a dot placed from the sheet, "2 of 3 left".
    expect(
      await fac.run({ type: 'vote.start', elementIds: [revealed.id, publicNote.id], dotsPerPerson: 3, allowMultiplePerElement: false, title: 'What matters most?' }),
    ).toEqual({ ok: true });
    await bar.getByRole('button', { name: 'Vote: 3 of 3 dots left' }).waitFor();
    // The list of notes to vote on opens by itself when the vote starts.
    const voteSheet = phone.getByTestId('vote-sheet');
    await voteSheet.waitFor();
    await voteSheet.getByRole('button', { name: 'Place a dot on: Safe cycle paths to school' }).tap();
    await bar.getByRole('button', { name: 'Vote: 2 of 3 dots left' }).waitFor();
    await fac.waitFor((v) => v.vote?.voters === 1);
    await axe(phone, 'phone: vote sheet');
    await voteSheet.getByRole('button', { name: 'Close' }).tap();
    await voteSheet.waitFor({ state: 'detached' });
    // On the board, the phone shows one's own dot on the note (voting itself is in the sheet).
    await expect.poll(() => phone.getByTestId('my-dots-badge').textContent()).toContain('1');
    await expectNoSidewaysScroll(phone, 'voting');
    // On a wider screen the vote buttons on notes keep their word on one line (no "St/e/m") and
    // stay off the note's text.
    const desk = await newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    await desk.goto(`${session.server.url}/b/${w.boardId}#token=${encodeURIComponent(await join(session.server, w.joinCode, 'Bent'))}`);
    const voteButton = desk.getByTestId(`vote-${publicNote.id}`);
    await voteButton.waitFor();
    const button = (await voteButton.boundingBox())!;
    expect(button.height).toBeLessThan(44);
    expect(await voteButton.textContent()).toContain('Vote');
    const drawnNote = await onScreen(desk, publicNote);
    const canvasTop = (await desk.getByTestId('board-canvas').boundingBox())!;
    // The button's bottom reaches into the note no further than its padding (14 board units).
    expect(button.y + button.height - canvasTop.y).toBeLessThanOrEqual(drawnNote.top + 14 * drawnNote.scale + 1);

    // Reactions: the row closes when one is picked, on Escape and on a tap outside.
    const react = bar.getByRole('button', { name: 'React' });
    const row = phone.getByRole('button', { name: 'Send reaction: Heart' });
    const got = fac.next<{ emoji: string; name: string }>('reaction');
    await react.tap();
    await row.tap();
    expect(await got).toMatchObject({ emoji: '❤️', name: 'Olga' });
    await row.waitFor({ state: 'hidden' });
    await react.tap();
    await row.waitFor();
    await phone.keyboard.press('Escape');
    await row.waitFor({ state: 'hidden' });
    await react.tap();
    await row.waitFor();
    await phone.getByTestId('board-canvas').tap({ position: { x: 20, y: 20 } });
    await row.waitFor({ state: 'hidden' });
    // The reaction is drawn as an icon (an SVG), not an emoji glyph that needs a font.
    expect(await phone.locator('.reaction-row svg').count()).toBe(6);

    // The hand, with the thumb.
    await bar.getByRole('button', { name: 'Raise hand' }).tap();
    await fac.waitFor((v) => v.hands.some((h) => h.name === 'Olga'));

    // Results: the card has a close button.
    expect(await fac.run({ type: 'vote.close' })).toEqual({ ok: true });
    expect(await fac.run({ type: 'vote.reveal' })).toEqual({ ok: true });
    const results = phone.getByTestId('results-panel');
    await results.getByRole('button', { name: 'Close the results' }).tap();
    await expect.poll(() => results.locator('.results-list').count()).toBe(0);

    // Follow me: showing the whole step frame (and more) shows the frame as the step opens it (here on
    // its readable top-left corner, issue 15); zooming in is followed.
    const later = steps.findIndex((s, i) => i > privateStep + 1 && !s.private && s.frameId && s.frameId !== q1.id);
    expect(await fac.run({ type: 'agenda.goto', index: later })).toEqual({ ok: true });
    const target = frameOf(board.doc, steps[later]!.frameId!);
    const targetTexts = new Set(getElements(board.doc).filter((e) => e.frameId === target.id).map((e) => e.id));
    expect(await fac.run({ type: 'follow.start', viewport: { x: target.x - 400, y: target.y - 300, width: target.width + 800, height: target.height + 600 } })).toEqual({ ok: true });
    await phone.getByText('You are following the facilitator.').waitFor();
    await expectReadableCorner(phone, target, targetTexts);
    const zoomIn = { x: target.x + 100, y: target.y + 100, width: 300, height: 200 };
    expect(await fac.run({ type: 'follow.viewport', viewport: zoomIn })).toEqual({ ok: true });
    await expect
      .poll(async () => {
        const r = await onScreen(phone, zoomIn);
        return Math.round(r.right - r.left) === Math.round(r.canvasWidth) || Math.round(r.bottom - r.top) === Math.round(r.canvasHeight);
      })
      .toBe(true);
    await expectNoSidewaysScroll(phone, 'following');
    await axe(phone, 'phone: following');
    // "Bring everyone here" with the whole frame in view: the phone shows the step's frame again.
    expect(await fac.run({ type: 'follow.stop' })).toEqual({ ok: true });
    await phone.getByText('You are following the facilitator.').waitFor({ state: 'detached' });
    expect(await fac.run({ type: 'follow.bringHere', viewport: { x: target.x - 500, y: target.y - 500, width: target.width + 1000, height: target.height + 1000 } })).toEqual({
      ok: true,
    });
    await expectReadableCorner(phone, target, targetTexts);
  });
});

describe('an observer on a phone', () => {
  it('sees the step in one line and the step frame, without the participant bar', async () => {
    const w = await createWorkshop(session.server, { title: 'Observed', language: 'en', template: 'citizen-conversation' });
    const board = reader(w.boardId, w.facilitatorToken);
    await synced(board);
    const fac: ControlClient = await connectControl(session.server.url, w.facilitatorToken);
    cleanups.push(() => fac.close());
    const page = await newPage(PHONE);
    await page.goto(`${session.server.url}/b/${w.boardId}#token=${encodeURIComponent(w.observerToken)}`);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
    await page.getByTestId('phone-header').waitFor();
    await page.getByTestId('observer-banner').waitFor();
    await expectFitted(page, frameOf(board.doc, fac.view().agenda.steps[0]!.frameId!));
    expect(await page.getByTestId('phone-bar').count()).toBe(0);
    await expectNoSidewaysScroll(page, 'observer');
    await axe(page, 'phone: observer');
  });
});

/** Whether `locator`'s box lies within the window, the page unscrolled. */
/** 'inside' when the element is drawn whole inside the window; else where it is (a failed poll shows it). */
async function withinWindow(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    const inside = r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight;
    return inside ? 'inside' : `left ${r.left} top ${r.top} right ${r.right} bottom ${r.bottom} in a ${window.innerWidth}×${window.innerHeight} window`;
  }, selector);
}

describe('the facilitator on a phone', () => {
  it('gets a one-line header and a selection toolbar that fits 390 and 320 px, the rest under "More actions"', async () => {
    const w = await createWorkshop(session.server, { title: 'A facilitator on the go', language: 'en', template: 'citizen-conversation' });
    const board = reader(w.boardId, w.facilitatorToken);
    await synced(board);
    const page = await newPage(PHONE);
    await page.goto(`${session.server.url}/b/${w.boardId}#token=${encodeURIComponent(w.facilitatorToken)}`);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
    // One line: the step and the menu; the desktop header's buttons are in the menu.
    const header = page.getByTestId('phone-header');
    await expect.poll(() => header.textContent()).toContain('1/');
    expect((await header.boundingBox())!.height).toBeLessThanOrEqual(56);
    expect(await page.getByTestId('agenda-bar').count()).toBe(0);
    await page.getByRole('button', { name: 'Menu' }).tap();
    await page.getByTestId('phone-menu').getByTestId('outputs-menu').waitFor();
    await page.getByTestId('phone-menu').getByTestId('list-view-toggle').waitFor();
    // The menu opens over the facilitator panel's toggle (in the same top-right corner), not under it.
    const onTop = await page.evaluate(() => {
      const m = document.querySelector('[data-testid=phone-menu]')!.getBoundingClientRect();
      return !!document.elementFromPoint(m.right - 20, m.top + 30)?.closest('[data-testid=phone-menu]');
    });
    expect(onTop).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('phone-menu').waitFor({ state: 'detached' });
    await expectNoSidewaysScroll(page, 'facilitator phone');

    // A note in the middle of the first frame, selected with a tap: the toolbar is one row inside the screen.
    const fac: ControlClient = await connectControl(session.server.url, w.facilitatorToken);
    cleanups.push(() => fac.close());
    const welcome = frameOf(board.doc, fac.view().agenda.steps[0]!.frameId!);
    const note = { ...stickyNoteDefaults, id: newElementId(), type: 'note', text: 'Bench by the lake', x: welcome.x + welcome.width / 2 - 100, y: welcome.y + welcome.height / 2 - 100, index: 'zz', frameId: welcome.id } as StickyNote;
    board.doc.transact(() => insertElement(board.doc, note));
    await expect
      .poll(async () => {
        const r = await onScreen(page, note);
        return r.left >= 80 && r.top >= 0 && r.right <= r.canvasWidth && r.bottom <= r.canvasHeight;
      })
      .toBe(true);
    const at = await onScreen(page, note);
    await page.getByTestId('board-canvas').tap({ position: { x: (at.left + at.right) / 2, y: (at.top + at.bottom) / 2 } });
    await page.locator('.context-bar').waitFor();
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 844 });
      await expect.poll(() => withinWindow(page, '.context-bar')).toBe('inside');
      expect((await page.locator('.context-bar').boundingBox())!.height, `one row at ${width} px`).toBeLessThanOrEqual(56);
      await expectNoSidewaysScroll(page, `selection at ${width} px`);
    }
    // The other actions open under "More actions", inside the screen, and close on Escape.
    const more = page.getByRole('button', { name: 'More actions' });
    await more.tap();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await page.getByTestId('context-more-panel').getByRole('button', { name: 'Bring to front' }).waitFor();
    // Placed once it has measured itself (a frame after it opens): polled, as the bar above.
    await expect.poll(() => withinWindow(page, '[data-testid=context-more-panel]')).toBe('inside');
    await axe(page, 'phone: facilitator selection, more actions');
    await page.keyboard.press('Escape');
    await page.getByTestId('context-more-panel').waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('context-more');
    // The vote results card opens under the toolbar, not over it.
    expect(await fac.run({ type: 'vote.start', elementIds: [note.id], dotsPerPerson: 3, allowMultiplePerElement: false, title: 'First' })).toEqual({ ok: true });
    expect(await fac.run({ type: 'vote.reveal' })).toEqual({ ok: true });
    await page.getByTestId('results-panel').waitFor();
    await page.locator('.context-bar').waitFor();
    const [results, toolbar] = [(await page.getByTestId('results-panel').boundingBox())!, (await page.locator('.context-bar').boundingBox())!];
    expect(results.y, 'results card below the toolbar').toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
    // Nobody placed a dot: the run sheet lists no "top three" of notes with 0 dots.
    await page.getByRole('button', { name: 'Facilitator' }).tap();
    await expect.poll(() => page.getByTestId('next-action').textContent()).toBe('Next step');
    expect(await page.getByRole('region', { name: 'Result: the top three' }).count()).toBe(0);
  });
});

describe('a step without a frame', () => {
  it('opens the phone on the board\'s first frame, not on the whole board', async () => {
    const w = await createWorkshop(session.server, { title: 'No frame', language: 'en', template: 'citizen-conversation' });
    const board = reader(w.boardId, w.facilitatorToken);
    await synced(board);
    const fac: ControlClient = await connectControl(session.server.url, w.facilitatorToken);
    cleanups.push(() => fac.close());
    const steps = fac.view().agenda.steps;
    const welcome = frameOf(board.doc, steps[0]!.frameId!);
    expect(await fac.run({ type: 'agenda.set', steps: steps.map((s, i) => (i === 0 ? { ...s, frameId: null } : s)) })).toEqual({ ok: true });
    const page = await newPage(PHONE);
    await page.goto(`${session.server.url}/b/${w.boardId}#token=${encodeURIComponent(await join(session.server, w.joinCode, 'Olga'))}`);
    await page.getByTestId('phone-header').waitFor();
    await expectFitted(page, welcome);
  });
});

describe('links', () => {
  it('a workshop board opened without its token says how to join, and does not try to connect', async () => {
    const w = await createWorkshop(session.server, { title: 'Invited only', language: 'en' });
    const page = await newPage(PHONE);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(`${session.server.url}/b/${w.boardId}`);
    await page.getByRole('heading', { name: 'This board is for invited people' }).waitFor();
    await expect.poll(() => page.getByTestId('invited-only').textContent()).toContain(`${new URL(session.server.url).host}/join`);
    await page.getByRole('button', { name: 'Join with a code' }).tap();
    await page.waitForURL(`${session.server.url}/join`);
    expect(sockets.filter((u) => u.includes('/yjs'))).toEqual([]);
    await expectNoSidewaysScroll(page, 'invited only');
  });

  it("keeps the facilitator's token out of the address bar and in this tab only; a reload still works", async () => {
    const w = await createWorkshop(session.server, { title: 'Projector', language: 'en' });
    const page = await newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    await page.goto(`${session.server.url}/b/${w.boardId}#token=${encodeURIComponent(w.facilitatorToken)}`);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
    expect(page.url()).toBe(`${session.server.url}/b/${w.boardId}`);
    const kept = await page.evaluate((id) => ({ tab: sessionStorage.getItem(`sammen.token.${id}`), device: localStorage.getItem(`sammen.token.${id}`) }), w.boardId);
    expect(kept).toEqual({ tab: w.facilitatorToken, device: null });
    await page.reload();
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
    expect(page.url()).toBe(`${session.server.url}/b/${w.boardId}`);
    await page.getByTestId('invited-only').waitFor({ state: 'detached' });
  });
});
