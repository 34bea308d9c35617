import { describe, expect, it } from 'vitest';
import type { OpinionMark, StickyNote } from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { DESKTOP, PHONE, openBoard, shot } from '../harness/boardPage.js';
import { browserSession } from '../harness/session.js';
import { seedBoard } from '../harness/yclient.js';
import { boardBoxOnScreen } from '../harness/canvas.js';

/**
 * The opinion round in real Chromium: a citizen on a touch phone (390 × 844) marks three cards by
 * tapping; another marks by keyboard only in the list view; the facilitator's controls and the
 * revealed anonymous map are pictured at 1440 × 900 and on the phone (SHOTS_DIR, if set).
 */

const TEXTS = [
  'More benches by the lake',
  'Close the market square to cars',
  'Free buses for everyone',
  'More parking at the station',
  'Wider roads into town',
  'Bike lanes before new roads',
];

const session = browserSession();

const { cleanups } = session;

describe('opinion round in the browser', () => {
  let w: Awaited<ReturnType<typeof createWorkshop>>;
  let fac: ControlClient;

  it('a citizen on a touch phone marks three cards by tapping, one card at a time', async () => {
    w = await createWorkshop(session.server, { title: 'Citizen panel', language: 'en' });
    fac = await connectControl(session.server.url, w.facilitatorToken);
    cleanups.push(() => fac.close());
    const notes = TEXTS.map((text, i): StickyNote => ({ id: `n${i}`, type: 'note', index: `a${i}`, frameId: null, x: i * 220, y: 0, width: 200, height: 200, color: 'yellow', text }));
    (await seedBoard(session.server.wsUrl, w.boardId, notes, w.facilitatorToken)).destroy();
    expect(await fac.run({ type: 'opinion.start', elementIds: TEXTS.map((_, i) => `n${i}`), title: 'Traffic in town' })).toEqual({ ok: true });

    const token = await join(session.server, w.joinCode, 'Olga');
    const phone = await openBoard(session, w.boardId, token, PHONE);
    // The round opens its first card by itself.
    const sheet = phone.getByTestId('opinion-sheet');
    await sheet.waitFor();
    const statement = sheet.getByTestId('opinion-statement');
    await expect.poll(() => statement.textContent()).toBe(TEXTS[0]);
    await shot(phone, 'phone-card-390x844');
    const marks: OpinionMark[] = ['agree', 'disagree', 'pass'];
    for (const [i, mark] of marks.entries()) {
      await expect.poll(() => statement.textContent()).toBe(TEXTS[i]);
      await sheet.getByTestId(`opinion-${mark}`).tap();
    }
    await expect.poll(() => statement.textContent()).toBe(TEXTS[3]);
    await expect.poll(() => sheet.getByText('You have marked 3 of 6.').count()).toBe(1);
    // The server holds exactly these marks for her (read through her own token: nobody else sees them).
    const own = await connectControl(session.server.url, token);
    cleanups.push(() => own.close());
    const mine = (await own.waitFor((v) => Object.keys(v.opinion?.myMarks ?? {}).length === 3)).opinion!;
    expect(mine.statements.slice(0, 3).map((s) => mine.myMarks[s.id])).toEqual(marks);
    expect((await fac.waitFor((v) => v.opinion?.progress.marks === 3)).opinion!.myMarks).toEqual({});
    // The sheet closes; the bar's button says how far she is and opens it again.
    await sheet.getByRole('button', { name: 'Close' }).tap();
    const button = phone.getByTestId('phone-opinion');
    await expect.poll(() => button.getAttribute('aria-label')).toBe('Opinion round: 3 of 6 marked');
    await button.tap();
    await sheet.waitFor();
    await sheet.getByRole('button', { name: 'Close' }).tap();
  }, 180_000);

  it('another marks by keyboard only in the list view', async () => {
    const token = await join(session.server, w.joinCode, 'Holger');
    const page = await openBoard(session, w.boardId, token, DESKTOP);
    await page.getByTestId('opinion-list').first().waitFor();
    // The list sits on the right of the board: the statements' notes open beside it, not under it.
    const side = (await page.locator('.opinion-side').boundingBox())!;
    await expect
      .poll(async () => {
        const notes = await boardBoxOnScreen(page, { x: 0, y: 0, width: TEXTS.length * 220 - 20, height: 200 });
        return notes.left >= 0 && notes.right <= side.x;
      }, { message: 'the notes left of the opinion list' })
      .toBe(true);
    await shot(page, 'desktop-marking-1440x900');
    // Keyboard only: the skip link opens the list view, Tab reaches the first statement's radio group.
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? '')).toContain('skip-link');
    await page.keyboard.press('Enter');
    const list = page.getByTestId('accessible-view').getByTestId('opinion-list');
    await list.waitFor();
    for (let i = 0; i < 80; i++) {
      const inList = await page.evaluate(() => !!document.activeElement?.closest('[data-testid=accessible-view] [data-testid=opinion-list]') && (document.activeElement as HTMLInputElement).type === 'radio');
      if (inList) break;
      await page.keyboard.press('Tab');
    }
    // Each step waits for the page to show what the key did, as a person would look before the next key.
    const checked = (statement: number, name: string) => expect.poll(() => list.getByRole('group').nth(statement).getByRole('radio', { name, exact: true }).isChecked()).toBe(true);
    const focusedIn = (statement: number) =>
      expect.poll(() => list.getByRole('group').nth(statement).evaluate((group) => group.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Space'); // statement 1: agree
    await checked(0, 'Agree');
    await page.keyboard.press('Tab'); // statement 2
    await focusedIn(1);
    await page.keyboard.press('ArrowDown'); // disagree
    await checked(1, 'Disagree');
    await page.keyboard.press('Tab'); // statement 3
    await focusedIn(2);
    await page.keyboard.press('ArrowDown');
    await checked(2, 'Disagree');
    await page.keyboard.press('ArrowDown'); // pass
    await checked(2, 'Pass');
    await shot(page, 'list-view-keyboard-1440x900');
    const own = await connectControl(session.server.url, token);
    cleanups.push(() => own.close());
    const round = (await own.waitFor((v) => v.opinion?.myMarks[v.opinion.statements[2]!.id] === 'pass')).opinion!;
    expect(round.statements.slice(0, 3).map((s) => round.myMarks[s.id])).toEqual(['agree', 'disagree', 'pass']);
    expect(Object.keys(round.myMarks)).toHaveLength(3);
  }, 180_000);

  it('the facilitator sees progress only, reveals, and everyone sees the anonymous map', async () => {
    // Eight more people in two camps, so that the map has groups to show.
    for (let p = 0; p < 8; p++) {
      const client = await connectControl(session.server.url, await join(session.server, w.joinCode, `Person ${p}`));
      const statements = client.view().opinion!.statements;
      for (const [i, s] of statements.entries()) {
        const mark: OpinionMark = i === 0 ? 'agree' : (i % 2 === 1) === p < 5 ? 'agree' : 'disagree';
        expect(await client.run({ type: 'opinion.mark', statementId: s.id, mark })).toEqual({ ok: true });
      }
      client.close();
    }
    const facPage = await openBoard(session, w.boardId, w.facilitatorToken, DESKTOP);
    // The run sheet (the panel's first tab) carries the running round: counts only, never a mark.
    await expect.poll(() => facPage.getByTestId('opinion-progress').textContent()).toContain('8 are done');
    expect(await facPage.getByTestId('fac-opinion').textContent()).not.toMatch(/Agree|Disagree/);
    await shot(facPage, 'runsheet-1440x900');
    await facPage.getByRole('tab', { name: 'Tools' }).click();
    const section = facPage.getByTestId('fac-opinion');
    await section.scrollIntoViewIfNeeded();
    await expect.poll(() => facPage.getByTestId('opinion-progress').textContent()).toContain('8 are done');
    await facPage.getByTestId('opinion-progress').scrollIntoViewIfNeeded();
    await shot(facPage, 'facilitator-controls-1440x900');
    await facPage.getByTestId('opinion-reveal').click();
    const map = facPage.getByTestId('opinion-map');
    await map.waitFor();
    expect(await map.getByTestId('opinion-dots').locator('circle').count()).toBe(10);
    await expect.poll(() => map.getByTestId('opinion-consensus').textContent()).toContain(TEXTS[0]);
    await shot(facPage, 'map-facilitator-1440x900');

    const observer = await openBoard(session, w.boardId, w.observerToken, DESKTOP);
    await observer.getByTestId('opinion-map').waitFor();
    expect(await observer.getByTestId('opinion-map').textContent()).not.toMatch(/Olga|Holger|Person \d/);
    await shot(observer, 'map-observer-1440x900');

    const phone = await openBoard(session, w.boardId, await join(session.server, w.joinCode, 'Ulla'), PHONE);
    await phone.getByTestId('opinion-map').waitFor();
    await shot(phone, 'map-phone-390x844');
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  }, 180_000);
});
