import { kmeans } from 'ml-kmeans';
import { PCA } from 'ml-pca';
import type { OpinionGroup, OpinionMark, OpinionResult } from '@sammen/shared';

/**
 * The opinion map, as Pol.is makes it, as a pure function of the statements and the marks:
 * participant × statement matrix (agree 1, disagree −1, pass or unmarked 0); participants with too few
 * marks are counted but not placed; PCA to two dimensions; k-means (k = 2..5, seeded, best of a few
 * seeds) with k chosen by the mean silhouette; then per group the agree/disagree shares, which give
 * the consensus statements (agreed in every group), the divisive ones (the groups' agree shares far
 * apart) and each group's representative statements (where it differs most from everyone else).
 * Groups smaller than `minGroupSize` are drawn but not described, so no one's marks can be read off.
 */

export interface OpinionInput {
  statements: Array<{ id: string; text: string }>;
  /** memberId → statementId → mark. Member ids never reach the output. */
  marks: Record<string, Record<string, OpinionMark>>;
}

export interface OpinionMapOptions {
  /** Fewest marks (pass counts) to be placed on the map; capped at the number of statements. */
  minMarks: number;
  /** Groups smaller than this are not described (anonymity). */
  minGroupSize: number;
  /** A statement is consensus when every described group agrees at least this much. */
  consensusShare: number;
  /** A statement is divisive when the described groups' agree shares are this far apart. */
  divisiveSpread: number;
  /** Representative: the group's share beats everyone else's by at least this much… */
  representativeLead: number;
  /** …and at least this share of the group holds it. */
  representativeShare: number;
  maxGroups: number;
  /** Most entries per list (consensus, divisive, per group). */
  listLength: number;
}

export const DEFAULT_OPINION_OPTIONS: OpinionMapOptions = {
  minMarks: 3,
  minGroupSize: 3,
  consensusShare: 0.6,
  divisiveSpread: 0.4,
  representativeLead: 0.2,
  representativeShare: 0.5,
  maxGroups: 5,
  listLength: 8,
};

const SEEDS = [1, 2, 3, 4, 5];
/**
 * A larger k must beat the best smaller one's silhouette by this much. The silhouette barely changes
 * when a camp splits along a second, weaker line (two camps of 18 and 12 with one coin-toss statement
 * score 0.742 as two groups and 0.756 as five), and each extra group is one more to explain to the room.
 */
const K_MARGIN = 0.05;
/** Three decimals, and never −0 (JSON would send it as 0, Yjs keeps it: the same map must read the same everywhere). */
const round3 = (n: number): number => Math.round(n * 1000) / 1000 + 0;
const MARK_VALUE: Record<OpinionMark, number> = { agree: 1, disagree: -1, pass: 0 };

interface Shares {
  agree: number;
  disagree: number;
  seen: number;
}

