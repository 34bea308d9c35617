import { describe, expect, it } from 'vitest';
import type { OpinionMark } from '@sammen/shared';
import { chooseGroups, computeOpinionMap, silhouette } from './opinionMap.js';

const meta = { id: 'r1', title: 'Round', revealedAt: 1 };
const statements = Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, text: `Statement ${i}` }));

/** A small deterministic generator (mulberry32), so the planted noise is the same every run. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Two camps: s0 everyone agrees with; camp A agrees with s1–s4 and disagrees with s5–s8, camp B the
 * other way round; s9 is a coin toss. `noise` of the camp marks are flipped or passed.
 */
function plantedMarks(sizeA: number, sizeB: number, noise = 0.1, seed = 7): Record<string, Record<string, OpinionMark>> {
  const random = rng(seed);
  const marks: Record<string, Record<string, OpinionMark>> = {};
  for (let p = 0; p < sizeA + sizeB; p++) {
    const camp = p < sizeA ? 1 : -1;
    const m: Record<string, OpinionMark> = { s0: 'agree' };
    for (let i = 1; i <= 8; i++) {
      const leaning = (i <= 4 ? camp : -camp) > 0 ? 'agree' : 'disagree';
      const r = random();
      m[`s${i}`] = r < noise / 2 ? (leaning === 'agree' ? 'disagree' : 'agree') : r < noise ? 'pass' : leaning;
    }
    m.s9 = random() < 0.5 ? 'agree' : 'disagree';
    marks[`member-${String(p).padStart(2, '0')}-${camp > 0 ? 'a' : 'b'}`] = m;
  }
  return marks;
}

