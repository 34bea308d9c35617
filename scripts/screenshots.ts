/**
 * `npm run screenshots`: pictures of Sammen's main states for the README, regenerated from the real
 * app. It builds nothing (run `npm run build` first): it starts the built server on a fresh data folder,
 * creates a citizen-conversation workshop, lets a citizen join by code on an emulated phone, gathers
 * notes in a private round, reveals them, runs a dot vote and writes PNGs into docs/screenshots/:
 *
 *   join-phone.png             the join page on a phone (390×844, touch)
 *   participant-phone-composer.png  writing a note on that phone in the private round (if the build has
 *                              the phone composer)
 *   participant-phone.png      the citizen's board on that phone during the dot vote
 *   facilitator-desktop.png    the facilitator at 1440×900 during the vote
 *   observer.png               an observer's view after the results are revealed
 *   projector.png              the projector view: join code, link and QR code
 *   report.png                 the HTML report of the workshop
 *
 * Options: `-- --lang=nb` (da, nb, nn, en; default da), `-- --out=<folder>`.
 * Chromium is launched the way the tests launch it (tests/harness/browser.ts; CHROMIUM_PATH overrides).
 * Every wait is for a condition (a page state, a document change, a server view), never a fixed time.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { getElements, insertElement, newElementId, type Frame, type StickyNote } from '../shared/src/index.ts';
import { launchChromium } from '../tests/harness/browser.ts';
import { connectControl, createWorkshop, join as joinWorkshop, type ControlClient } from '../tests/harness/control.ts';
import { startServer } from '../tests/harness/server.ts';
import { connectClient, synced, waitForDoc, type YClient } from '../tests/harness/yclient.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const LANG = (arg('lang') ?? 'da') as 'da' | 'nb' | 'nn' | 'en';
const OUT = resolve(ROOT, arg('out') ?? 'docs/screenshots');
const LOCALE = { da: 'da-DK', nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' }[LANG];
if (!LOCALE) throw new Error(`--lang must be da, nb, nn or en, not ${LANG}`);

/** UI strings in the chosen language, read from the app's own locale file (so labels never drift). */
const strings = JSON.parse(readFileSync(join(ROOT, `client/src/i18n/locales/${LANG}.json`), 'utf8')) as Record<string, unknown>;
function maybeT(key: string): string | undefined {
  const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], strings);
  return typeof value === 'string' ? value : undefined;
}
function t(key: string): string {
  const value = maybeT(key);
  if (value === undefined) throw new Error(`no string ${key} in ${LANG}.json`);
  return value;
}

/** The people and what they write (in the workshop's language, so the pictures read naturally). */
const CONTENT = {
  da: {
    title: 'Borgerpanel: byens grønne områder',
    facilitator: 'Mette',
    citizen: 'Anna',
    others: ['Bo', 'Karim', 'Sofie'],
    notes: ['Flere bænke ved søen', 'Grønne skolegårde', 'Lys på stien om vinteren', 'Plads til hunde', 'Legeplads for de store', 'Fælles køkkenhave'],
    vote: 'Hvad er vigtigst?',
  },
  nb: {
    title: 'Innbyggerpanel: byens grøntområder',
    facilitator: 'Mette',
    citizen: 'Anna',
    others: ['Bo', 'Karim', 'Sofie'],
    notes: ['Flere benker ved vannet', 'Grønne skolegårder', 'Lys på stien om vinteren', 'Plass til hunder', 'Lekeplass for de store', 'Felles kjøkkenhage'],
    vote: 'Hva er viktigst?',
  },
  nn: {
    title: 'Innbyggjarpanel: grøntområda i byen',
    facilitator: 'Mette',
    citizen: 'Anna',
    others: ['Bo', 'Karim', 'Sofie'],
    notes: ['Fleire benkar ved vatnet', 'Grøne skulegardar', 'Lys på stien om vinteren', 'Plass til hundar', 'Leikeplass for dei store', 'Felles kjøkenhage'],
    vote: 'Kva er viktigast?',
  },
  en: {
    title: 'Citizen panel: green spaces in town',
    facilitator: 'Mette',
    citizen: 'Anna',
    others: ['Bo', 'Karim', 'Sofie'],
    notes: ['More benches by the lake', 'Green school yards', 'Lights on the path in winter', 'Room for dogs', 'A playground for older kids', 'A shared kitchen garden'],
    vote: 'What matters most?',
  },
}[LANG];