export function computeOpinionMap(
  input: OpinionInput,
  meta: { id: string; title: string; revealedAt: number },
  options: OpinionMapOptions = DEFAULT_OPINION_OPTIONS,
): OpinionResult {
  const { statements } = input;
  const known = new Set(statements.map((s) => s.id));
  // Sorted member ids: the same marks give the same map, whatever order they were stored in.
  const people = Object.keys(input.marks)
    .sort()
    .map((id) => Object.fromEntries(Object.entries(input.marks[id]!).filter(([sid]) => known.has(sid))) as Record<string, OpinionMark>)
    .filter((m) => Object.keys(m).length > 0);
  const minMarks = Math.max(1, Math.min(options.minMarks, statements.length));
  const placed = people.filter((m) => Object.keys(m).length >= minMarks);

  const matrix = placed.map((m) => statements.map((s) => (m[s.id] ? MARK_VALUE[m[s.id]!] : 0)));
  const coords = project(matrix);
  const groupOf = chooseGroups(coords, options.maxGroups);
  const groupCount = groupOf.length ? Math.max(...groupOf) + 1 : 0;
  const members = Array.from({ length: groupCount }, (_, g) => placed.filter((_, i) => groupOf[i] === g));

  const sharesOf = (who: Array<Record<string, OpinionMark>>, statementId: string): Shares => {
    const s = { agree: 0, disagree: 0, seen: 0 };
    for (const m of who) {
      const mark = m[statementId];
      if (!mark) continue;
      s.seen += 1;
      if (mark === 'agree') s.agree += 1;
      if (mark === 'disagree') s.disagree += 1;
    }
    return s;
  };
  const agreeShare = (s: Shares) => (s.seen ? s.agree / s.seen : 0);
  const disagreeShare = (s: Shares) => (s.seen ? s.disagree / s.seen : 0);

  const described = members.map((m) => m.length >= options.minGroupSize);
  const describedIdx = described.flatMap((d, g) => (d ? [g] : []));
  // With no group big enough to describe, the room as a whole still has a consensus if it is big enough.
  const pools = describedIdx.length ? describedIdx.map((g) => members[g]!) : placed.length >= options.minGroupSize ? [placed] : [];

  const consensus = statements
    .map((s) => {
      const shares = pools.map((pool) => sharesOf(pool, s.id));
      const ok = shares.length > 0 && shares.every((sh) => sh.seen > 0 && agreeShare(sh) >= options.consensusShare);
      return { id: s.id, text: s.text, share: round3(ok ? Math.min(...shares.map(agreeShare)) : 0), ok };
    })
    .filter((c) => c.ok)
    .sort((a, b) => b.share - a.share)
    .slice(0, options.listLength)
    .map(({ ok: _ok, ...c }) => c);

  const divisive =
    describedIdx.length < 2
      ? []
      : statements
          .map((s) => {
            const shares = describedIdx.map((g) => ({ group: g, sh: sharesOf(members[g]!, s.id) })).filter((x) => x.sh.seen > 0);
            const values = shares.map((x) => agreeShare(x.sh));
            const spread = values.length >= 2 ? Math.max(...values) - Math.min(...values) : 0;
            return { id: s.id, text: s.text, spread: round3(spread), shares: shares.map((x) => ({ group: x.group, share: round3(agreeShare(x.sh)) })) };
          })
          .filter((d) => d.spread >= options.divisiveSpread)
          .sort((a, b) => b.spread - a.spread)
          .slice(0, options.listLength);

  const groups: OpinionGroup[] = members.map((group, g) => {
    const others = placed.filter((_, i) => groupOf[i] !== g);
    // What sets a group apart needs someone to set it against, and enough of them that their share is no one's mark.
    const describe = described[g]! && others.length >= options.minGroupSize;
    const representative = !describe
      ? []
      : statements
          .map((s) => {
            const mine = sharesOf(group, s.id);
            const rest = sharesOf(others, s.id);
            const agreeLead = agreeShare(mine) - agreeShare(rest);
            const disagreeLead = disagreeShare(mine) - disagreeShare(rest);
            const direction: 'agree' | 'disagree' = agreeLead >= disagreeLead ? 'agree' : 'disagree';
            const share = direction === 'agree' ? agreeShare(mine) : disagreeShare(mine);
            const othersShare = direction === 'agree' ? agreeShare(rest) : disagreeShare(rest);
            return { id: s.id, text: s.text, direction, share: round3(share), othersShare: round3(othersShare), lead: share - othersShare };
          })
          .filter((r) => r.lead >= options.representativeLead && r.share >= options.representativeShare)
          .sort((a, b) => b.lead - a.lead)
          .slice(0, options.listLength)
          .map(({ lead: _lead, ...r }) => r);
    return { index: g, size: group.length, described: described[g]!, representative };
  });

  const points = coords
    .map(([x, y], i) => ({ x: round3(x), y: round3(y), group: groupOf[i]! }))
    // Sorted by position: the order of the dots says nothing about who joined when.
    .sort((a, b) => a.x - b.x || a.y - b.y || a.group - b.group);

  return {
    id: meta.id,
    title: meta.title,
    revealedAt: meta.revealedAt,
    participants: people.length,
    grouped: placed.length,
    points,
    groups,
    consensus,
    divisive,
    statements: statements.map((s) => {
      const sh = sharesOf(people, s.id);
      return { id: s.id, text: s.text, agree: sh.agree, disagree: sh.disagree, pass: sh.seen - sh.agree - sh.disagree };
    }),
  };
}

