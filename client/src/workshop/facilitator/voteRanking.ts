import type { Element } from '@sammen/shared';

export interface RankedItem {
  elementId: string;
  count: number;
  /** 1-based; equal counts share a rank (1, 2, 2, 4). */
  rank: number;
  /** The note's text (or a frame's title), '' when the element is gone or empty. */
  text: string;
}

const textOf = (el: Element | undefined): string => {
  if (!el) return '';
  if (el.type === 'frame') return el.title;
  return 'text' in el && typeof el.text === 'string' ? el.text : '';
};

/** Revealed vote results as a ranked list with the notes' text, highest first; ties keep the server's order. */
export function rankResults(
  results: ReadonlyArray<{ elementId: string; count: number }>,
  lookup: (id: string) => Element | undefined,
): RankedItem[] {
  const sorted = [...results].sort((a, b) => b.count - a.count);
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || sorted[i - 1]!.count !== r.count) rank = i + 1;
    return { elementId: r.elementId, count: r.count, rank, text: textOf(lookup(r.elementId)) };
  });
}

/** The notes a vote can run on: the given elements that are sticky notes. */
export function voteTargets(elements: ReadonlyArray<Element | undefined>): string[] {
  return elements.filter((el): el is Element => el?.type === 'note').map((el) => el.id);
}
