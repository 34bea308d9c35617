import type { VoteResult, VoteView, WorkshopView } from '@sammen/shared';

/** How many of one's own dots are on `elementId`. */
export const myDotsOn = (vote: VoteView, elementId: string): number => vote.myDots.filter((id) => id === elementId).length;

export const dotsLeft = (vote: VoteView): number => Math.max(0, vote.dotsPerPerson - vote.myDots.length);

/** One's own dots grouped by note, in the order they were placed (for the "take back" list). */
export function myDotsByNote(vote: VoteView): Array<{ elementId: string; count: number }> {
  const counts = new Map<string, number>();
  for (const id of vote.myDots) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([elementId, count]) => ({ elementId, count }));
}

/** Whether a dot may be placed on the note right now (the server decides; this only avoids a pointless round trip). */
export function canPlaceDot(vote: VoteView, elementId: string): boolean {
  if (vote.status !== 'open' || !vote.elementIds.includes(elementId) || dotsLeft(vote) === 0) return false;
  return vote.allowMultiplePerElement || myDotsOn(vote, elementId) === 0;
}

export interface ShownResults {
  id: string;
  title: string;
  /** Highest first; equal counts keep the server's order. */
  results: Array<{ elementId: string; count: number; rank: number }>;
}

/**
 * The vote results to draw on the board, if any: the current vote once revealed, else (no vote
 * running) the newest revealed vote stored in the board document. Nothing while a vote is open or
 * closed but not revealed: nobody sees counts before the reveal.
 */
export function shownResults(vote: WorkshopView['vote'] | null, stored: readonly VoteResult[]): ShownResults | null {
  if (vote && (vote.status !== 'revealed' || !vote.results)) return null;
  const source = vote?.results ? { id: vote.id, title: vote.title, results: vote.results } : (stored.at(-1) ?? null);
  if (!source) return null;
  const sorted = [...source.results].filter((r) => r.count > 0).sort((a, b) => b.count - a.count);
  // Competition ranking (1, 2, 2, 4): notes with equal counts share a place.
  const results = sorted.map((r, i) => ({ ...r, rank: i > 0 && sorted[i - 1]!.count === r.count ? -1 : i + 1 }));
  for (let i = 1; i < results.length; i++) if (results[i]!.rank === -1) results[i]!.rank = results[i - 1]!.rank;
  return { id: source.id, title: source.title, results };
}
