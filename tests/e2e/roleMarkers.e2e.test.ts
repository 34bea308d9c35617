import { describe, expect, it } from 'vitest';
import { ROLE_SCALES } from '@sammen/shared';
import { type ControlClient, connectControl, createWorkshop, join } from '../harness/control.js';
import { DESKTOP, PHONE, SHOTS_DIR, openBoard, shot } from '../harness/boardPage.js';
import { browserSession } from '../harness/session.js';
import { boardBoxOnScreen, drawnText, reachable } from '../harness/canvas.js';

/**
 * The politician's role self-assessment in real Chromium: a politician on a touch phone (390 × 844)
 * places Today and Goal on a row by keyboard only (radio groups: Tab and arrows); eight colleagues
 * place theirs over the control channel; the facilitator reveals and the heat map shows on the
 * phone and on a 1440 × 900 board (pictured to SHOTS_DIR, if set).
 */


const session = browserSession();
const { cleanups } = session;

describe('politician role markers in the browser', () => {
  it('a politician places Today and Goal by keyboard on a phone; the reveal shows the heat map', async () => {
    const w = await createWorkshop(session.server, { title: 'The politician’s role', language: 'en', template: 'politician-role' });
    const fac: ControlClient = await connectControl(session.server.url, w.facilitatorToken);
    cleanups.push(() => fac.close());
    expect(await fac.run({ type: 'role.start' })).toEqual({ ok: true });
    // Eight colleagues: everyone on 1.0 today; goals spread over 2.0 and 3.0.
    for (let i = 0; i < 8; i++) {
      const c = await connectControl(session.server.url, await join(session.server, w.joinCode, `Colleague ${i + 1}`));
      cleanups.push(() => c.close());
      for (const row of ROLE_SCALES.kommune.rows) {
        expect(await c.run({ type: 'role.place', scale: 'kommune', row, kind: 'today', column: i < 6 ? 0 : 1 })).toEqual({ ok: true });
        expect(await c.run({ type: 'role.place', scale: 'kommune', row, kind: 'goal', column: row === 'task' ? 2 : i % 2 ? 2 : 1 })).toEqual({ ok: true });
      }
      for (const row of ROLE_SCALES.shifts.rows) {
        expect(await c.run({ type: 'role.place', scale: 'shifts', row, kind: 'today', column: 0 })).toEqual({ ok: true });
        expect(await c.run({ type: 'role.place', scale: 'shifts', row, kind: 'goal', column: i % 3 })).toEqual({ ok: true });
      }
    }

    const token = await join(session.server, w.joinCode, 'Anne');
    const phone = await openBoard(session, w.boardId, token, PHONE);
    const row = phone.getByTestId('role-row-kommune-seen-as');
    await row.waitFor();
    await shot(phone, 'phone-placing-390x844');
    // Keyboard only: focus lands on the row's first radio; arrows choose, Tab goes on to the Goal group.
    await row.getByRole('radiogroup', { name: 'Today' }).getByRole('radio').first().focus();
    await phone.keyboard.press('ArrowRight'); // Today: 2.0
    await phone.keyboard.press('Tab');
    await phone.keyboard.press('ArrowRight');
    await phone.keyboard.press('ArrowRight'); // Goal: 3.0
    await expect.poll(() => row.getByRole('radiogroup', { name: 'Goal' }).getByRole('radio', { name: '3.0' }).isChecked()).toBe(true);
    // The server holds exactly these two markers for her, read through her own token.
    const own = await connectControl(session.server.url, token);
    cleanups.push(() => own.close());
    // Quick arrow presses place once and then move: never a second marker, never a refusal.
    const mine = await own.waitFor((v) => v.roleRound?.myMarkers.find((m) => m.kind === 'goal')?.column === 2);
    await expect(phone.getByRole('alert').count()).resolves.toBe(0);
    expect(mine.roleRound!.myMarkers.map((m) => [m.row, m.kind, m.column]).sort()).toEqual([['seen-as', 'goal', 2], ['seen-as', 'today', 1]]);
    await shot(phone, 'phone-placed-390x844');

    // A colleague on a computer uses the list view (the skip link): the same radio groups are in it.
    const listPage = await openBoard(session, w.boardId, await join(session.server, w.joinCode, 'Holger'), DESKTOP);
    await listPage.getByTestId('role-list').first().waitFor();
    // On the board, the step's frame opens between the tools and the list (clear of both), and the
    // list ends above raise hand, react and the zoom controls.
    const stepFrame = (await fac.waitFor((v) => !!v.roleRound)).agenda.steps[0]!.frameId!;
    const frameBox = await listPage.evaluate((id) => (window as unknown as { __sammen: { elements(): Array<{ id: string; x: number; y: number; width: number; height: number }> } }).__sammen.elements().find((e) => e.id === id)!, stepFrame);
    const tools = (await listPage.getByRole('toolbar', { name: 'Tools' }).boundingBox())!;
    const side = (await listPage.locator('.role-side').boundingBox())!;
    await expect
      .poll(async () => {
        const frame = await boardBoxOnScreen(listPage, frameBox);
        return frame.left >= tools.x + tools.width && frame.right <= side.x;
      }, { message: 'the step frame between the tools and the role list' })
      .toBe(true);
    for (const control of ['.hands-bar > button[aria-pressed]', '.hands-bar > button[aria-expanded]', '.zoom-controls']) {
      expect(await reachable(listPage, control), `${control} reachable beside the list`).toBe(true);
    }
    await shot(listPage, 'desktop-placing-1440x900');
    await listPage.keyboard.press('Tab');
    await expect.poll(() => listPage.evaluate(() => document.activeElement?.className ?? '')).toContain('skip-link');
    await listPage.keyboard.press('Enter');
    const inList = listPage.getByTestId('accessible-view').getByTestId('role-list');
    await inList.waitFor();
    await inList.getByTestId('role-row-kommune-task').getByRole('radiogroup', { name: 'Today' }).getByRole('radio', { name: '1.0' }).check();

    const desktop = await openBoard(session, w.boardId, w.facilitatorToken, DESKTOP);
    expect(await fac.run({ type: 'role.reveal' })).toEqual({ ok: true });
    const heat = desktop.getByTestId('role-heat-kommune');
    await heat.waitFor();
    // The first row: Today 6 on 1.0 and 3 on 2.0 (two colleagues and Anne); Goal 4 on 2.0 and 5 on 3.0; mean 2.56 − 1.33; colleague 7 stays on 2.0.
    const first = heat.getByRole('row', { name: /The municipality is seen as/ });
    await expect.poll(() => first.getByRole('cell').allTextContents()).toEqual(['6', '3', '0', '0', '4', '5', '+1.2', '8 of 9']);
    await expect.poll(() => desktop.getByTestId('role-gaps').textContent()).toContain('The politicians’ task is');
    await shot(desktop, 'desktop-revealed-1440x900');
    await phone.getByTestId('role-result').waitFor();
    await shot(phone, 'phone-revealed-390x844');
    await listPage.getByTestId('accessible-view').getByTestId('role-result').waitFor();
    await shot(listPage, 'listview-revealed-1440x900');
    await phone.getByTestId('role-result').evaluate((el) => el.scrollTo(0, 400));
    await shot(phone, 'phone-revealed-scrolled-390x844');

    // The board draws the same counts beside the grid frame's rows (on its left: the sorting frames
    // stand right of it): close the panel and fit the whole board in view.
    await desktop.getByTestId('role-result').getByRole('button', { name: 'Close' }).click();
    await desktop.keyboard.press('Escape');
    await desktop.keyboard.press('Shift+Digit1');
    const beside = async (): Promise<string[]> =>
      (await drawnText(desktop)).filter((d) => /^roleheat-.+-seen-as-(today|goal)-\d$|^roleheat-.+-seen-as-gap$/.test(d.id) && !d.standIn).map((d) => d.drawn);
    await expect.poll(beside).toEqual(['6', '3', '0', '0', '4', '5', '+1.2']);
    await shot(desktop, 'desktop-board-heat-1440x900');
    if (SHOTS_DIR) {
      // Closer: zoom in at the heat map (ctrl+wheel zooms at the pointer) to picture its headings.
      await desktop.mouse.move(80, 250);
      await desktop.keyboard.down('Control');
      await desktop.mouse.wheel(0, -200);
      await desktop.keyboard.up('Control');
      await shot(desktop, 'desktop-board-heat-zoomed-1440x900');
    }
    await phone.keyboard.press('Shift+Digit1');
    await shot(phone, 'phone-board-heat-390x844');
  }, 180_000);
});
