import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getElements, insertElement, stickyNoteDefaults } from '@sammen/shared';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { connectControl, createWorkshop, join, type ControlClient } from '../harness/control.js';
import { createBoard, startServer, type RunningServer } from '../harness/server.js';
import { launchChromium } from '../harness/browser.js';
import { connectClient, synced, waitForDoc } from '../harness/yclient.js';

/**
 * The participant's side of a workshop in real Chromium against the real, built server: joining by
 * code on a phone, the agenda and the server-authoritative timer, follow me, and an observer who
 * cannot change the board. The facilitator is an API client on the control channel. Every wait is
 * for a condition; each person has their own browser context (no shared storage).
 */


const PHONE = { width: 360, height: 740 };

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const controls: ControlClient[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of controls) c.close();
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

async function newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', hasTouch: viewport.width < 600 });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  return page;
}

/** Opens a board with a token link (the token in the fragment), as a facilitator hands it out. */
async function openWithToken(boardId: string, token: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await newPage(viewport);
  await page.goto(`${server.url}/b/${boardId}#token=${encodeURIComponent(token)}`);
  await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
  return page;
}

async function facilitator(token: string): Promise<ControlClient> {
  const c = await connectControl(server.url, token);
  controls.push(c);
  return c;
}

/** The board rectangle a page's canvas shows, from the Konva stage actually drawn. */
function shownRect(page: Page): Promise<{ cx: number; cy: number; width: number; height: number }> {
  return page.evaluate(() => {
    type Stage = { x(): number; y(): number; scaleX(): number; width(): number; height(): number };
    const stage = (window as unknown as { Konva: { stages: Stage[] } }).Konva.stages[0]!;
    const s = stage.scaleX();
    const width = stage.width() / s;
    const height = stage.height() / s;
    return { cx: -stage.x() / s + width / 2, cy: -stage.y() / s + height / 2, width, height };
  });
}