/** Rows projected on the first two principal components, scaled into [−1, 1]; [0, 0] when nothing varies. */
export function project(matrix: number[][]): Array<[number, number]> {
  if (matrix.length === 0) return [];
  const columns = matrix[0]!.length;
  const varies = matrix.some((row) => row.some((v, j) => v !== matrix[0]![j]));
  if (matrix.length < 2 || columns === 0 || !varies) return matrix.map(() => [0, 0]);
  const pca = new PCA(matrix, { center: true, scale: false });
  const projected = pca.predict(matrix, { nComponents: Math.min(2, columns, matrix.length) }).to2DArray();
  const raw = projected.map((row): [number, number] => [finite(row[0]), finite(row[1])]);
  // The sign of a principal component is arbitrary: fix it so that the larger camp is on the left.
  for (const axis of [0, 1] as const) {
    const sum = raw.reduce((s, p) => s + Math.sign(p[axis]), 0);
    if (sum > 0) for (const p of raw) p[axis] = -p[axis];
  }
  const scale = Math.max(...raw.map(([x, y]) => Math.max(Math.abs(x), Math.abs(y)))) || 1;
  return raw.map(([x, y]) => [x / scale + 0, y / scale + 0]);
}

const finite = (v: number | undefined): number => (v !== undefined && Number.isFinite(v) ? v : 0);

/**
 * Group index per point: k-means for k = 2..maxGroups (each the best of a few fixed seeds), the k
 * with the highest mean silhouette (a larger k only when it wins by `K_MARGIN`); one group when the
 * points do not spread.
 * Groups are numbered by size, largest first.
 */
export function chooseGroups(points: Array<[number, number]>, maxGroups: number): number[] {
  const n = points.length;
  const distinct = new Set(points.map(([x, y]) => `${x},${y}`)).size;
  if (n < 4 || distinct < 2) return points.map(() => 0);
  let best: { labels: number[]; score: number } | null = null;
  for (let k = 2; k <= Math.min(maxGroups, distinct, n - 1); k++) {
    let bestRun: { labels: number[]; error: number } | null = null;
    for (const seed of SEEDS) {
      const run = kmeans(points, k, { seed, initialization: 'kmeans++', maxIterations: 100 });
      const sizes = new Array<number>(k).fill(0);
      for (const c of run.clusters) sizes[c]! += 1;
      if (sizes.some((s) => s === 0)) continue;
      const error = points.reduce((sum, p, i) => sum + dist2(p, run.centroids[run.clusters[i]!]!), 0);
      if (!bestRun || error < bestRun.error - 1e-12) bestRun = { labels: run.clusters, error };
    }
    if (!bestRun) continue;
    const score = silhouette(points, bestRun.labels);
    if (!best || score > best.score + K_MARGIN) best = { labels: bestRun.labels, score };
  }
  if (!best) return points.map(() => 0);
  return bySize(best.labels);
}

/** Mean silhouette: for each point (b − a) / max(a, b), a its mean distance within its cluster, b to the nearest other cluster. */
export function silhouette(points: Array<[number, number]>, labels: number[]): number {
  const k = Math.max(...labels) + 1;
  if (k < 2) return 0;
  let total = 0;
  for (let i = 0; i < points.length; i++) {
    const sums = new Array<number>(k).fill(0);
    const counts = new Array<number>(k).fill(0);
    for (let j = 0; j < points.length; j++) {
      if (i === j) continue;
      sums[labels[j]!]! += Math.sqrt(dist2(points[i]!, points[j]!));
      counts[labels[j]!]! += 1;
    }
    const own = labels[i]!;
    if (counts[own] === 0) continue; // a point alone in its cluster scores 0
    const a = sums[own]! / counts[own]!;
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && counts[c]! > 0) b = Math.min(b, sums[c]! / counts[c]!);
    const m = Math.max(a, b);
    total += m > 0 && Number.isFinite(b) ? (b - a) / m : 0;
  }
  return total / points.length;
}

function dist2(p: number[], q: number[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i]! - q[i]!) ** 2;
  return s;
}

/** Relabels clusters 0, 1, 2 … from the largest; equal sizes keep the order in which they first appear. */
function bySize(labels: number[]): number[] {
  const sizes = new Map<number, { size: number; first: number }>();
  labels.forEach((l, i) => {
    const e = sizes.get(l);
    if (e) e.size += 1;
    else sizes.set(l, { size: 1, first: i });
  });
  const order = [...sizes].sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first).map(([l]) => l);
  const rename = new Map(order.map((l, i) => [l, i]));
  return labels.map((l) => rename.get(l)!);
}