const DESKTOP = { viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
const MAX_BYTES = 300 * 1024;

const contexts: BrowserContext[] = [];
const cleanups: Array<() => void> = [];

async function newPage(browser: Browser, device: typeof DESKTOP | typeof PHONE): Promise<Page> {
  const context = await browser.newContext({ ...device, locale: LOCALE, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  return page;
}

/** Two animation frames: whatever the last change scheduled (Konva's batch draw, React) is painted. */
const painted = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

async function shoot(page: Page, name: string): Promise<void> {
  await painted(page);
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  const size = statSync(file).size;
  console.log(`${name}.png  ${Math.round(size / 1024)} KB`);
  if (size > MAX_BYTES) console.warn(`  ${name}.png is over ${MAX_BYTES / 1024} KB: keep the README light`);
}

/** A board page that has synced and drawn its notes. */
async function openBoard(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
  await page.locator('[data-testid=board-canvas]').waitFor();
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const placedBoxes: Box[] = [];

/** Places notes on free cells of a grid inside a frame (through a private document or the board). */
function addNotes(client: YClient, frame: Frame, texts: readonly string[], avoid: readonly Box[]): void {
  const colors: StickyNote['color'][] = ['yellow', 'green', 'pink', 'blue', 'orange', 'purple'];
  const gap = 32;
  const size = 200;
  const cols = Math.max(1, Math.floor((frame.width - gap) / (size + gap)));
  let cell = 0;
  client.doc.transact(() => {
    for (const text of texts) {
      let box: Box;
      do {
        box = { x: frame.x + gap + (cell % cols) * (size + gap), y: frame.y + 80 + Math.floor(cell / cols) * (size + gap), width: size, height: size };
        cell++;
      } while ([...avoid, ...placedBoxes].some((b) => overlaps(b, box)));
      placedBoxes.push(box);
      insertElement(client.doc, { ...box, id: newElementId(), type: 'note', text, color: colors[placedBoxes.length % colors.length]!, index: `a${placedBoxes.length}`, frameId: frame.id } as StickyNote);
    }
  });
}

/** Resolves once the server holds `count` notes in a member's private document (seen by a fresh connection). */
async function storedPrivately(wsUrl: string, boardId: string, token: string, count: number): Promise<Box[]> {
  const check = connectClient(wsUrl, boardId, { token, privateDoc: true });
  try {
    await waitForDoc(check.doc, (d) => getElements(d).filter((e) => e.type === 'note').length >= count);
    return getElements(check.doc).filter((e): e is StickyNote => e.type === 'note');
  } finally {
    check.destroy();
  }
}

/**
 * Writes notes with the phone's composer (the "New note" button of the phone bar) and pictures the
 * composer with the first one typed. Returns where the notes landed, or null when this build has no
 * composer (the others' notes then go around nothing).
 */
async function writeOnPhone(phone: Page, texts: readonly string[], wsUrl: string, boardId: string, token: string): Promise<Box[] | null> {
  const label = maybeT('workshop.phone.newNote');
  const open = label ? phone.getByRole('button', { name: label, exact: true }) : null;
  if (!open || !(await open.isVisible())) return null;
  for (const [i, text] of texts.entries()) {
    await open.click();
    const sheet = phone.getByTestId('note-composer');
    await sheet.locator('textarea').fill(text);
    if (i === 0) await shoot(phone, 'participant-phone-composer');
    await sheet.getByRole('button', { name: t('workshop.phone.send') }).click();
    await sheet.waitFor({ state: 'detached' });
  }
  return storedPrivately(wsUrl, boardId, token, texts.length);
}

async function main(): Promise<void> {
  for (const built of ['server/dist/main.js', 'client/dist/index.html']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`${built} is missing: run \`npm run build\` first (this script builds nothing)`);
  }
  mkdirSync(OUT, { recursive: true });
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const w = await createWorkshop(server, { title: CONTENT.title, language: LANG, template: 'citizen-conversation', facilitatorName: CONTENT.facilitator });
    const fac: ControlClient = await connectControl(server.url, w.facilitatorToken);
    cleanups.push(() => fac.close());
    const board = connectClient(server.wsUrl, w.boardId, { token: w.facilitatorToken });
    cleanups.push(() => board.destroy());
    await synced(board);
    await waitForDoc(board.doc, (d) => getElements(d).some((e) => e.type === 'frame'));

    // The step where everyone writes on their own, and its frame.
    const steps = fac.view().agenda.steps;
    const privateIndex = steps.findIndex((s) => s.private && s.frameId);
    if (privateIndex < 0) throw new Error('the citizen-conversation template has no private step with a frame');
    const frame = getElements(board.doc).find((e): e is Frame => e.type === 'frame' && e.id === steps[privateIndex]!.frameId);
    if (!frame) throw new Error('the private step points at no frame');
    const frameView = { x: frame.x - 40, y: frame.y - 40, width: frame.width + 80, height: frame.height + 80 };

    // The facilitator's desktop.
    const facPage = await newPage(browser, DESKTOP);
    await openBoard(facPage, `${server.url}/b/${w.boardId}#token=${w.facilitatorToken}`);

    // The citizen joins by code on a phone, as a citizen does.
    const phone = await newPage(browser, PHONE);
    await phone.goto(`${server.url}/join`);
    await phone.getByLabel(t('workshop.join.code')).fill(w.joinCode);
    await phone.getByLabel(t('workshop.join.name')).fill(CONTENT.citizen);
    await shoot(phone, 'join-phone');
    await phone.getByRole('button', { name: t('workshop.join.submit') }).click();
    await phone.waitForURL(/\/b\//);
    await phone.locator('[data-testid=connection-status][data-status=online]').waitFor();
    const citizenToken = await phone.evaluate((id) => sessionStorage.getItem(`sammen.token.${id}`) ?? localStorage.getItem(`sammen.token.${id}`), w.boardId);
    if (!citizenToken) throw new Error('the phone did not keep its token after joining');

    // Three more citizens (through the API and real clients: what they see is not pictured).
    const others = await Promise.all(CONTENT.others.map((name) => joinWorkshop(server, w.joinCode, name)));
    const controls = await Promise.all([citizenToken, ...others].map((token) => connectControl(server.url, token)));
    for (const c of controls) cleanups.push(() => c.close());
    await fac.waitFor((v) => v.members.filter((m) => m.online).length >= 2 + others.length);

    // Private round: each writes in their own document; the facilitator reveals with names.
    await run(fac, { type: 'agenda.goto', index: privateIndex });
    if (!fac.view().private.active) await run(fac, { type: 'private.start', reveal: 'named' });
    await run(fac, { type: 'follow.bringHere', viewport: frameView });
    const writers = [citizenToken, ...others];
    const shares = writers.map((_, i) => CONTENT.notes.filter((_, n) => n % writers.length === i));
    // The citizen on the phone writes with the phone's composer, when this build has one.
    const taken = await writeOnPhone(phone, shares[0]!, server.wsUrl, w.boardId, citizenToken);
    for (const [i, token] of writers.entries()) {
      if (i === 0 && taken) continue;
      const priv = connectClient(server.wsUrl, w.boardId, { token, privateDoc: true });
      cleanups.push(() => priv.destroy());
      await synced(priv);
      // Clear of the frame's own words (its instruction line), as a person would place them.
      const words = getElements(board.doc).filter((e) => e.type === 'text' && e.frameId === frame.id) as Box[];
      addNotes(priv, frame, shares[i]!, [...(taken ?? []), ...words]);
      await storedPrivately(server.wsUrl, w.boardId, token, shares[i]!.length);
    }
    await run(fac, { type: 'private.reveal' });
    await waitForDoc(board.doc, (d) => getElements(d).filter((e) => e.type === 'note' && e.frameId === frame.id).length >= CONTENT.notes.length);
    const noteIds = getElements(board.doc)
      .filter((e) => e.type === 'note' && e.frameId === frame.id)
      .map((e) => e.id);

    // The dot vote on the revealed notes; everyone is brought to the frame.
    await run(fac, { type: 'vote.start', elementIds: noteIds, dotsPerPerson: 3, allowMultiplePerElement: false, title: CONTENT.vote });
    await run(fac, { type: 'timer.start', seconds: 300 });
    await run(fac, { type: 'follow.bringHere', viewport: frameView });
    const ballots = [[0, 2], [0, 1, 3], [2, 0], [4, 0, 2]];
    for (const [i, c] of controls.entries()) for (const n of ballots[i]!) await run(c, { type: 'vote.place', elementId: noteIds[n % noteIds.length]! });
    await fac.waitFor((v) => (v.vote?.voters ?? 0) >= controls.length);
    await controls[1]!.run({ type: 'hand.raise' });
    await fac.waitFor((v) => v.hands.length > 0);

    await phone.locator('.vote-bar, [data-testid=vote-bar]').first().waitFor().catch(() => undefined);
    await shoot(phone, 'participant-phone');
    await zoomOnto(facPage, frame.id);
    await facPage.mouse.move(0, 0);
    await shoot(facPage, 'facilitator-desktop');

    // Results revealed: what an observer (a politician watching, say) sees.
    await run(fac, { type: 'vote.reveal' });
    const observer = await newPage(browser, DESKTOP);
    await openBoard(observer, `${server.url}/b/${w.boardId}#token=${w.observerToken}`);
    await observer.getByTestId('result-badge').first().waitFor();
    await run(fac, { type: 'follow.bringHere', viewport: frameView });
    await shoot(observer, 'observer');

    // The projector view, opened from the facilitator panel.
    const projectorButton = facPage.getByRole('button', { name: t('facilitator.links.projector') });
    if (!(await projectorButton.isVisible())) await openPanelPartWith(facPage, projectorButton);
    await projectorButton.click();
    await facPage.locator('.projector').waitFor();
    // The projector view covers the whole window: nothing (the page header, say) lies over its corners.
    const covered = await facPage.evaluate(() =>
      [[4, 4], [window.innerWidth - 4, 4], [4, window.innerHeight - 4], [window.innerWidth - 4, window.innerHeight - 4]]
        .map(([x, y]) => document.elementFromPoint(x!, y!))
        .filter((el) => !el?.closest('.projector'))
        .map((el) => el?.className ?? 'nothing'),
    );
    if (covered.length) throw new Error(`the projector view is covered by ${covered.join(', ')}`);
    await shoot(facPage, 'projector');

    // The report, as the facilitator downloads it (the server renders it; it needs the facilitator token).
    const reportContext = await browser.newContext({ ...DESKTOP, locale: LOCALE, extraHTTPHeaders: { authorization: `Bearer ${w.facilitatorToken}` } });
    contexts.push(reportContext);
    const report = await reportContext.newPage();
    const res = await report.goto(`${server.url}/api/workshops/${w.id}/report?format=html`);
    if (res?.status() !== 200) throw new Error(`report answered ${res?.status()}`);
    await shoot(report, 'report');
  } finally {
    for (const c of cleanups) c();
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser.close();
    await server.stop();
    rmSync(server.dataDir, { recursive: true, force: true });
  }
}

/**
 * Brings a frame into view on a desktop page the way a person does: the wheel pans it to the middle,
 * Ctrl+wheel zooms until it fills the board area. The picture shows notes, not specks.
 */
async function zoomOnto(page: Page, frameId: string): Promise<void> {
  const canvas = await page.locator('[data-testid=board-canvas]').boundingBox();
  if (!canvas) throw new Error('no board canvas');
  for (let i = 0; i < 30; i++) {
    const rect = await page.evaluate((id) => {
      type Node = { getClientRect(): { x: number; y: number; width: number; height: number } };
      const konva = (window as unknown as { Konva?: { stages: Array<{ findOne(sel: string): Node | undefined }> } }).Konva;
      return konva?.stages[0]?.findOne(`#el-${id}`)?.getClientRect() ?? null;
    }, frameId);
    if (!rect) throw new Error(`frame ${frameId} is not drawn`);
    const centre = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    await page.mouse.move(centre.x, centre.y);
    const off = { x: rect.x + rect.width / 2 - canvas.width / 2, y: rect.y + rect.height / 2 - canvas.height / 2 };
    // The zoom that makes the frame fill 92 % of the board area (a wheel step of d pixels zooms by e^(-d/100)).
    const factor = Math.min((canvas.width * 0.92) / rect.width, (canvas.height * 0.92) / rect.height);
    if (Math.abs(off.x) > 8 || Math.abs(off.y) > 8) {
      await page.mouse.wheel(off.x, off.y); // a plain wheel pans: the frame's centre to the canvas's
    } else if (Math.abs(Math.log(factor)) > 0.05) {
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, Math.max(-100, Math.min(100, -100 * Math.log(factor))));
      await page.keyboard.up('Control');
    } else {
      return;
    }
    await painted(page);
  }
  console.warn('  the facilitator view did not settle on the frame');
}

async function run(client: ControlClient, command: Record<string, unknown>): Promise<void> {
  const result = await client.run(command);
  if (!result.ok) throw new Error(`${String(command.type)} failed: ${result.message}`);
}

/**
 * The projector button lives in the panel's links part; if that part is folded away, open whichever
 * disclosure (section toggle or tab) holds it. Tries the panel's expandable buttons one by one.
 */
async function openPanelPartWith(page: Page, target: ReturnType<Page['getByRole']>): Promise<void> {
  const panel = page.getByRole('complementary', { name: t('facilitator.panel') });
  const candidates = panel.locator('button[aria-expanded=false], [role=tab][aria-selected=false]');
  const n = await candidates.count();
  for (let i = 0; i < n; i++) {
    const button = candidates.nth(i);
    if (!(await button.isVisible())) continue;
    await button.click();
    if (await target.isVisible()) return;
  }
  throw new Error(`no part of the facilitator panel shows "${t('facilitator.links.projector')}"`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