describe('computeOpinionMap', () => {
  it('finds two planted camps of 18 and 12, the statement everyone agrees with, and the divisive ones', () => {
    const result = computeOpinionMap({ statements, marks: plantedMarks(18, 12) }, meta);
    expect(result.participants).toBe(30);
    expect(result.grouped).toBe(30);
    expect(result.points).toHaveLength(30);
    expect(result.groups.map((g) => g.size)).toEqual([18, 12]);
    expect(result.groups.every((g) => g.described)).toBe(true);
    expect(result.consensus.map((c) => c.id)).toEqual(['s0']);
    expect(result.divisive.map((d) => d.id).sort()).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8']);
    expect(result.divisive.map((d) => d.id)).not.toContain('s9');
    // The larger group (A) stands out by agreeing with s1–s4 and disagreeing with s5–s8.
    const a = result.groups[0]!.representative;
    expect(a.length).toBeGreaterThan(0);
    for (const r of a) expect(r.direction).toBe(Number(r.id.slice(1)) <= 4 ? 'agree' : 'disagree');
    expect(result.statements.find((s) => s.id === 's0')).toMatchObject({ agree: 30, disagree: 0, pass: 0 });
  });

  it('keeps the planted sizes under heavier noise (±1)', () => {
    const result = computeOpinionMap({ statements, marks: plantedMarks(18, 12, 0.25, 3) }, meta);
    expect(result.groups).toHaveLength(2);
    expect(Math.abs(result.groups[0]!.size - 18)).toBeLessThanOrEqual(1);
    expect(Math.abs(result.groups[1]!.size - 12)).toBeLessThanOrEqual(1);
  });

  it('a room that agrees on everything is one group, and every statement is consensus', () => {
    const marks: Record<string, Record<string, OpinionMark>> = {};
    for (let p = 0; p < 8; p++) marks[`m${p}`] = Object.fromEntries(statements.map((s) => [s.id, 'agree' as const]));
    const result = computeOpinionMap({ statements, marks }, meta);
    expect(result.groups).toEqual([{ index: 0, size: 8, described: true, representative: [] }]);
    expect(result.consensus).toHaveLength(8); // the list is capped
    expect(result.consensus.every((c) => c.share === 1)).toBe(true);
    expect(result.divisive).toEqual([]);
  });

  it('counts people with too few marks but leaves them off the map and out of the groups', () => {
    const marks = plantedMarks(6, 6);
    marks['few-1'] = { s1: 'agree', s2: 'agree' };
    marks['few-2'] = { s5: 'disagree' };
    marks['unknown-only'] = { nope: 'agree' } as Record<string, OpinionMark>;
    const result = computeOpinionMap({ statements, marks }, meta);
    expect(result.participants).toBe(14);
    expect(result.grouped).toBe(12);
    expect(result.points).toHaveLength(12);
    expect(result.groups.reduce((n, g) => n + g.size, 0)).toBe(12);
    // Their marks still count in the statement totals.
    expect(result.statements.find((s) => s.id === 's5')!.disagree).toBeGreaterThanOrEqual(7);
  });

  it('draws a group smaller than 3 but does not describe it, and sets nothing against it', () => {
    const marks: Record<string, Record<string, OpinionMark>> = {};
    for (let p = 0; p < 10; p++) marks[`big${p}`] = Object.fromEntries(statements.map((s, i) => [s.id, i % 3 === 0 ? 'pass' as const : 'agree' as const]));
    for (let p = 0; p < 2; p++) marks[`odd${p}`] = Object.fromEntries(statements.map((s) => [s.id, 'disagree' as const]));
    const result = computeOpinionMap({ statements, marks }, meta);
    expect(result.groups.map((g) => [g.size, g.described])).toEqual([[10, true], [2, false]]);
    expect(result.groups[1]!.representative).toEqual([]);
    // Only one group is described: nothing is "divisive" (that would be two people's marks), and the
    // big group's consensus is its own.
    expect(result.divisive).toEqual([]);
    expect(result.groups[0]!.representative).toEqual([]); // two others are too few to set against
    expect(result.consensus.map((c) => c.id)).toContain('s1');
    expect(result.points.filter((p) => p.group === 1)).toHaveLength(2);
  });

  it('is deterministic: the same marks in another order give the same map, and no member id leaves', () => {
    const marks = plantedMarks(18, 12, 0.2, 11);
    const shuffled = Object.fromEntries(Object.entries(marks).reverse());
    const a = computeOpinionMap({ statements, marks }, meta);
    const b = computeOpinionMap({ statements, marks: shuffled }, meta);
    expect(b).toEqual(a);
    expect(JSON.stringify(a)).not.toMatch(/member-/);
    // Points are sorted by position, not by who marked first.
    const xs = a.points.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
  });

  it('handles an empty round and a round of one person', () => {
    expect(computeOpinionMap({ statements, marks: {} }, meta)).toMatchObject({ participants: 0, grouped: 0, points: [], groups: [], consensus: [], divisive: [] });
    const one = computeOpinionMap({ statements, marks: { m: { s0: 'agree', s1: 'agree', s2: 'pass' } } }, meta);
    expect(one.points).toEqual([{ x: 0, y: 0, group: 0 }]);
    expect(one.groups).toEqual([{ index: 0, size: 1, described: false, representative: [] }]);
    expect(one.consensus).toEqual([]); // one person's marks are not "the room agrees"
  });
});

describe('chooseGroups and silhouette', () => {
  it('picks k by silhouette: three clear blobs give three groups, largest first', () => {
    const blob = (cx: number, cy: number, n: number) => Array.from({ length: n }, (_, i): [number, number] => [cx + (i % 3) * 0.01, cy + Math.floor(i / 3) * 0.01]);
    const points = [...blob(0, 0, 4), ...blob(1, 1, 9), ...blob(-1, 1, 6)];
    const labels = chooseGroups(points, 5);
    expect(new Set(labels).size).toBe(3);
    expect(labels.filter((l) => l === 0)).toHaveLength(9);
    expect(labels.filter((l) => l === 2)).toHaveLength(4);
  });

  it('scores clean clusters near 1 and a bad split low', () => {
    const points: Array<[number, number]> = [[0, 0], [0, 0.1], [5, 5], [5, 5.1]];
    expect(silhouette(points, [0, 0, 1, 1])).toBeGreaterThan(0.9);
    expect(silhouette(points, [0, 1, 0, 1])).toBeLessThan(0);
  });
});
