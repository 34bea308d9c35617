import type { ColorName, Element, Frame, ProjectPhase, VoteView } from '@sammen/shared';
import type { ShownResults } from '../workshop/votes.js';
import { canPlaceDot, myDotsOn } from '../workshop/votes.js';
import { boardReadingOrder } from './readingOrder.js';

/** One thing on the board as the accessible view lists it. */
export interface ViewItem {
  readonly id: string;
  /** i18n key suffix under `kind.`: note, text, rect, ellipse. */
  readonly kind: string;
  readonly text: string;
  readonly color: ColorName | null;
  /** This person may edit, move or delete it (role, locks, private mode). */
  readonly editable: boolean;
  /** While a vote that includes it is open: one's own dots on it and whether one more may go. */
  readonly vote: { readonly mine: number; readonly canPlace: boolean } | null;
  /** After a reveal: its dots and place. */
  readonly result: { readonly count: number; readonly rank: number } | null;
  /** A project card's phase, area and owner (its title is `text`); edited in the card's form. */
  readonly project?: { readonly phase: ProjectPhase; readonly area: string; readonly owner: string };
}

/** A frame (step frame, cluster or parking lot) with what it holds; `id` null for "in no frame". */
export interface ViewSection {
  readonly id: string | null;
  readonly title: string;
  readonly variant: NonNullable<Frame['variant']>;
  /** The facilitator's lock: the frame itself, or the frame and its contents. */
  readonly lock: 'frame' | 'contents' | null;
  /** Notes may be added to it or moved into it. */
  readonly canAdd: boolean;
  readonly items: readonly ViewItem[];
}

export interface BoardViewModel {
  readonly sections: readonly ViewSection[];
  readonly frameCount: number;
  readonly noteCount: number;
}

export interface BoardViewInput {
  readonly elements: Iterable<Element>;
  canEdit(el: Element): boolean;
  canPlaceIn(frameId: string | null): boolean;
  readonly lockedFrames: ReadonlyArray<{ frameId: string; contents: boolean }>;
  /** The open vote, when this person may vote. */
  readonly vote: VoteView | null;
  readonly results: ShownResults | null;
}

function toItem(el: Exclude<Element, { type: 'frame' | 'arrow' }>, input: BoardViewInput, results: Map<string, { count: number; rank: number }>): ViewItem {
  const kind = el.type === 'shape' ? el.kind : el.type;
  const text = 'text' in el ? el.text : 'what' in el ? el.what : el.type === 'project' ? el.title : '';
  const color = 'color' in el ? el.color : 'fill' in el ? el.fill : null;
  const { vote } = input;
  const inVote = vote && vote.status === 'open' && vote.elementIds.includes(el.id);
  return {
    id: el.id,
    kind,
    text,
    color,
    editable: input.canEdit(el),
    vote: inVote ? { mine: myDotsOn(vote, el.id), canPlace: canPlaceDot(vote, el.id) } : null,
    result: results.get(el.id) ?? null,
    ...(el.type === 'project' ? { project: { phase: el.phase, area: el.area, owner: el.owner } } : {}),
  };
}

/**
 * The board as headings and lists: one section per frame in reading order (see readingOrder.ts) with
 * its contents, then the things in no frame. Pure: the view renders it and the tests check it.
 */
export function buildBoardView(input: BoardViewInput): BoardViewModel {
  const order = boardReadingOrder(input.elements);
  const locks = new Map(input.lockedFrames.map((l) => [l.frameId, l.contents] as const));
  const results = new Map((input.results?.results ?? []).map((r) => [r.elementId, { count: r.count, rank: r.rank }] as const));
  const sections: ViewSection[] = [];
  const loose: ViewItem[] = [];
  const byFrame = new Map<string, ViewItem[]>();
  let noteCount = 0;
  for (const el of order) {
    if (el.type === 'frame') {
      const items: ViewItem[] = [];
      byFrame.set(el.id, items);
      const locked = locks.get(el.id);
      sections.push({
        id: el.id,
        title: el.title,
        variant: el.variant ?? 'frame',
        lock: locked === undefined ? null : locked ? 'contents' : 'frame',
        canAdd: input.canPlaceIn(el.id),
        items,
      });
      continue;
    }
    if (el.type === 'note') noteCount++;
    const item = toItem(el, input, results);
    const list = el.frameId ? byFrame.get(el.frameId) : undefined;
    (list ?? loose).push(item);
  }
  const frameCount = sections.length;
  if (loose.length || input.canPlaceIn(null)) {
    sections.push({ id: null, title: '', variant: 'frame', lock: null, canAdd: input.canPlaceIn(null), items: loose });
  }
  return { sections, frameCount, noteCount };
}

/** The frames a note may be moved into (for "Move to…"), in reading order, without its own. */
export const moveTargets = (model: BoardViewModel, currentFrameId: string | null): ViewSection[] =>
  model.sections.filter((s) => s.id !== null && s.canAdd && s.id !== currentFrameId);
