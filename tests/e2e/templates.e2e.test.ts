import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LANGUAGES } from '@sammen/shared';
import { launchChromium } from '../harness/browser.js';
import { createWorkshop, join } from '../harness/control.js';
import { type RunningServer, startServer } from '../harness/server.js';
import { drawnText } from '../harness/canvas.js';

/**
 * Issue #5: every built-in template, in every language, drawn by the real client in Debian Chromium,
 * measured as drawn: (a) every element that belongs to a frame lies inside the frame's box; (b) the
 * text of every note, shape and free text is drawn completely (Konva drops lines that do not fit, so
 * the lines Konva lays out must add up to the whole text) and inside its box. The layout comes from the
 * page (`window.__sammen.textLayout`): the client's own fitting with the browser's real font, wrapped
 * by a Konva `Text` with the attributes the board draws with. One browser and one page, navigated
 * from board to board.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;
/** A participant at a 1440×900 screen, who opens fitted to the current step's frame. */
let participant: Page;

beforeAll(async () => {
  // Two workshops per template and language, more than one address may make in an hour by default.
  server = await startServer({ env: { WORKSHOPS_PER_ADDRESS_PER_HOUR: '1000', BOARDS_PER_ADDRESS_PER_HOUR: '1000' } });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
  page = await context.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  participant = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'da-DK' })).newPage();
  participant.on('pageerror', (e) => {
    throw e;
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Problem {
  id: string;
  type: string;
  problem: string;
  text?: string;
}

interface Measured {
  problems: Problem[];
  checkedText: number;
  checkedInFrame: number;
  drawnChecked: number;
}

/** Runs in the page: measures the board as the client draws it. */
function measureBoard(): Measured {
  type Box = { x: number; y: number; width: number; height: number };
  type El = Box & { id: string; type: string; frameId: string | null; text?: string };
  type Layout = { fontSize: number; lines: Array<{ text: string; width: number }>; lineHeightPx: number; maxWidth: number; maxHeight: number | null; fits: boolean };
  type KonvaNode = { fontSize(): number };
  const w = window as unknown as {
    __sammen: { elements(): El[]; textLayout(id: string): Layout | null };
    Konva: { stages: Array<{ findOne(sel: string): KonvaNode | undefined }> };
  };
  const hook = w.__sammen;
  const elements = hook.elements();
  const byId = new Map(elements.map((e) => [e.id, e]));
  const problems: Problem[] = [];
  const eps = 0.5;
  let checkedText = 0;
  let checkedInFrame = 0;
  let drawnChecked = 0;
  for (const el of elements) {
    if (el.type !== 'arrow' && el.frameId) {
      const f = byId.get(el.frameId);
      checkedInFrame++;
      if (!f) problems.push({ id: el.id, type: el.type, problem: `frame ${el.frameId} is missing` });
      else if (el.x < f.x - eps || el.y < f.y - eps || el.x + el.width > f.x + f.width + eps || el.y + el.height > f.y + f.height + eps) {
        problems.push({
          id: el.id,
          type: el.type,
          problem: `outside its frame ${f.id}: ${JSON.stringify([el.x, el.y, el.width, el.height])} not in ${JSON.stringify([f.x, f.y, f.width, f.height])}`,
        });
      }
    }
    if (el.type !== 'note' && el.type !== 'shape' && el.type !== 'text') continue;
    if (!el.text?.trim()) continue;
    const layout = hook.textLayout(el.id);
    if (!layout) {
      problems.push({ id: el.id, type: el.type, problem: 'no text layout' });
      continue;
    }
    checkedText++;
    const squash = (s: string) => s.replace(/\s+/g, '');
    const drawn = layout.lines.map((l) => l.text).join('');
    if (squash(drawn) !== squash(el.text)) {
      problems.push({ id: el.id, type: el.type, problem: `text not all drawn at ${layout.fontSize}px: ${layout.lines.length} lines, last "${layout.lines.at(-1)?.text ?? ''}"`, text: el.text });
    }
    const wide = layout.lines.find((l) => l.width > layout.maxWidth + eps);
    if (wide) problems.push({ id: el.id, type: el.type, problem: `line "${wide.text}" is ${wide.width.toFixed(1)}px wide, room ${layout.maxWidth}` });
    const height = layout.lines.length * layout.lineHeightPx;
    const room = layout.maxHeight ?? el.height;
    if (height > room + eps) problems.push({ id: el.id, type: el.type, problem: `text is ${height.toFixed(1)}px high at ${layout.fontSize}px, room ${room}`, text: el.text });
    if (!layout.fits && el.type !== 'text') problems.push({ id: el.id, type: el.type, problem: 'the client could not fit it even at the minimum size' });
    // Where the board draws the text now, it draws it at the size the layout says.
    const node = w.Konva.stages[0]?.findOne(`#text-${el.id}`) ?? (el.type === 'text' ? w.Konva.stages[0]?.findOne(`#el-${el.id}`) : undefined);
    if (node && typeof node.fontSize === 'function') {
      drawnChecked++;
      if (node.fontSize() !== layout.fontSize) problems.push({ id: el.id, type: el.type, problem: `drawn at ${node.fontSize()}px, layout says ${layout.fontSize}px` });
    }
  }
  return { problems, checkedText, checkedInFrame, drawnChecked };
}

interface TitleCheck {
  problems: string[];
  titles: number;
  frames: number;
}

/**
 * Runs in the page: the frame titles as drawn at the zoom the board opened with (issue #15), from
 * `window.__sammen.drawnText()`: none cut short (a title, or its stand-in, longer than its frame),
 * none overlapping another title or lying over another frame, every frame in view accounted for.
 */
function measureTitles(): TitleCheck {
  type Box = { x: number; y: number; width: number; height: number };
  type Drawn = { id: string; kind: string; standIn: boolean; drawn: string; cut: boolean; screenPx: number; box: Box };
  type El = Box & { id: string; type: string; title?: string };
  const w = window as unknown as {
    __sammen: { elements(): El[]; drawnText(): Drawn[] };
    Konva: { stages: Array<{ x(): number; y(): number; scaleX(): number; container(): HTMLElement }> };
  };
  const stage = w.Konva.stages.find((s) => s.container().closest('[data-testid=board-canvas]'))!;
  const s = stage.scaleX();
  const frames = w.__sammen.elements().filter((e) => e.type === 'frame');
  const screen = (b: Box): Box => ({ x: b.x * s + stage.x(), y: b.y * s + stage.y(), width: b.width * s, height: b.height * s });
  // Touching edges is not overlapping: a pixel of tolerance.
  const overlap = (a: Box, b: Box): boolean =>
    a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
  const titles = w.__sammen.drawnText().filter((t) => t.kind === 'frameTitle');
  const problems: string[] = [];
  const label = (t: Drawn) => `${t.id}${t.standIn ? ' (stand-in)' : ` "${t.drawn}"`}`;
  for (const t of titles) {
    if (t.cut) problems.push(`title of ${label(t)} is cut at ${t.screenPx.toFixed(1)} px`);
    if (!t.standIn && t.screenPx < 6) problems.push(`title of ${label(t)} drawn at ${t.screenPx.toFixed(1)} px`);
    for (const u of titles) if (u.id > t.id && overlap(t.box, u.box)) problems.push(`titles of ${label(t)} and ${label(u)} overlap`);
    for (const f of frames) if (f.id !== t.id && overlap(t.box, screen(f))) problems.push(`title of ${label(t)} lies over frame ${f.id}`);
  }
  return { problems, titles: titles.length, frames: frames.length };
}

/** On-screen size a first-step text must reach at the zoom a participant opens with (1440×900). */
const MIN_OPENING_PX = 9;

/**
 * Issue #11: a participant opens fitted to the current step's frame (a facilitator showing the step
 * sees about the same). At a 1440×900 screen every text of the first step's frame is drawn as letters
 * (no stand-in), uncut and at least MIN_OPENING_PX on screen. Returns the problems and the sizes seen.
 */
async function checkOpeningZoom(url: string, frameId: string, inFrame: Set<string>): Promise<{ problems: string[]; sizes: number[] }> {
  await participant.goto(url);
  // Fitted: the camera shows the frame as large as the participant's fit makes it (STEP_INSETS in
  // client/src/workshop/phone/stepFocus.ts, clear of the tools: geometry/viewport.ts fitClearOf) and has stayed so for a few frames (the bars above the
  // board arrive with the workshop's state and refit it).
  await participant.waitForFunction(
    (fid) => {
      type Box = { x: number; y: number; width: number; height: number };
      const win = window as unknown as {
        __sammen?: { elements(): Array<Box & { id: string }> };
        Konva?: { stages: Array<{ x(): number; y(): number; scaleX(): number; width(): number; height(): number; container(): HTMLElement }> };
        __fitSeen?: string;
        __fitSame?: number;
      };
      const frame = win.__sammen?.elements().find((e) => e.id === fid);
      const stage = win.Konva?.stages.find((st) => st.container().closest('[data-testid=board-canvas]'));
      if (!frame || !stage || stage.width() < 2) return false;
      // Over the whole canvas, unless the frame, with 12 px beside it, would then reach under the tools
      // on the left (useCovering, 8 px gap): then beside them.
      const inset = (left: number): number => Math.min(4, (stage.width() - 24 - left) / frame.width, (stage.height() - 46) / frame.height);
      const tools = document.querySelector('[role=toolbar][aria-orientation=vertical]')?.getBoundingClientRect();
      const toolsRight = tools ? tools.right - stage.container().getBoundingClientRect().left + 8 : 0;
      const plain = inset(0);
      const plainLeft = 12 + (stage.width() - 24) / 2 - (frame.width * plain) / 2;
      const fit = plainLeft - 12 >= toolsRight ? plain : inset(toolsRight);
      if (Math.abs(stage.scaleX() - fit) > fit * 0.02) return false;
      const key = `${stage.scaleX().toFixed(4)} ${stage.x().toFixed(1)} ${stage.y().toFixed(1)}`;
      win.__fitSame = win.__fitSeen === key ? (win.__fitSame ?? 0) + 1 : 0;
      win.__fitSeen = key;
      return win.__fitSame >= 3;
    },
    frameId,
    { polling: 'raf' },
  );
  const all = await drawnText(participant);
  const drawn = all.filter((t) => inFrame.has(t.id));
  const problems: string[] = [];
  if (!drawn.some((t) => t.kind === 'text')) problems.push(`no text of the first step's frame ${frameId} is drawn`);
  for (const t of drawn) {
    if (t.standIn) problems.push(`opening zoom: ${t.kind} ${t.id} drawn as a stand-in (${t.screenPx.toFixed(1)} px)`);
    else if (t.screenPx < MIN_OPENING_PX) problems.push(`opening zoom: ${t.kind} ${t.id} at ${t.screenPx.toFixed(1)} px`);
    if (t.cut) problems.push(`opening zoom: ${t.kind} ${t.id} is cut`);
  }
  return { problems, sizes: drawn.map((t) => t.screenPx) };
}

describe('built-in templates render cleanly (issue #5)', () => {
  it('every template in every language: elements inside their frames, all text drawn inside its box, frame titles neither cut nor overlapping, the first step readable as a participant opens it', async () => {
    const started = Date.now();
    const templates = (await (await fetch(`${server.url}/api/templates`)).json()) as Array<{ id: string; builtIn: boolean }>;
    const builtIns = templates.filter((t) => t.builtIn);
    expect(builtIns.length).toBeGreaterThanOrEqual(10);
    const failures: string[] = [];
    let boards = 0;
    let texts = 0;
    let drawn = 0;
    let titleCount = 0;
    const openingSizes: number[] = [];
    for (const { id: template } of builtIns) {
      const file = (await (await fetch(`${server.url}/api/templates/${template}`)).json()) as {
        elements: Array<{ id: string; frameId: string | null }>;
        agenda: Array<{ frameId: string | null }>;
      };
      const frameId = file.agenda[0]?.frameId;
      if (!frameId) failures.push(`${template}: its first step shows no frame`);
      const inFrame = new Set(file.elements.filter((e) => e.id === frameId || e.frameId === frameId).map((e) => e.id));
      for (const language of LANGUAGES) {
        const w = await createWorkshop(server, { title: `${template} ${language}`, language, template });
        // The participant's page loads alongside the facilitator's (it has its own browser context).
        const opening = frameId
          ? checkOpeningZoom(`${server.url}/b/${w.boardId}#token=${encodeURIComponent(await join(server, w.joinCode, 'Deltager'))}`, frameId, inFrame)
          : Promise.resolve({ problems: [], sizes: [] });
        // Awaited below; if the facilitator's page fails first, this must not surface as unhandled.
        opening.catch(() => undefined);
        await page.goto(`${server.url}/b/${w.boardId}#token=${w.facilitatorToken}`);
        await page.locator('[data-testid=connection-status][data-status=online]').waitFor();
        // The board's stage is drawn once its container has a size (on a busy machine, after the rest).
        await page.waitForFunction(
          (n) => {
            const w = window as unknown as {
              __sammen?: { doc: { getMap(n: string): { size: number } }; textLayout?: unknown };
              Konva?: { stages: Array<{ container(): HTMLElement }> };
            };
            const hook = w.__sammen;
            const stage = w.Konva?.stages.some((s) => s.container().closest('[data-testid=board-canvas]'));
            return !!stage && !!hook?.textLayout && hook.doc.getMap('elements').size === n;
          },
          file.elements.length,
        );
        const result = await page.evaluate(measureBoard);
        const titles = await page.evaluate(measureTitles);
        titleCount += titles.titles;
        for (const p of titles.problems) failures.push(`${template} [${language}] ${p}`);
        boards++;
        texts += result.checkedText;
        drawn += result.drawnChecked;
        for (const p of result.problems) {
          failures.push(`${template} [${language}] ${p.type} ${p.id}: ${p.problem}${p.text ? ` — ${JSON.stringify(p.text.slice(0, 80))}` : ''}`);
        }
        const { problems, sizes } = await opening;
        for (const p of problems) failures.push(`${template} [${language}] ${p}`);
        openingSizes.push(...sizes);
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`templates render test: ${boards} boards, ${texts} texts measured (${drawn} also checked on the stage), ${titleCount} frame titles, ${openingSizes.length} first-step texts at the opening zoom (smallest ${Math.min(...openingSizes).toFixed(1)} px) in ${seconds} s`);
    if (failures.length) console.log(`template render problems:\n${failures.join('\n')}`);
    expect(boards).toBe(builtIns.length * LANGUAGES.length);
    expect(texts).toBeGreaterThan(0);
    expect(titleCount).toBeGreaterThan(0);
    expect(openingSizes.length).toBeGreaterThan(0);
    expect(failures).toEqual([]);
    // 40 boards, each opened by a facilitator and a participant: 141–180 s in full runs on a slow
    // 2-core host (Dec 2026), where 180 s was the edge.
  }, 300_000);
});
