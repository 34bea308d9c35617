import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Z-order by fractional index: an element's `index` is a string that sorts between its neighbours',
 * so moving one element to the front writes one field, and two people reordering at once cannot
 * corrupt an array. Ties (two clients picked the same key offline) are broken by id.
 */
export function compareByIndex(a: { index: string; id: string }, b: { index: string; id: string }): number {
  if (a.index !== b.index) return a.index < b.index ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A key above every key in `indices` (bring to front / new element). */
export function indexAbove(indices: Iterable<string>): string {
  let max: string | null = null;
  for (const i of indices) if (max === null || i > max) max = i;
  return generateKeyBetween(max, null);
}

/** A key below every key in `indices` (send to back). */
export function indexBelow(indices: Iterable<string>): string {
  let min: string | null = null;
  for (const i of indices) if (min === null || i < min) min = i;
  return generateKeyBetween(null, min);
}

/** `n` ascending keys above every key in `indices`, for bringing several elements to front in order. */
export function indicesAbove(indices: Iterable<string>, n: number): string[] {
  let max: string | null = null;
  for (const i of indices) if (max === null || i > max) max = i;
  return generateNKeysBetween(max, null, n);
}

/** `n` ascending keys below every key in `indices`. */
export function indicesBelow(indices: Iterable<string>, n: number): string[] {
  let min: string | null = null;
  for (const i of indices) if (min === null || i < min) min = i;
  return generateNKeysBetween(null, min, n);
}
