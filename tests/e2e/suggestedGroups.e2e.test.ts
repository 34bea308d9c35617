import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Frame, type StickyNote, getElements } from '@sammen/shared';
import { FIXTURE_NOTES } from '../../server/src/workshops/noteGroups.fixture.js';
import { DESKTOP, PHONE, gotoBoard, shot } from '../harness/boardPage.js';
import { createWorkshop } from '../harness/control.js';
import { browserSession } from '../harness/session.js';
import { seedBoard, waitForDoc } from '../harness/yclient.js';

/**
 * Suggested groups in real Chromium: the facilitator asks for groups of a frame's 60 notes, renames one
 * suggestion and accepts it, accepts another as proposed; both appear on the board as clusters holding
 * their notes, and Ctrl+Z takes the last one back. Pictures at 1440 × 900 and on a 390 × 844 touch
 * phone (SHOTS_DIR, if set).
 */

const session = browserSession();
const { cleanups, newPage } = session;

const frame: Frame = { id: 'f1', type: 'frame', index: 'a0', frameId: null, x: 0, y: 0, width: 2260, height: 1400, title: 'Hvad er vigtigt for dig?', fill: 'white' };
const notes: StickyNote[] = FIXTURE_NOTES.map((n, i) => ({
  id: n.id, type: 'note', index: `b${String(i).padStart(2, '0')}`, frameId: 'f1', x: 30 + (i % 10) * 220, y: 60 + Math.floor(i / 10) * 220, width: 200, height: 200, color: 'yellow', text: n.text,
}));

/** A new workshop whose board holds the frame and its 60 notes; a facilitator's client reading that board. */
async function workshopWithNotes() {
  const w = await createWorkshop(session.server, { title: 'Borgerpanel', language: 'da' });
  const watcher = await seedBoard(session.server.wsUrl, w.boardId, [frame, ...notes], w.facilitatorToken);
  cleanups.push(() => watcher.destroy());
  return { w, watcher };
}

async function openPanelTools(page: Page, boardId: string, token: string) {
  await gotoBoard(page, session.server, boardId, token, 60_000);
  const panel = page.getByRole('complementary', { name: 'Facilitator panel' });
  await panel.getByRole('tab', { name: 'Tools' }).click();
  return panel;
}

describe('suggested groups in the browser', () => {
  it('the facilitator asks for groups, renames one and accepts it, accepts another: both are clusters on the board', async () => {
    const { w, watcher } = await workshopWithNotes();

    const page = await newPage(DESKTOP);
    const panel = await openPanelTools(page, w.boardId, w.facilitatorToken);
    const suggest = panel.getByTestId('suggest-groups');
    await suggest.scrollIntoViewIfNeeded();
    await suggest.click();
    const items = panel.getByTestId('suggestion');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    await panel.getByRole('status').filter({ hasText: /groups suggested from 60 notes/ }).waitFor();

    // Focusing a suggestion selects its notes on the board.
    const first = items.nth(0);
    const firstLabel = first.getByTestId('suggestion-label');
    await firstLabel.focus();
    await items.nth(0).scrollIntoViewIfNeeded();
    await shot(page, 'suggest-1440x900');
    const firstNotes = Number(/(\d+) notes/.exec((await first.textContent()) ?? '')?.[1]);
    expect(firstNotes).toBeGreaterThanOrEqual(2);

    // Rename, then accept.
    await firstLabel.fill('Trafik og skolevej');
    await first.getByTestId('suggestion-accept').click();
    const clusterNamed = (title: string) => (d: Parameters<typeof getElements>[0]) =>
      getElements(d).find((e): e is Frame => e.type === 'frame' && e.variant === 'cluster' && e.title === title);
    await waitForDoc(watcher.doc, (d) => !!clusterNamed('Trafik og skolevej')(d));
    const renamed = clusterNamed('Trafik og skolevej')(watcher.doc)!;
    await expect.poll(() => getElements(watcher.doc).filter((e) => e.type === 'note' && e.frameId === renamed.id).length).toBe(firstNotes);

    // The next one as proposed.
    const second = panel.getByTestId('suggestion').nth(0);
    const proposed = await second.getByTestId('suggestion-label').inputValue();
    expect(proposed.length).toBeGreaterThan(0);
    await second.getByTestId('suggestion-accept').click();
    await waitForDoc(watcher.doc, (d) => !!clusterNamed(proposed)(d));
    const accepted = clusterNamed(proposed)(watcher.doc)!;
    // The two clusters do not overlap.
    expect(accepted.x >= renamed.x + renamed.width || accepted.x + accepted.width <= renamed.x || accepted.y >= renamed.y + renamed.height || accepted.y + accepted.height <= renamed.y).toBe(true);
    await shot(page, 'suggest-accepted-1440x900');

    // The ordinary cluster command: one Ctrl+Z takes the last group back.
    await page.locator('[data-testid=board-canvas]').focus();
    await page.keyboard.press('Control+z');
    await waitForDoc(watcher.doc, (d) => !clusterNamed(proposed)(d));
    expect(clusterNamed('Trafik og skolevej')(watcher.doc)).toBeDefined();
  });

  it('on a phone, the facilitator sees and can accept suggestions too', async () => {
    const { w, watcher } = await workshopWithNotes();

    const page = await newPage(PHONE);
    await gotoBoard(page, session.server, w.boardId, w.facilitatorToken, 60_000);
    const panel = page.getByRole('complementary', { name: 'Facilitator panel' });
    // On a phone the panel starts closed (the board gets the screen); its toggle opens it.
    const toggle = panel.locator('.fac-toggle');
    await toggle.waitFor();
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.tap();
    await panel.getByRole('tab', { name: 'Tools' }).tap();
    const suggest = panel.getByTestId('suggest-groups');
    await suggest.scrollIntoViewIfNeeded();
    await suggest.tap();
    const items = panel.getByTestId('suggestion');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    await items.nth(0).scrollIntoViewIfNeeded();
    await shot(page, 'suggest-390x844');
    await items.nth(0).getByTestId('suggestion-accept').tap();
    await waitForDoc(watcher.doc, (d) => getElements(d).some((e) => e.type === 'frame' && e.variant === 'cluster'));
  });
});
