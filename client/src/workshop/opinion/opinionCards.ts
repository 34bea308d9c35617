import type { OpinionMark, OpinionView } from '@sammen/shared';

/** Letters for the opinion groups, as the map's legend names them (A is the largest group). */
export const groupLetter = (index: number): string => String.fromCharCode(65 + (index % 26));

/** How many of the round's statements this person has marked. */
export function markedCount(round: Pick<OpinionView, 'statements' | 'myMarks'>): number {
  return round.statements.filter((s) => round.myMarks[s.id]).length;
}

/**
 * The card to show after `from`: the next statement without a mark (wrapping round), or -1 when
 * every statement has one. A new statement accepted mid-round is found the same way.
 */
export function nextUnmarked(round: Pick<OpinionView, 'statements' | 'myMarks'>, from: number): number {
  const n = round.statements.length;
  for (let step = 1; step <= n; step++) {
    const i = (((from + step) % n) + n) % n;
    if (!round.myMarks[round.statements[i]!.id]) return i;
  }
  return -1;
}

/** A mark's place in the three buttons (and the radio group), in reading order. */
export const MARK_ORDER: readonly OpinionMark[] = ['agree', 'disagree', 'pass'];

/** A share 0..1 as a whole percent, for "72 % agree". */
export const percent = (share: number): number => Math.round(share * 100);

/** Distance between dots spread from one spot (the map's dots have radius 7). */
const SPREAD = 8;

/**
 * Map coordinates (−1..1 from the server, y up) into an SVG box of `size` with `pad` around,
 * y down. Points on the same spot are spread a little on a small circle, so every person is a dot.
 */
export function layoutPoints(points: Array<{ x: number; y: number; group: number }>, size: number, pad: number): Array<{ cx: number; cy: number; group: number }> {
  const half = (size - 2 * pad) / 2;
  const seen = new Map<string, number>();
  return points.map((p) => {
    const key = `${p.x},${p.y}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const angle = k * 2.39996; // golden angle: repeated dots spiral outwards without overlapping
    const r = k === 0 ? 0 : SPREAD * Math.sqrt(k);
    // Kept inside the box: a spread dot at the edge must not be cut off.
    const clamp = (v: number): number => Math.min(size - pad / 2, Math.max(pad / 2, v));
    return { cx: clamp(pad + half + p.x * half + r * Math.cos(angle)), cy: clamp(pad + half - p.y * half + r * Math.sin(angle)), group: p.group };
  });
}
