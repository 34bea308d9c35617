import { z } from 'zod';
import type * as Y from 'yjs';
import { getElement, getElements, updateElement } from './doc.js';
import { portfolioLayout } from './portfolio.js';
import type { Frame } from './schema/Frame.js';
import { MAX_COORD } from './schema/common.js';
import { PROJECT_PHASES, type ProjectCard, type ProjectPhase } from './schema/ProjectCard.js';

/**
 * The history of project cards' phase moves, in a root of its own that only the server writes (the
 * update gate refuses every client write to a root other than `elements`): each entry is made by the
 * server when a member runs the `project.move` command, with that member's display name, so "who
 * moved it" cannot be written by anyone else. Layout: `projectLog`: Y.Map<cardId, ProjectMove[]>,
 * the list replaced as a whole by the server, which runs one command at a time per workshop.
 */
const PROJECT_LOG = 'projectLog';
/** Kept per card; older moves beyond this are dropped (a card moves a handful of times in its life). */
export const MAX_MOVES_PER_CARD = 100;

export const projectMoveSchema = z.object({
  at: z.number().int().min(0),
  by: z.string().max(40),
  from: z.enum(PROJECT_PHASES),
  to: z.enum(PROJECT_PHASES),
});
export type ProjectMove = z.infer<typeof projectMoveSchema>;

/** Every card's recorded moves, oldest first; entries that do not validate are skipped. */
export function getProjectMoves(doc: Y.Doc): Map<string, ProjectMove[]> {
  const out = new Map<string, ProjectMove[]>();
  doc.getMap(PROJECT_LOG).forEach((value, id) => {
    if (!Array.isArray(value)) return;
    const moves = value.flatMap((m) => {
      const parsed = projectMoveSchema.safeParse(m);
      return parsed.success ? [parsed.data] : [];
    });
    out.set(id, moves.sort((a, b) => a.at - b.at));
  });
  return out;
}

export function observeProjectMoves(doc: Y.Doc, listener: () => void): () => void {
  const map = doc.getMap(PROJECT_LOG);
  map.observe(listener);
  return () => map.unobserve(listener);
}

/** The board's first portfolio frame (in z-order), if it has one. */
export function findPortfolio(doc: Y.Doc): Frame | undefined {
  return getElements(doc).find((e): e is Frame => e.type === 'frame' && e.variant === 'portfolio');
}

/** Places every project card in a portfolio frame by phase × area, and grows the frame to hold them. */
export function arrangePortfolio(doc: Y.Doc, frameId: string): void {
  const frame = getElement(doc, frameId);
  if (!frame || frame.type !== 'frame' || frame.variant !== 'portfolio') return;
  const cards = getElements(doc).filter((e): e is ProjectCard => e.type === 'project' && e.frameId === frameId);
  const layout = portfolioLayout(frame, cards);
  doc.transact(() => {
    const width = Math.min(layout.frame.width, MAX_COORD);
    const height = Math.min(layout.frame.height, MAX_COORD);
    if (width !== frame.width || height !== frame.height) updateElement(doc, frameId, { width, height });
    for (const card of cards) {
      const slot = layout.cards.get(card.id);
      if (slot && (slot.x !== card.x || slot.y !== card.y || slot.width !== card.width || slot.height !== card.height)) {
        updateElement(doc, card.id, { x: slot.x, y: slot.y, width: slot.width, height: slot.height });
      }
    }
  });
}

export type MoveOutcome = { ok: true; moved: boolean } | { ok: false; reason: 'no_card' };

/**
 * Moves a project card to `phase` as one change: the phase, its place in the portfolio (a card not in
 * one yet is put into the board's portfolio, if there is one), and a log entry naming `by`. Meant for
 * the server (inside `Room.applyServerChange`); moving to the phase it is in records nothing.
 */
export function moveProjectCard(doc: Y.Doc, id: string, phase: ProjectPhase, by: string, at: number): MoveOutcome {
  const card = getElement(doc, id);
  if (!card || card.type !== 'project') return { ok: false, reason: 'no_card' };
  if (card.phase === phase) return { ok: true, moved: false };
  doc.transact(() => {
    const inPortfolio = card.frameId ? getElement(doc, card.frameId) : undefined;
    const portfolio = inPortfolio?.type === 'frame' && inPortfolio.variant === 'portfolio' ? inPortfolio : findPortfolio(doc);
    updateElement(doc, id, portfolio ? { phase, frameId: portfolio.id } : { phase });
    if (portfolio) arrangePortfolio(doc, portfolio.id);
    const log = doc.getMap(PROJECT_LOG);
    const before = getProjectMoves(doc).get(id) ?? [];
    const entry: ProjectMove = { at, by: by.slice(0, 40), from: card.phase, to: phase };
    log.set(id, [...before, entry].slice(-MAX_MOVES_PER_CARD));
  });
  return { ok: true, moved: true };
}
