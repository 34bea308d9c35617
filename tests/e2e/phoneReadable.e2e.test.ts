import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getElements, type Element, type Frame } from '@sammen/shared';
import { connectControl, createWorkshop, type ControlClient } from '../harness/control.js';
import { drawnText } from '../harness/canvas.js';
import { browserSession } from '../harness/session.js';
import { connectClient, synced } from '../harness/yclient.js';

/**
 * Issue 15: a participant on a phone opens a wide step (the politician's role table, ~2,840 board
 * units wide) at a zoom where its text reads, on the frame's top-left corner, instead of fitting the
 * whole table at ~0.13 where every text is a grey stand-in. Real server, real Chromium, 390 × 844 with
 * touch; what is drawn is read from the canvas (`window.__sammen.drawnText()`).
 */

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3, locale: 'en-GB' };

const session = browserSession();
const { cleanups, newPage } = session;

/** The stage's camera: scale and where board point (0, 0) is on the canvas. */
const camera = (page: Page) =>
  page.evaluate(() => {
    type Stage = { x(): number; y(): number; scaleX(): number };
    const stage = (window as unknown as { Konva: { stages: Stage[] } }).Konva.stages[0];
    return stage ? { scale: stage.scaleX(), x: stage.x(), y: stage.y() } : null;
  });


describe('a wide step on a phone (issue 15)', () => {
  it("opens the politician's role table readable, on its top-left corner, not as grey stand-ins", async () => {
    const w = await createWorkshop(session.server, { title: 'Politikerens rolle', language: 'da', template: 'politician-role' });
    const fac: ControlClient = await connectControl(session.server.url, w.facilitatorToken);
    cleanups.push(() => fac.close());
    const board = connectClient(session.server.wsUrl, w.boardId, { token: w.facilitatorToken });
    cleanups.push(() => board.destroy());
    await synced(board);
    const index = fac.view().agenda.steps.findIndex((s) => s.frameId === 'grid');
    expect(index).toBeGreaterThan(0);
    expect(await fac.run({ type: 'agenda.goto', index })).toEqual({ ok: true });
    const elements = getElements(board.doc);
    const grid = elements.find((e): e is Frame => e.type === 'frame' && e.id === 'grid')!;
    const inGrid = new Set(elements.filter((e: Element) => e.frameId === 'grid').map((e) => e.id));

    const phone = await newPage(PHONE);
    await phone.goto(`${session.server.url}/join`);
    await phone.getByLabel('Workshop code').fill(w.joinCode);
    await phone.getByLabel('Your name').fill('Mette');
    await phone.getByRole('button', { name: 'Join', exact: true }).tap();
    await phone.waitForURL(`${session.server.url}/b/${w.boardId}`);
    await phone.locator('[data-testid=connection-status][data-status=online]').waitFor();

    // The step's camera: the table's top-left corner just inside the canvas, zoomed in past a whole-frame fit.
    const fitScale = (390 - 24) / grid.width;
    await expect
      .poll(async () => {
        const c = await camera(phone);
        if (!c) return 'no stage';
        const left = grid.x * c.scale + c.x;
        const top = grid.y * c.scale + c.y;
        return c.scale > 3 * fitScale && Math.abs(left - 12) < 1 && Math.abs(top - 34) < 1 ? 'top-left, readable' : JSON.stringify({ ...c, left, top });
      })
      .toBe('top-left, readable');

    // Every text of the table in view is drawn as letters, at least 10 CSS px.
    const texts = (await drawnText(phone)).filter((t) => t.kind === 'text' && inGrid.has(t.id));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    const small = texts.filter((t) => t.standIn || t.screenPx < 10).map((t) => `${t.id} ${t.screenPx.toFixed(1)} px${t.standIn ? ' stand-in' : ''}`);
    expect(small).toEqual([]);
    const sizes = texts.map((t) => t.screenPx).sort((a, b) => a - b);
    console.log(`politician-role grid on a 390×844 phone: scale ${(await camera(phone))!.scale.toFixed(3)} (whole-frame fit ${fitScale.toFixed(3)}), ${texts.length} texts in view, ${sizes[0]!.toFixed(1)}–${sizes.at(-1)!.toFixed(1)} px`);
    if (process.env.SAMMEN_SCREENSHOT) await phone.screenshot({ path: process.env.SAMMEN_SCREENSHOT });
  });
});