/** Seconds shown by a page's timer (mm:ss). */
async function timerSeconds(page: Page): Promise<number> {
  const text = (await page.getByRole('timer').textContent()) ?? '';
  const m = /^(\d+):(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`timer shows "${text}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const steps = [
  {
    id: 's1',
    title: 'What matters to you?',
    participantText: 'Write one idea per note, on your own.',
    facilitatorNotes: 'Give them five quiet minutes, then ask who wants to start.',
    minutes: 5,
    frameId: null,
    level: 'consult',
    promise: 'The council committee reads every note before the budget meeting',
    private: false,
  },
  { id: 's2', title: 'What can we do together?', participantText: '', facilitatorNotes: '', minutes: 10, frameId: null, level: 'cocreate', promise: 'Top three become actions', private: false },
] as const;

describe('a citizen joins a workshop and follows along', () => {
  it('joins by code on a phone, sees the agenda, the same timer as others, and follows the facilitator', async () => {
    const w = await createWorkshop(server, { title: 'Borgerpanel', language: 'en' });
    const fac = await facilitator(w.facilitatorToken);

    // Join by code through the /join page, on a phone-sized screen.
    const phone = await newPage(PHONE);
    // From the front page, as a citizen would (the server does not serve /join directly yet).
    await phone.goto(server.url);
    await phone.getByRole('link', { name: 'Join a workshop' }).click();
    await phone.getByLabel('Workshop code').fill(`${w.joinCode.slice(0, 3).toLowerCase()} ${w.joinCode.slice(3)}`);
    await phone.getByLabel('Your name').fill('Olga');
    await phone.getByRole('button', { name: 'Join', exact: true }).click();
    await phone.waitForURL(`${server.url}/b/${w.boardId}`);
    await phone.locator('[data-testid=connection-status][data-status=online]').waitFor();
    await fac.waitFor((v) => v.members.some((m) => m.name === 'Olga' && m.online));

    // A second participant opens a token link: the token leaves the address bar at once.
    const bent = await openWithToken(w.boardId, await join(server, w.joinCode, 'Bent'));
    expect(new URL(bent.url()).hash).toBe('');

    // The facilitator sets the agenda: the step, its level and its promise reach the phone.
    expect(await fac.run({ type: 'agenda.set', steps: [...steps] })).toEqual({ ok: true });
    expect(await fac.run({ type: 'agenda.goto', index: 0 })).toEqual({ ok: true });
    // On the phone: the step in the one-line header, its text in one line, all of it behind "More".
    const header = phone.getByTestId('phone-header');
    await header.getByRole('heading', { level: 2, name: 'Step 1 of 2: What matters to you?' }).waitFor();
    await expect.poll(() => header.textContent()).toContain('1/2');
    await expect.poll(() => phone.getByTestId('phone-instruction').textContent()).toContain('Write one idea per note, on your own.');
    await phone.getByRole('button', { name: 'More' }).click();
    const details = phone.getByTestId('step-sheet');
    await expect
      .poll(() => details.textContent())
      .toContain('Your input will be used to: The council committee reads every note before the budget meeting');
    await expect.poll(() => details.textContent()).toContain('Participation: Consultation');
    await details.getByRole('button', { name: 'Close' }).click();
    await details.waitFor({ state: 'detached' });
    // On a wider screen the agenda bar says the same.
    const agenda = bent.getByRole('region', { name: 'Agenda' });
    await expect.poll(() => agenda.getByRole('heading').textContent()).toBe('Step 1 of 2: What matters to you?');

    // The timer is the server's: both participants show the same time left.
    expect(await fac.run({ type: 'timer.start', seconds: 300 })).toEqual({ ok: true });
    await phone.getByRole('timer').waitFor();
    await bent.getByRole('timer').waitFor();
    const [a, b] = await Promise.all([timerSeconds(phone), timerSeconds(bent)]);
    expect(a).toBeGreaterThan(280);
    expect(a).toBeLessThanOrEqual(300);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);

    // Follow me: the phone shows the rectangle the facilitator sees.
    const viewport = { x: 4000, y: 3000, width: 1200, height: 800 };
    expect(await fac.run({ type: 'follow.start', viewport })).toEqual({ ok: true });
    await phone.getByText('You are following the facilitator.').waitFor();
    await expect
      .poll(async () => {
        const r = await shownRect(phone);
        return { cx: Math.round(r.cx), cy: Math.round(r.cy), covers: r.width >= 1199 && r.height >= 799 };
      })
      .toEqual({ cx: 4600, cy: 3400, covers: true });
    // Stepping out: the next move of the facilitator no longer moves the phone.
    await phone.getByRole('button', { name: 'Stop following' }).click();
    expect(await fac.run({ type: 'follow.viewport', viewport: { ...viewport, x: -9000 } })).toEqual({ ok: true });
    await expect.poll(async () => Math.round((await shownRect(bent)).cx)).toBe(-9000 + 600);
    expect(Math.round((await shownRect(phone)).cx)).toBe(4600);
    await phone.getByRole('button', { name: 'Follow the facilitator again' }).click();
    await expect.poll(async () => Math.round((await shownRect(phone)).cx)).toBe(-9000 + 600);
  });
});

/** The notes in the page's board document (not its private notes), through the test hook. */
function boardNotes(page: Page): Promise<Array<{ id: string; text: string }>> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __sammen: { elements(): Array<{ id: string; type: string; text: string }> } }).__sammen;
    return hook.elements().filter((e) => e.type === 'note').map((e) => ({ id: e.id, text: e.text }));
  });
}

/** Places a note in the middle of the board and types `text` (in a private round: a private note). */
/** A note in the middle of the view, with the keyboard's note tool. */
async function writeNote(page: Page, text: string): Promise<void> {
  const box = (await page.locator('[data-testid=board-canvas]').boundingBox())!;
  await page.keyboard.press('n');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.locator('textarea[data-testid=text-editor]:focus').waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

async function writePrivateNote(page: Page, text: string): Promise<void> {
  await writeNote(page, text);
  await page.getByText('Private – only you see this').waitFor();
}

/**
 * Passes the page's sockets whose address matches `address` through the test. `stall()`: those open
 * now pass nothing from then on and stay open, as a phone's socket after a network change; sockets
 * opened later pass again.
 */
async function stallableSockets(page: Page, address: RegExp): Promise<{ opened(): number; stall(): void }> {
  const stalled = new Set<object>();
  const live: object[] = [];
  let opened = 0;
  await page.routeWebSocket(address, (ws) => {
    const upstream = ws.connectToServer();
    ws.onMessage((m) => void (stalled.has(ws) || upstream.send(m)));
    upstream.onMessage((m) => void (stalled.has(ws) || ws.send(m)));
    live.push(ws);
    opened++;
  });
  return { opened: () => opened, stall: () => live.splice(0).forEach((ws) => stalled.add(ws)) };
}

describe("opening a participant's link", () => {
  it('opens the board socket while the page asks who the token is, and opens it once', async () => {
    const w = await createWorkshop(server, { title: 'Borgerpanel', language: 'en' });
    const olga = await join(server, w.joinCode, 'Olga');
    const page = await newPage();
    // What happens, in order: the board's socket, and the answer to who the token is.
    const events: string[] = [];
    page.on('websocket', (ws) => {
      if (new URL(ws.url()).pathname === `/yjs/${w.boardId}`) events.push('board socket');
    });
    page.on('requestfinished', (r) => {
      if (new URL(r.url()).pathname === '/api/session') events.push('session answered');
    });
    await page.goto(`${server.url}/b/${w.boardId}#token=${encodeURIComponent(olga)}`);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
    // Before: the socket opened only after the answer and the board page's first render.
    expect(events.slice(0, 2)).toEqual(['board socket', 'session answered']);
    // The early connection is the board's connection: no second socket opens later.
    await new Promise((r) => setTimeout(r, 1000));
    expect(events.filter((e) => e === 'board socket')).toHaveLength(1);
    expect(page.url()).toBe(`${server.url}/b/${w.boardId}`); // the token still leaves the address bar
  });

  it('an open board (no token): its socket opens once the board is known to be open, once, and it is asked about once', async () => {
    const boardId = await createBoard(server, 'Åpen tavle');
    const page = await newPage();
    const events: string[] = [];
    page.on('websocket', (ws) => {
      if (new URL(ws.url()).pathname === `/yjs/${boardId}`) events.push('board socket');
    });
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === `/api/boards/${boardId}`) events.push('board asked');
    });
    await page.goto(`${server.url}/b/${boardId}`);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
    await new Promise((r) => setTimeout(r, 1000));
    expect(events).toEqual(['board asked', 'board socket']);
  });
});

