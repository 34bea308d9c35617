import type { ProjectMove } from './projectLog.js';
import type { ProjectCard, ProjectLearning } from './schema/ProjectCard.js';

/**
 * "Since last time" as a pure function of the cards, their recorded moves, a date and now: which
 * cards moved phase since then, which have a new learning, and which have not moved for N weeks.
 */
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

type Card = Pick<ProjectCard, 'id' | 'title' | 'phase' | 'learnings' | 'createdAt'>;

export interface SinceLastTime<C extends Card = Card> {
  moved: Array<{ card: C; moves: ProjectMove[] }>;
  learned: Array<{ card: C; learnings: ProjectLearning[] }>;
  /** Cards whose last move (or, never moved, whose making) is older than N weeks, with that date. */
  still: Array<{ card: C; since: number }>;
}

/** Start of the UTC day holding `t`. Meetings are compared by day: a lab meets at most once a day. */
const dayOf = (t: number): number => Math.floor(t / DAY_MS) * DAY_MS;

/**
 * The previous meeting: the last day before today on which a card moved or got a learning (the
 * board is used at meetings, so the last day something happened on it is the last meeting). Null
 * when nothing happened before today.
 */
export function previousMeeting(cards: readonly Card[], moves: ReadonlyMap<string, readonly ProjectMove[]>, now: number): number | null {
  const today = dayOf(now);
  let last: number | null = null;
  const see = (t: number): void => {
    if (t < today && (last === null || t > last)) last = t;
  };
  for (const c of cards) {
    for (const l of c.learnings) see(l.at);
    for (const m of moves.get(c.id) ?? []) see(m.at);
  }
  return last === null ? null : dayOf(last);
}

/** What happened since `since` (inclusive), and which cards have not moved for `weeks` weeks at `now`. */
export function sinceLastTime<C extends Card>(
  cards: readonly C[],
  moves: ReadonlyMap<string, readonly ProjectMove[]>,
  since: number,
  now: number,
  weeks: number,
): SinceLastTime<C> {
  const out: SinceLastTime<C> = { moved: [], learned: [], still: [] };
  const limit = now - weeks * WEEK_MS;
  for (const card of cards) {
    const cardMoves = moves.get(card.id) ?? [];
    const recent = cardMoves.filter((m) => m.at >= since);
    if (recent.length) out.moved.push({ card, moves: recent });
    const learnt = card.learnings.filter((l) => l.at >= since);
    if (learnt.length) out.learned.push({ card, learnings: learnt });
    // A card never moved has stood in its phase since it was made.
    const standing = cardMoves.length ? Math.max(...cardMoves.map((m) => m.at)) : card.createdAt;
    if (standing < limit) out.still.push({ card, since: standing });
  }
  const byTitle = (a: { card: Card }, b: { card: Card }): number => a.card.title.localeCompare(b.card.title, 'da');
  out.moved.sort(byTitle);
  out.learned.sort(byTitle);
  out.still.sort(byTitle);
  return out;
}
