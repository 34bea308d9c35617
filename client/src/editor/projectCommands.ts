import {
  CYCLE_TURNS,
  DEFAULT_PROJECT_AREAS,
  MAX_LEARNINGS,
  PORTFOLIO,
  PROJECT_PHASES,
  arrangePortfolio,
  indexAbove,
  indexBelow,
  insertElement,
  newElementId,
  projectCardDefaults,
  updateElement,
  type CommandResult,
  type ElementPatchOf,
  type Frame,
  type ProjectCard,
  type ProjectPhase,
} from '@sammen/shared';
import { frameAt } from '../geometry/elements.js';
import { visibleWorldBox } from '../geometry/viewport.js';
import type { Editor } from './Editor.js';

/**
 * Project cards and the portfolio: make a card (at the middle of the view, or arranged into the
 * portfolio it lands in), save the form's fields, add a turn's learning, move a card to a phase, and
 * make a portfolio frame. Every local change is one undoable transaction.
 */
export function createProjectCard(editor: Editor, now: number = Date.now()): string | null {
  const view = visibleWorldBox(editor.getState().viewport, editor.size);
  const box = { x: view.x + view.width / 2 - projectCardDefaults.width / 2, y: view.y + view.height / 2 - projectCardDefaults.height / 2, width: projectCardDefaults.width, height: projectCardDefaults.height };
  const frame = frameAt(box, editor.frames());
  const frameId = frame?.id ?? null;
  if (!editor.canPlaceIn(frameId)) {
    editor.onBlocked?.('frameLocked');
    return null;
  }
  const card: ProjectCard = {
    ...projectCardDefaults,
    effects: [],
    learnings: [],
    ...box,
    id: newElementId(),
    type: 'project',
    index: indexAbove(editor.store.indices()),
    frameId,
    createdAt: now,
  };
  editor.transact(() => {
    insertElement(editor.doc, card);
    if (frame?.variant === 'portfolio') arrangePortfolio(editor.doc, frame.id);
  });
  if (!editor.store.get(card.id)) return null;
  editor.select([card.id]);
  return card.id;
}

/** The form's text and choice fields (phase and learnings go through their own actions). */
export type ProjectCardFields = Pick<ProjectCard, 'title' | 'need' | 'needOwner' | 'participants' | 'hypothesis' | 'effects' | 'measures' | 'owner' | 'area' | 'cycle' | 'round'>;
const TEXT_FIELDS = ['title', 'need', 'needOwner', 'participants', 'hypothesis', 'measures', 'owner', 'area'] as const;

/** Saves only the fields that changed, so a colleague's edit of another field is kept. */
export function updateProjectCard(editor: Editor, id: string, fields: Partial<ProjectCardFields>): void {
  const card = editor.store.get(id);
  if (!card || card.type !== 'project') return;
  const patch: ElementPatchOf<'project'> = {};
  for (const key of TEXT_FIELDS) {
    const value = fields[key];
    if (value !== undefined && value !== card[key]) patch[key] = value;
  }
  if (fields.effects && fields.effects.join() !== card.effects.join()) patch.effects = [...fields.effects];
  if (fields.cycle && fields.cycle !== card.cycle) patch.cycle = fields.cycle;
  if (fields.round && fields.round !== card.round) patch.round = fields.round;
  if (!Object.keys(patch).length) return;
  const areaChanged = patch.area !== undefined;
  editor.transact(() => {
    updateElement(editor.doc, id, patch);
    // A new area is a new row in the portfolio.
    const frame = card.frameId ? editor.store.get(card.frameId) : undefined;
    if (areaChanged && frame?.type === 'frame' && frame.variant === 'portfolio') arrangePortfolio(editor.doc, frame.id);
  });
}

/** The turn after `cycle`; after "learn" the cycle starts again with the next round. */
export function nextTurn(card: Pick<ProjectCard, 'cycle' | 'round'>): Pick<ProjectCard, 'cycle' | 'round'> {
  const i = CYCLE_TURNS.indexOf(card.cycle);
  return i === CYCLE_TURNS.length - 1 ? { cycle: CYCLE_TURNS[0], round: Math.min(999, card.round + 1) } : { cycle: CYCLE_TURNS[i + 1]!, round: card.round };
}

