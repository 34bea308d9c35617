import type { Audience, Language } from '@sammen/shared';
import { pickLocalized } from './localized.js';
import type { TemplateEntry } from './templateApi.js';

/**
 * The gallery's search and filters, apart from the page: which templates match a typed query (words
 * of the title or description, in the languages the page shows) and the audience, duration and group
 * size chosen.
 */

/** Length bands a facilitator thinks in. */
export const DURATION_BANDS = ['short', 'medium', 'long'] as const;
export type DurationBand = (typeof DURATION_BANDS)[number];

export interface TemplateQuery {
  text: string;
  audience: Audience | '';
  duration: DurationBand | '';
  /** How many people will take part; null when not given. */
  people: number | null;
}

export const EMPTY_QUERY: TemplateQuery = { text: '', audience: '', duration: '', people: null };

/** Up to an hour, up to two, longer. */
export function durationBand(minutes: number): DurationBand {
  return minutes <= 60 ? 'short' : minutes <= 120 ? 'medium' : 'long';
}

// Letters that do not decompose into a base letter and a mark, as Danish and Norwegian keyboards
// type them and as people without those keys write them ("gore" for "gøre", "vaerksted").
const FOLD: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l' };

/** Lower case, accents and marks removed, ø/æ folded: "Gøre SAMMEN" and "gore sammen" are the same. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øæœßđł]/g, (c) => FOLD[c] ?? c);
}

/** Every typed word appears in the title or description (in any of `languages`), accent-insensitively. */
export function matchesText(entry: TemplateEntry, text: string, languages: readonly Language[]): boolean {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(languages.flatMap((l) => [pickLocalized(entry.title, l), pickLocalized(entry.description, l)]).join(' \n '));
  return words.every((w) => haystack.includes(w));
}

export function matchesQuery(entry: TemplateEntry, q: TemplateQuery, languages: readonly Language[]): boolean {
  if (!matchesText(entry, q.text, languages)) return false;
  // A template that does not say who it is for is not hidden by the audience filter's choice of it.
  if (q.audience && entry.audience.length > 0 && !entry.audience.includes(q.audience)) return false;
  if (q.duration && durationBand(entry.durationMinutes) !== q.duration) return false;
  if (q.people !== null && (q.people < entry.groupSize.min || q.people > entry.groupSize.max)) return false;
  return true;
}

export const isFiltering = (q: TemplateQuery): boolean => q.text.trim() !== '' || q.audience !== '' || q.duration !== '' || q.people !== null;
