import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getElements, type Frame, type StickyNote } from '@sammen/shared';
import { browserSession } from '../harness/session.js';
import { createWorkshop } from '../harness/control.js';
import { connectClient, synced, waitForDoc, type YClient } from '../harness/yclient.js';

/**
 * The facilitator runs a whole citizen panel (the built-in template, ten steps) from the run sheet
 * alone: the only things clicked in the facilitator's panel are the next-action button and "Next
 * step". A citizen takes part on a phone in a second browser context; her private notes are
 * revealed, she votes, the results come back, and she never receives the facilitator's notes.
 */

const DESKTOP = { viewport: { width: 1440, height: 900 }, locale: 'en-GB' };
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2, locale: 'en-GB' };

const session = browserSession();
const { cleanups, newPage } = session;

/** Everything the page receives over WebSockets (Yjs and the control channel), as text. */
function recordFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(typeof payload === 'string' ? payload : payload.toString('latin1'))));
  return frames;
}

const notes = (board: YClient): StickyNote[] => getElements(board.doc).filter((e): e is StickyNote => e.type === 'note');

/** Where a board box is drawn, in CSS pixels inside the canvas (from the Konva stage's transform). */
function drawnAt(page: Page, box: { x: number; y: number; width: number; height: number }) {
  return page.evaluate((b) => {
    type Stage = { x(): number; y(): number; scaleX(): number };
    const stage = (window as unknown as { Konva: { stages: Stage[] } }).Konva.stages[0]!;
    const s = stage.scaleX();
    return { left: b.x * s + stage.x(), top: b.y * s + stage.y(), right: (b.x + b.width) * s + stage.x(), bottom: (b.y + b.height) * s + stage.y() };
  }, box);
}