describe('leaving a page with a note that has not reached the server', () => {
  it('asks first while the connection is down, and not once the note is delivered', async () => {
    const w = await createWorkshop(server, { title: 'Borgerpanel', language: 'en' });
    const olga = await join(server, w.joinCode, 'Olga');
    const page = await newPage();
    // The board's socket, passed through until `down`: then closed by "the network", and refused.
    let down = false;
    const open: Array<{ close(): Promise<void> }> = [];
    await page.routeWebSocket(new RegExp(`/yjs/${w.boardId}\\?`), (ws) => {
      if (down) return void ws.close({ code: 1006 });
      ws.connectToServer(); // passes messages both ways
      open.push(ws);
    });
    await page.goto(`${server.url}/b/${w.boardId}#token=${encodeURIComponent(olga)}`);
    const status = page.locator('[data-testid=connection-status]');
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
    down = true;
    for (const ws of open.splice(0)) await ws.close();
    await expect.poll(() => status.getAttribute('data-status')).not.toBe('online');

    await writeNote(page, 'Written on the train');

    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss(); // stay on the page
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);
    expect(page.isClosed()).toBe(false);

    // The network is back: the note is delivered, and the page may be left without a question.
    down = false;
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await boardNotes(page)).map((n) => n.text)).toEqual(['Written on the train']);
    const stored = connectClient(server.wsUrl, w.boardId, { token: olga });
    await waitForDoc(stored.doc, (d) => getElements(d).some((e) => e.type === 'note' && e.text === 'Written on the train'));
    stored.destroy();
    // The page hears that the server stored it (the saved answer) just after.
    await page.locator('[data-testid=connection-status][data-status=online]:not([data-pending])').waitFor();
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(asked).toEqual(['beforeunload']);
  });
});

