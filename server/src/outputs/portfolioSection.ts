import { DEFAULT_PROJECT_AREAS, PROJECT_PHASES, previousMeeting, type Element, type Language, type ProjectCard, type ProjectMove, type ProjectPhase } from '@sammen/shared';
import { PORTFOLIO_STRINGS, type PortfolioReportStrings } from './portfolioStrings.js';
import { formatDate } from './reportStrings.js';

/** The innovation lab's portfolio as the report carries it: every card by phase, and the moves since the last meeting. */
export interface ReportPortfolio {
  cards: Array<{ id: string; title: string; area: string; owner: string; phase: ProjectPhase }>;
  /** The previous meeting (the last day before the report on which a card moved or learnt), or null. */
  lastMeeting: string | null;
  moves: Array<{ title: string; from: ProjectPhase; to: ProjectPhase; at: string; by: string }>;
}

const DEFAULT_AREAS: readonly string[] = DEFAULT_PROJECT_AREAS;
export const areaName = (s: PortfolioReportStrings, area: string): string =>
  area === '' ? s.noArea : DEFAULT_AREAS.includes(area) ? s.areas[area as keyof PortfolioReportStrings['areas']] : area;

/** Null when the board has no project cards (the section is then left out of every format). */
export function reportPortfolio(elements: readonly Element[], moves: ReadonlyMap<string, readonly ProjectMove[]>, now: number): ReportPortfolio | null {
  const cards = elements.filter((e): e is ProjectCard => e.type === 'project');
  if (!cards.length) return null;
  const meeting = previousMeeting(cards, moves, now);
  const since = meeting ?? -Infinity;
  return {
    cards: cards.map((c) => ({ id: c.id, title: c.title, area: c.area, owner: c.owner, phase: c.phase })),
    lastMeeting: meeting === null ? null : new Date(meeting).toISOString(),
    moves: cards
      .flatMap((c) => (moves.get(c.id) ?? []).filter((m) => m.at >= since).map((m) => ({ title: c.title, from: m.from, to: m.to, at: new Date(m.at).toISOString(), by: m.by })))
      .sort((a, b) => a.at.localeCompare(b.at)),
  };
}

/** The section as simple blocks (as the opinion rounds'), so HTML, Markdown, PDF and Word say the same. */
export type PortfolioBlock = { kind: 'heading'; level: 1 | 2; text: string } | { kind: 'para'; text: string; muted?: boolean } | { kind: 'list'; items: string[] };

export function portfolioBlocks(language: Language, timeZone: string, p: ReportPortfolio | null): PortfolioBlock[] {
  if (!p) return [];
  const s = PORTFOLIO_STRINGS[language];
  const out: PortfolioBlock[] = [{ kind: 'heading', level: 1, text: s.heading }, { kind: 'para', text: s.intro(p.cards.length), muted: true }];
  for (const phase of PROJECT_PHASES) {
    const inPhase = p.cards
      .filter((c) => c.phase === phase)
      .sort((a, b) => areaName(s, a.area).localeCompare(areaName(s, b.area), language) || a.title.localeCompare(b.title, language));
    out.push({ kind: 'heading', level: 2, text: `${s.phases[phase]} (${inPhase.length})` });
    out.push(inPhase.length ? { kind: 'list', items: inPhase.map((c) => s.cardLine(c.title || s.untitled, areaName(s, c.area), c.owner)) } : { kind: 'para', text: '–', muted: true });
  }
  out.push({ kind: 'heading', level: 2, text: p.lastMeeting ? s.movesSince(formatDate(language, timeZone, p.lastMeeting)) : s.allMoves });
  out.push(
    p.moves.length
      ? { kind: 'list', items: p.moves.map((m) => s.moved(m.title || s.untitled, s.phases[m.from], s.phases[m.to], formatDate(language, timeZone, m.at), m.by)) }
      : { kind: 'para', text: s.noMoves, muted: true },
  );
  return out;
}