describe('the run sheet', () => {
  it('runs a whole citizen panel with only the next-action button and "Next step"', async () => {
    const w = await createWorkshop(session.server, { title: 'Citizen panel', language: 'en', template: 'citizen-conversation' });
    const board = connectClient(session.server.wsUrl, w.boardId, { token: w.facilitatorToken });
    cleanups.push(() => board.destroy());
    await synced(board);

    const fac = await newPage(DESKTOP);
    await fac.goto(`${session.server.url}/b/${w.boardId}#token=${encodeURIComponent(w.facilitatorToken)}`);
    const panel = fac.getByRole('complementary', { name: 'Facilitator panel' });
    // The panel opens on "Now" (the first load of the page may be slow on a busy machine).
    await panel.getByRole('tab', { name: 'Now', selected: true }).waitFor({ timeout: 60_000 });
    const action = panel.getByTestId('next-action');
    const hint = panel.getByTestId('next-action-hint');
    const title = panel.getByRole('heading', { level: 2 });
    /** Waits for the step and its next action, then clicks it. */
    const act = async (step: string, label: string) => {
      await expect.poll(() => title.textContent()).toBe(step);
      await expect.poll(() => action.textContent()).toBe(label);
      await action.click();
    };

    // The citizen joins on her phone.
    const anna = await newPage(PHONE);
    const annaFrames = recordFrames(anna);
    await anna.goto(`${session.server.url}/join`);
    await anna.getByLabel('Workshop code').fill(w.joinCode);
    await anna.getByLabel('Your name').fill('Anna');
    await anna.getByRole('button', { name: 'Join', exact: true }).tap();
    await anna.waitForURL(`${session.server.url}/b/${w.boardId}`);
    const bar = anna.getByRole('navigation', { name: 'Take part' });
    await bar.waitFor();
    const write = async (text: string, count: number) => {
      await bar.getByRole('button', { name: 'New note' }).tap();
      const composer = anna.getByTestId('note-composer');
      await composer.getByRole('textbox').fill(text);
      await composer.getByRole('button', { name: 'Put the note up' }).tap();
      await bar.getByRole('button', { name: `My notes: ${count}` }).waitFor();
    };

    // Her raised hand is counted on the run sheet and as a badge on the People tab.
    await bar.getByRole('button', { name: 'Raise hand' }).tap();
    await panel.getByRole('button', { name: /^1 hand up: Anna$/ }).waitFor();
    await panel.getByRole('tab', { name: /^People\W+1 hand up$/ }).waitFor();

    // 1. Welcome: nothing to run, on to the next step. The script is the facilitator's alone.
    await expect.poll(() => panel.getByText(/^Welcome everyone\. Read the story of Olga aloud/).count()).toBe(1);
    await act('Welcome and the story of Olga', 'Next step');

    // The board sits beside the panel, and going to a step shows its whole frame there, never under it.
    const canvasBox = (await fac.getByTestId('board-canvas').boundingBox())!;
    const panelBox = (await panel.boundingBox())!;
    expect(canvasBox.x + canvasBox.width).toBeLessThanOrEqual(panelBox.x + 1);
    const q1 = getElements(board.doc).find((e): e is Frame => e.type === 'frame' && e.id === 'q1')!;
    await expect
      .poll(async () => {
        const at = await drawnAt(fac, q1);
        return at.left >= 0 && at.top >= 0 && at.right <= canvasBox.width && at.bottom <= canvasBox.height && at.right - at.left > canvasBox.width / 3;
      })
      .toBe(true);

    // 2. A private round: start it (with the step's clock), Anna writes, reveal, next.
    await act('What matters to you? (on your own)', 'Start private brainstorm (7 min)');
    await expect.poll(() => action.textContent()).toBe('Reveal all notes');
    await expect.poll(() => panel.getByRole('group', { name: 'Timer' }).textContent()).toMatch(/0[67]:\d\d\s*running/);
    // The run sheet is the facilitator's agenda: no agenda or vote bar above the board, and the chime
    // switch is in the run sheet's timer (remembered on this device).
    expect(await fac.getByTestId('agenda-bar').count()).toBe(0);
    const chime = panel.getByRole('group', { name: 'Timer' }).getByRole('button', { name: 'Play a sound when time is up' });
    const was = await chime.getAttribute('aria-pressed');
    await chime.click();
    await expect.poll(() => chime.getAttribute('aria-pressed')).toBe(was === 'true' ? 'false' : 'true');
    await chime.click();
    await expect.poll(() => chime.getAttribute('aria-pressed')).toBe(was);
    // Closed, the panel keeps the running clock beside its toggle.
    await panel.getByRole('button', { name: 'Hide facilitator panel' }).click();
    await expect.poll(() => panel.getByRole('timer').getAttribute('aria-label')).toMatch(/^Time left: 0[67]:\d\d$/);
    await panel.getByRole('button', { name: 'Facilitator' }).click();
    await panel.getByRole('tab', { name: 'Now', selected: true }).waitFor();
    expect(await panel.getByRole('timer').count()).toBe(0);
    await write('More benches by the lake', 1);
    expect(notes(board).some((n) => n.text === 'More benches by the lake')).toBe(false);
    await action.click();
    await waitForDoc(board.doc, () => notes(board).some((n) => n.text === 'More benches by the lake'));
    await act('What matters to you? (on your own)', 'Next step');

    // 3–5: cluster, a second private round without notes, its reveal step.
    await act('Reveal and cluster: what matters', 'Next step');
    await act('What can you contribute? (on your own)', 'Start private brainstorm (7 min)');
    await act('What can you contribute? (on your own)', 'Reveal all notes');
    await act('What can you contribute? (on your own)', 'Next step');
    await act('Reveal: what we can contribute', 'Next step');

    // 6. Ideas, privately, revealed into the step's frame.
    await act('What can we do together? (on your own)', 'Start private brainstorm (8 min)');
    await write('Cycle paths to school', 2);
    await act('What can we do together? (on your own)', 'Reveal all notes');
    await waitForDoc(board.doc, () => notes(board).some((n) => n.text === 'Cycle paths to school'));
    await act('What can we do together? (on your own)', 'Next step');
    await act('Reveal and cluster: ideas', 'Next step');

    // 8. The dot vote on the step's frame: start, Anna votes, show results.
    await expect.poll(() => hint.textContent()).toBe("The one note in the step's frame is included.");
    await act('Dot vote: where do we start?', 'Start dot vote (3 dots)');
    await expect.poll(() => action.textContent()).toBe('Reveal results');
    await bar.getByRole('button', { name: 'Vote: 3 of 3 dots left' }).tap();
    await anna.getByTestId('vote-sheet').getByRole('button', { name: 'Place a dot on: Cycle paths to school' }).tap();
    await bar.getByRole('button', { name: 'Vote: 2 of 3 dots left' }).waitFor();
    await expect.poll(() => hint.textContent()).toBe('1 of 1 participant online have voted.');
    expect(await fac.getByTestId('vote-bar').count()).toBe(0);
    await action.click();
    // The run sheet shows the top of this step's result, to read aloud.
    const top = panel.getByRole('region', { name: 'Result: the top three' }).getByRole('listitem');
    await expect.poll(() => top.allTextContents()).toEqual(['1.Cycle paths to school1 dot']);
    await anna.getByTestId('results-panel').waitFor();
    await expect.poll(() => anna.getByTestId('results-panel').textContent()).toContain('Cycle paths to school');

    // 9–10, and the end of the agenda.
    await act('Dot vote: where do we start?', 'Next step');
    await act('From ideas to actions', 'Next step');
    await expect.poll(() => title.textContent()).toBe('Round-off: what happens next?');
    await expect.poll(() => action.count()).toBe(0);
    expect(await hint.textContent()).toMatch(/^That was the last step\./);

    // Anna saw each step's participant text, and no facilitator notes ever reached her browser.
    const received = annaFrames.join('\n');
    expect(received).toContain('Hear the actions and who takes them on.');
    expect(received).not.toContain('facilitatorNotes');
    expect(received).not.toContain('Read the story of Olga aloud');
  });
});