/** Writes what was learnt in the card's current turn, dated now (the oldest entries go past MAX_LEARNINGS). */
export function addLearning(editor: Editor, id: string, text: string, now: number = Date.now()): void {
  const card = editor.store.get(id);
  const trimmed = text.trim().slice(0, 500);
  if (!card || card.type !== 'project' || !trimmed) return;
  const learnings = [...card.learnings, { at: now, turn: card.cycle, text: trimmed }].slice(-MAX_LEARNINGS);
  editor.transact(() => updateElement(editor.doc, id, { learnings }));
}

/** Runs a workshop command (the control channel); absent on an open board. */
export type RunCommand = ((command: { type: 'project.move'; elementId: string; phase: ProjectPhase }) => Promise<CommandResult>) | null;

/**
 * Moves a card to `phase`. In a workshop the server makes the move and records it with the mover's
 * name (one command, so "who" is the server's word); on an open board nobody has a name, so the
 * card moves in one local change and nothing is recorded.
 */
export async function moveProjectPhase(editor: Editor, run: RunCommand, id: string, phase: ProjectPhase): Promise<CommandResult> {
  const card = editor.store.get(id);
  if (!card || card.type !== 'project') return { ok: false, error: 'invalid', message: 'No such card' };
  if (card.phase === phase) return { ok: true };
  if (run) return run({ type: 'project.move', elementId: id, phase });
  const portfolio = portfolioOf(editor, card);
  editor.transact(() => {
    updateElement(editor.doc, id, portfolio ? { phase, frameId: portfolio.id } : { phase });
    if (portfolio) arrangePortfolio(editor.doc, portfolio.id);
  });
  return { ok: true };
}

/** The portfolio a card is in, or else the board's first one. */
function portfolioOf(editor: Editor, card: ProjectCard): Frame | undefined {
  const own = card.frameId ? editor.store.get(card.frameId) : undefined;
  if (own?.type === 'frame' && own.variant === 'portfolio') return own;
  return editor.frames().find((f) => f.variant === 'portfolio');
}

/** Makes a portfolio frame at the middle of the view (with the four areas of the sources) and arranges the cards it covers. */
export function createPortfolio(editor: Editor, title: string): string | null {
  if (!editor.canPlaceIn(null)) return null;
  const view = visibleWorldBox(editor.getState().viewport, editor.size);
  const width = PORTFOLIO.areaColumn + PROJECT_PHASES.length * (2 * (PORTFOLIO.card.width + PORTFOLIO.gap) - PORTFOLIO.gap + 2 * PORTFOLIO.padding);
  const height = PORTFOLIO.header + DEFAULT_PROJECT_AREAS.length * (PORTFOLIO.card.height + 2 * PORTFOLIO.padding);
  const frame: Frame = {
    id: newElementId(),
    type: 'frame',
    variant: 'portfolio',
    index: indexBelow(editor.store.indices()),
    frameId: null,
    x: Math.round(view.x + view.width / 2 - width / 2),
    y: Math.round(view.y + view.height / 2 - height / 2),
    width,
    height,
    title: title.slice(0, 200),
    fill: 'white',
  };
  editor.transact(() => insertElement(editor.doc, frame));
  editor.select([frame.id]);
  return frame.id;
}

/** Sets a portfolio's rows (the areas), then re-arranges its cards. */
export function setPortfolioAreas(editor: Editor, frameId: string, areas: string[]): void {
  const clean = [...new Set(areas.map((a) => a.trim().slice(0, 80)).filter(Boolean))].slice(0, 12);
  editor.transact(() => {
    updateElement(editor.doc, frameId, { areas: clean.length ? clean : [...DEFAULT_PROJECT_AREAS] });
    arrangePortfolio(editor.doc, frameId);
  });
}

export function arrange(editor: Editor, frameId: string): void {
  editor.transact(() => arrangePortfolio(editor.doc, frameId));
}