describe('a note sent into a socket that stalled (open, but nothing passes)', () => {
  it('is "not saved yet", asks before leaving, and reaches the server over a new socket', async () => {
    const w = await createWorkshop(server, { title: 'Borgerpanel', language: 'en' });
    const olga = await join(server, w.joinCode, 'Olga');
    const page = await newPage();
    const sockets = await stallableSockets(page, new RegExp(`/yjs/${w.boardId}\\?`));
    await page.goto(`${server.url}/b/${w.boardId}#token=${encodeURIComponent(olga)}`);
    const status = page.locator('[data-testid=connection-status]');
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();

    sockets.stall();
    await writeNote(page, 'Sent on a stalled socket');
    // The socket still looks open ("online"); the page knows the note is not stored, and says so.
    await status.and(page.locator('[data-unsaved]')).waitFor({ timeout: 10_000 });
    expect(await status.getAttribute('data-status')).toBe('online');
    await expect.poll(() => status.textContent()).toContain('Not saved yet');
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(['beforeunload']);

    // Unanswered for 10 s with nothing heard: the page replaces the socket (y-websocket itself waits
    // 30 s of silence) and the note is stored.
    const stored = connectClient(server.wsUrl, w.boardId, { token: olga });
    await waitForDoc(stored.doc, (d) => getElements(d).some((e) => e.type === 'note' && e.text === 'Sent on a stalled socket'), 15_000);
    stored.destroy();
    await page.locator('[data-testid=connection-status][data-status=online]:not([data-pending])').waitFor({ timeout: 10_000 });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(asked).toEqual(['beforeunload']);
  });

  it('is still delivered when the person leaves the board inside the app (the "Sammen" link) before it is stored', async () => {
    const w = await createWorkshop(server, { title: 'Borgerpanel', language: 'en' });
    const olga = await join(server, w.joinCode, 'Olga');
    const page = await newPage();
    const sockets = await stallableSockets(page, new RegExp(`/yjs/${w.boardId}\\?`));
    await page.goto(`${server.url}/b/${w.boardId}#token=${encodeURIComponent(olga)}`);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
    sockets.stall();
    await writeNote(page, 'Written just before leaving');
    // No "Leave site?" for a move inside the app: the board page goes, its connection stays until
    // the note is stored (a new socket after 10 s unanswered).
    await page.getByRole('link', { name: 'Sammen' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    const stored = connectClient(server.wsUrl, w.boardId, { token: olga });
    await waitForDoc(stored.doc, (d) => getElements(d).some((e) => e.type === 'note' && e.text === 'Written just before leaving'), 15_000);
    stored.destroy();
    expect(sockets.opened()).toBe(2);
  });

  it('a private note on a stalled private-notes socket shows "not saved yet" too, until it is stored', async () => {
    const w = await createWorkshop(server, { title: 'Borgerpanel', language: 'en' });
    const fac = await facilitator(w.facilitatorToken);
    const olga = await join(server, w.joinCode, 'Olga');
    const page = await openWithToken(w.boardId, olga);
    // Only the private-notes socket is routed: the board's stays healthy, so "online" comes from it.
    const sockets = await stallableSockets(page, new RegExp(`/yjs/${w.boardId}/private\\?`));
    expect(await fac.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
    await page.getByText(/Private brainstorm/).waitFor();
    // Stalled as soon as it opens: it never syncs, so there is nothing to ask on; the page replaces
    // it after 10 s of silence with a note waiting (y-websocket alone waits 30 s).
    await expect.poll(() => sockets.opened()).toBe(1);
    sockets.stall();
    await writePrivateNote(page, 'Kept private, not yet stored');
    const status = page.locator('[data-testid=connection-status]');
    await status.and(page.locator('[data-unsaved]')).waitFor({ timeout: 10_000 });
    expect(await status.getAttribute('data-status')).toBe('online');
    const stored = connectClient(server.wsUrl, w.boardId, { token: olga, privateDoc: true });
    await waitForDoc(stored.doc, (d) => getElements(d).some((e) => e.type === 'note' && e.text === 'Kept private, not yet stored'), 15_000);
    stored.destroy();
    await page.locator('[data-testid=connection-status][data-status=online]:not([data-pending])').waitFor({ timeout: 10_000 });
  });
});

describe('private brainstorm and dot voting', () => {
  it('keeps new notes private until the reveal, then lets the participant vote on them', async () => {
    const w = await createWorkshop(server, { title: 'Borgerpanel', language: 'en' });
    const fac = await facilitator(w.facilitatorToken);
    const olga = await join(server, w.joinCode, 'Olga');
    const page = await openWithToken(w.boardId, olga);

    expect(await fac.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
    await page.getByText(/Private brainstorm/).waitFor();
    await writePrivateNote(page, 'More trees');
    expect(await boardNotes(page)).toEqual([]);
    // The reveal publishes what the server holds: wait until the last keystroke has reached it (on
    // a busy machine the facilitator could otherwise reveal "More tree").
    const stored = connectClient(server.wsUrl, w.boardId, { token: olga, privateDoc: true });
    await waitForDoc(stored.doc, (d) => getElements(d).some((e) => e.type === 'note' && e.text === 'More trees'));
    stored.destroy();

    expect(await fac.run({ type: 'private.reveal' })).toEqual({ ok: true });
    await expect.poll(() => page.getByTestId('workshop-announcer').textContent()).toBe('Your 1 note is now on the board.');
    await expect.poll(async () => (await boardNotes(page)).map((n) => n.text)).toEqual(['More trees']);
    await page.getByText('Private – only you see this').waitFor({ state: 'detached' });

    const [note] = await boardNotes(page);
    expect(await fac.run({ type: 'vote.start', elementIds: [note!.id], dotsPerPerson: 2, allowMultiplePerElement: false, title: 'Priorities' })).toEqual({ ok: true });
    const place = page.getByRole('button', { name: 'Place a dot on: More trees' });
    await place.click();
    await page.getByText('1 of 2 dots left').waitFor();
    await page.getByRole('button', { name: 'Take back a dot from: More trees' }).waitFor();
    // A second dot on the same note (the button says it is not available; pressing it explains why).
    await place.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'You can place only one dot on each note.' }).waitFor();

    expect(await fac.run({ type: 'vote.reveal' })).toEqual({ ok: true });
    const results = page.getByRole('complementary', { name: 'Vote results' });
    await expect.poll(() => results.getByRole('listitem').allTextContents()).toEqual(['1.More trees 1 dot']);
    await page.getByTestId('result-badge').waitFor();
  });
});

describe('vote results on a computer', () => {
  it("come beside the step's frame, not over it, for a participant and for someone following; the frame is centred again when they close", async () => {
    const w = await createWorkshop(server, { title: 'Borgerpanel', language: 'en' });
    const fac = await facilitator(w.facilitatorToken);
    // A step frame as wide as a template's, and a note in it to vote on.
    const board = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
    await synced(board);
    const frame = { id: 'f-priorities', type: 'frame', index: 'a0', frameId: null, x: 0, y: 0, width: 1200, height: 900, title: 'What matters most?', fill: 'white' } as const;
    const note = { ...stickyNoteDefaults, type: 'note' as const, id: 'n-trees', index: 'a1', frameId: frame.id, x: 60, y: 80, text: 'More trees' };
    board.doc.transact(() => {
      insertElement(board.doc, frame);
      insertElement(board.doc, note);
    });
    const step = { ...steps[0], frameId: frame.id, private: false };
    expect(await fac.run({ type: 'agenda.set', steps: [step] })).toEqual({ ok: true });
    expect(await fac.run({ type: 'agenda.goto', index: 0 })).toEqual({ ok: true });

    const olga = await openWithToken(w.boardId, await join(server, w.joinCode, 'Olga'));
    const bent = await openWithToken(w.boardId, await join(server, w.joinCode, 'Bent'));
    const pia = await openWithToken(w.boardId, await join(server, w.joinCode, 'Pia'), PHONE);
    // Bent has looked elsewhere, then follows the facilitator, who shows the whole frame and more.
    await bent.locator('[data-testid=board-canvas]').hover();
    await bent.mouse.wheel(0, 400);
    expect(await fac.run({ type: 'follow.start', viewport: { x: -300, y: -200, width: 1800, height: 1300 } })).toEqual({ ok: true });
    await bent.getByText('You are following the facilitator.').waitFor();

    const frameOnScreen = async (page: Page) => {
      const canvas = (await page.locator('[data-testid=board-canvas]').boundingBox())!;
      const v = await shownRect(page);
      const scale = canvas.width / v.width;
      const left = canvas.x + (frame.x - (v.cx - v.width / 2)) * scale;
      const top = canvas.y + (frame.y - (v.cy - v.height / 2)) * scale;
      return { left, right: left + frame.width * scale, top, bottom: top + frame.height * scale, canvas };
    };
    // Before the vote the frame is where the step opens it: centred on a computer (the card's column
    // would cover its left), on a phone at its top-left corner at a readable size.
    const where = async (page: Page) => {
      const f = await frameOnScreen(page);
      return { across: Math.round(f.left - f.canvas.x - (f.canvas.x + f.canvas.width - f.right)), top: Math.round(f.top - f.canvas.y) };
    };
    const opened = new Map<Page, { across: number; top: number }>();
    for (const page of [olga, bent]) {
      await expect.poll(async () => (await where(page)).across).toBe(0);
      opened.set(page, await where(page));
    }
    let last = '';
    await expect.poll(async () => last === (last = JSON.stringify(await where(pia)))).toBe(true);
    opened.set(pia, JSON.parse(last) as { across: number; top: number });

    expect(await fac.run({ type: 'vote.start', elementIds: [note.id], dotsPerPerson: 1, allowMultiplePerElement: false, title: 'Priorities' })).toEqual({ ok: true });
    await olga.getByRole('button', { name: 'Place a dot on: More trees' }).click();
    await olga.getByText('0 of 1 dots left').waitFor();
    expect(await fac.run({ type: 'vote.reveal' })).toEqual({ ok: true });
    for (const page of [olga, bent, pia]) {
      const card = page.getByRole('complementary', { name: 'Vote results' });
      await card.getByRole('listitem').first().waitFor();
      const box = (await card.boundingBox())!;
      // Beside the card: the whole frame right of it on a computer, its top below it on a phone.
      await expect
        .poll(
          async () => {
            const f = await frameOnScreen(page);
            // (On the phone the frame is wider than the screen at a readable size, as it opened.)
            if (page === pia) return f.top >= box.y + box.height && f.top < f.canvas.y + f.canvas.height / 2;
            return f.left >= box.x + box.width && f.right <= f.canvas.x + f.canvas.width + 1 && f.bottom <= f.canvas.y + f.canvas.height + 1;
          },
          { message: 'frame beside the results card' },
        )
        .toBe(true);
      // Closed, it is a chip the person put away: the frame goes back where the step opened it.
      await card.getByRole('button', { name: 'Close the results' }).click();
      await expect.poll(() => where(page), { message: 'frame back where it opened, once the card is closed' }).toEqual(opened.get(page));
    }
    board.destroy();
  });
});

describe('an observer', () => {
  it('watches without being able to add a note', async () => {
    const w = await createWorkshop(server, { title: 'Udvalget følger med', language: 'en' });
    const observer = await openWithToken(w.boardId, w.observerToken);
    await observer.getByText('You are observing').waitFor();
    const toolbar = observer.getByRole('toolbar', { name: 'Tools' });
    // Select, hand, and the portfolio (read-only for an observer: filters and "since last time" only).
    await expect.poll(() => toolbar.getByRole('button').count()).toBe(3);
    expect(await toolbar.getByTestId('open-portfolio').count()).toBe(1);
    expect(await toolbar.getByRole('button', { name: /Sticky note/ }).count()).toBe(0);
    expect(await toolbar.getByTestId('add-project').count()).toBe(0);

    // The shortcut and a click on the board do nothing (the note tool would create on pointerdown).
    const canvas = observer.locator('[data-testid=board-canvas]');
    const box = (await canvas.boundingBox())!;
    await canvas.focus();
    await observer.keyboard.press('n');
    await observer.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await observer.keyboard.press('Control+v');
    const count = await observer.evaluate(() => {
      const hook = (window as unknown as { __sammen: { doc: { getMap(name: string): { size: number } } } }).__sammen;
      return hook.doc.getMap('elements').size;
    });
    expect(count).toBe(0);
    expect(await observer.locator('textarea[data-testid=text-editor]').count()).toBe(0);
    // Still connected: nothing was sent that the server had to refuse.
    expect(await observer.locator('[data-testid=connection-status]').getAttribute('data-status')).toBe('online');
  });
});

describe('a phone whose network stalls at the reveal', () => {
  it('still delivers the note written just before the reveal, and the note is revealed when it arrives', async () => {
    const w = await createWorkshop(server, { title: 'Borgerpanel', language: 'en' });
    const fac = await facilitator(w.facilitatorToken);
    const olga = await join(server, w.joinCode, 'Olga');
    const page = await newPage();
    // The private notes' uplink: passed on until `stalled`, then held (a network that stops carrying
    // what the phone sends, while the page still thinks it is connected), and sent on when it recovers.
    let stalled = false;
    const held: Array<string | Buffer> = [];
    let toServer: ((message: string | Buffer) => void) | null = null;
    await page.routeWebSocket(/\/yjs\/[^/?]+\/private/, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onMessage((message) => ws.send(message));
      toServer = (message) => upstream.send(message);
      ws.onMessage((message) => (stalled ? held.push(message) : upstream.send(message)));
    });
    await page.goto(`${server.url}/b/${w.boardId}#token=${encodeURIComponent(olga)}`);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();

    expect(await fac.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
    await page.getByText(/Private brainstorm/).waitFor();
    stalled = true;
    await writePrivateNote(page, 'Last second idea');
    await expect.poll(() => held.length).toBeGreaterThan(0);

    // The reveal finds nothing of Olga's: her note is stuck on the way.
    expect(await fac.run({ type: 'private.reveal' })).toEqual({ ok: true });
    await fac.waitFor((v) => !v.private.active);
    await page.getByText('Private – only you see this').waitFor({ state: 'detached' });
    expect(await boardNotes(page)).toEqual([]);
    // The note left the screen with the round: the page says where it is.
    const waiting = page.getByTestId('waiting-notes');
    await expect.poll(async () => (await waiting.textContent())?.trim()).toBe('Your 1 note from the private round is still on its way. It goes on the board when it arrives.');

    // The network recovers, slowly, and drops again halfway: the first half of what the page sent
    // arrives after the reveal, a message every 40 ms, and is revealed once it has stopped coming.
    stalled = false;
    const send = async (messages: Array<string | Buffer>) => {
      for (const message of messages) {
        toServer!(message);
        await new Promise((r) => setTimeout(r, 40));
      }
    };
    const sent = held.splice(0);
    await send(sent.slice(0, Math.ceil(sent.length / 2)));
    await expect.poll(() => page.getByTestId('workshop-announcer').textContent()).toBe('Your 1 note is now on the board.');
    const partly = (await boardNotes(page)).map((n) => n.text);
    expect(partly).toHaveLength(1);
    expect('Last second idea'.startsWith(partly[0]!) && partly[0] !== 'Last second idea').toBe(true);
    // Until the rest is on the board too, the page still says the note is on its way.
    expect(await waiting.count()).toBe(1);

    // The rest comes well after the first half was revealed (the phone reconnected): it reaches the
    // note on the board, which is not announced again.
    await new Promise((r) => setTimeout(r, 2500));
    await send(sent.slice(Math.ceil(sent.length / 2)));
    await expect.poll(async () => (await boardNotes(page)).map((n) => n.text)).toEqual(['Last second idea']);
    await waiting.waitFor({ state: 'detached' });
    const stored = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
    await waitForDoc(stored.doc, (d) => getElements(d).some((e) => e.type === 'note' && e.text === 'Last second idea' && e.author === 'Olga'));
    stored.destroy();
  });
});

describe('a phone whose network stalls until the next private round', () => {
  it('keeps the rest of a half-revealed note: it comes back as a private note of the new round and is revealed with it', async () => {
    const w = await createWorkshop(server, { title: 'Borgerpanel', language: 'en' });
    const fac = await facilitator(w.facilitatorToken);
    const olga = await join(server, w.joinCode, 'Olga');
    const page = await newPage();
    // The first round's private-notes uplink: held while `stalled`, passed on in order by the test.
    // Sockets opened later (the next round's) pass freely.
    const first = { stalled: false, held: [] as Array<string | Buffer>, toServer: null as ((message: string | Buffer) => void) | null };
    let opened = 0;
    await page.routeWebSocket(/\/yjs\/[^/?]+\/private/, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onMessage((message) => ws.send(message));
      if (opened++ > 0) return void ws.onMessage((message) => upstream.send(message));
      first.toServer = (message) => upstream.send(message);
      ws.onMessage((message) => (first.stalled ? first.held.push(message) : upstream.send(message)));
    });
    await page.goto(`${server.url}/b/${w.boardId}#token=${encodeURIComponent(olga)}`);
    await page.locator('[data-testid=connection-status][data-status=online]').waitFor();

    expect(await fac.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
    await page.getByText(/Private brainstorm/).waitFor();
    first.stalled = true;
    await writePrivateNote(page, 'Last second idea');
    await expect.poll(() => first.held.length).toBeGreaterThan(1);
    expect(await fac.run({ type: 'private.reveal' })).toEqual({ ok: true });
    await fac.waitFor((v) => !v.private.active);

    // Half of what the page sent arrives after the reveal and is revealed late: the start of the note.
    const sent = first.held.splice(0);
    const half = Math.ceil(sent.length / 2);
    for (const message of sent.slice(0, half)) first.toServer!(message);
    await expect.poll(async () => (await boardNotes(page)).length).toBe(1);
    const partly = (await boardNotes(page))[0]!.text;
    expect('Last second idea'.startsWith(partly) && partly !== 'Last second idea').toBe(true);

    // The next private round starts before the rest arrives: the server deletes the revealed note
    // from Olga's private document, so the rest lands in a deleted note. The page writes the whole
    // note again (held too, behind the rest); then the network recovers.
    expect(await fac.run({ type: 'private.start', reveal: 'named' })).toEqual({ ok: true });
    await page.getByText(/Private brainstorm/).waitFor();
    await expect.poll(() => first.held.length).toBeGreaterThan(0);
    first.stalled = false;
    for (const message of [...sent.slice(half), ...first.held.splice(0)]) first.toServer!(message);
    const own = connectClient(server.wsUrl, w.boardId, { token: olga, privateDoc: true });
    await waitForDoc(own.doc, (d) => getElements(d).filter((e) => e.type === 'note').map((e) => e.type === 'note' && e.text).join() === 'Last second idea');
    own.destroy();
    // On her screen it is one of her private notes of this round.
    await page.getByText('Private – only you see this').first().waitFor();

    // Revealed with the new round: the whole note is on the board, by Olga, beside the start of it.
    expect(await fac.run({ type: 'private.reveal' })).toEqual({ ok: true });
    await expect.poll(async () => (await boardNotes(page)).map((n) => n.text).sort()).toEqual(['Last second idea', partly].sort());
  });
});
