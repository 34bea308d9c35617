/**
 * Average-link agglomerative clustering (UPGMA) on a similarity matrix, stopping when the two most
 * similar clusters are less similar than `threshold`. Pure; no language in here.
 *
 * Average link rather than single link: single link chains ("bus" - "bus stop" - "stop the cars" -
 * "cars on the school road") and swallows neighbouring themes; complete link splits a theme as soon as
 * two of its notes share no word, which notes written by different citizens often do.
 *
 * Cost: the matrix is updated in place by the Lance-Williams rule for average link,
 *   sim(k, i∪j) = (|i|·sim(k,i) + |j|·sim(k,j)) / (|i| + |j|),
 * and each row keeps its best partner, so a merge costs O(n) plus a rescan of the rows whose best
 * partner was merged: about O(n²) in all instead of the naive O(n³).
 */
export function averageLinkClusters(n: number, sim: Float32Array, threshold: number): number[][] {
  if (sim.length !== n * n) throw new Error('similarity matrix must be n×n');
  const members: Array<number[] | null> = Array.from({ length: n }, (_, i) => [i]);
  const size = new Float64Array(n).fill(1);
  const best = new Int32Array(n).fill(-1);
  const bestSim = new Float64Array(n).fill(-Infinity);
  const active = (i: number) => members[i] !== null;

  const rescan = (i: number) => {
    let b = -1;
    let s = -Infinity;
    for (let k = 0; k < n; k++) {
      if (k === i || !active(k)) continue;
      const v = sim[i * n + k]!;
      if (v > s) {
        s = v;
        b = k;
      }
    }
    best[i] = b;
    bestSim[i] = s;
  };
  for (let i = 0; i < n; i++) rescan(i);

  for (;;) {
    let i = -1;
    let s = -Infinity;
    for (let k = 0; k < n; k++) {
      if (active(k) && bestSim[k]! > s) {
        s = bestSim[k]!;
        i = k;
      }
    }
    if (i < 0 || s < threshold) break;
    const j = best[i]!;
    // Merge j into i.
    const si = size[i]!;
    const sj = size[j]!;
    for (let k = 0; k < n; k++) {
      if (k === i || k === j || !active(k)) continue;
      const v = (si * sim[i * n + k]! + sj * sim[j * n + k]!) / (si + sj);
      sim[i * n + k] = v;
      sim[k * n + i] = v;
    }
    members[i] = [...members[i]!, ...members[j]!];
    members[j] = null;
    size[i] = si + sj;
    for (let k = 0; k < n; k++) {
      if (!active(k)) continue;
      if (k === i || best[k] === i || best[k] === j) rescan(k);
      else if (sim[k * n + i]! > bestSim[k]!) {
        best[k] = i;
        bestSim[k] = sim[k * n + i]!;
      }
    }
  }
  return members.filter((m): m is number[] => m !== null).map((m) => m.sort((a, b) => a - b));
}
