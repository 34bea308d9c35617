import type { Language } from '@sammen/shared';
import { averageLinkClusters } from './grouping/averageLink.js';
import { foldVowels, noteTerms, stemLanguageOf, type NoteTerms } from './grouping/noteTerms.js';

/**
 * Suggested groups: notes with similar wording, found on the server with nothing sent anywhere.
 * Pure: notes in, suggestions out.
 *
 * 1. Terms per note (`grouping/noteTerms.ts`): Snowball stems from nlp.js without stop words, keyed
 *    so Danish, Bokmål and Nynorsk spellings of one word meet; compounds also count as their first
 *    part when that is a word on the board (see `compoundParts`).
 * 2. TF-IDF: a term in every note says nothing; weights are tf × (ln((N+1)/(df+1)) + 1), then
 *    L2-normalised, so similarity is the cosine.
 * 3. Average-link agglomerative clustering, merging while the clusters' mean cosine is at least
 *    `threshold` (`grouping/averageLink.ts`). Groups of one are not suggested.
 * 4. A label from the group's own words: the stems most of its notes share and few other notes use
 *    (notes in the group × idf), each shown as the word most often written for it.
 */

export interface NoteText {
  id: string;
  text: string;
}

export interface NoteGroupSuggestion {
  /** In the order the notes were given. */
  noteIds: string[];
  /** Two or three of the group's words, the first capitalised: "Skolevej, trafik". */
  label: string;
  /** The words of the label, lower-case. */
  terms: string[];
}

export interface GroupingOptions {
  /** The workshop's language: how a note that does not show its language is stemmed. */
  language: Language;
  /** Least mean cosine between two groups that still merge (0..1). */
  threshold?: number;
}

/**
 * Chosen on the 60-note fixture (`noteGroups.fixture.ts`): 4 of its 5 themes come back from 0.025 to
 * 0.05; 0.03 sits inside that range, not on its edge. Lower merges themes, higher splits them.
 */
export const DEFAULT_THRESHOLD = 0.03;
/** More notes than any frame holds in a workshop; the similarity matrix is n² floats (4 MB at 1,000). */
export const MAX_NOTES = 1500;

type Vector = Map<string, number>;

/** Shortest part of a compound that counts as a word of its own ("bus", "ung", "vei"). */
const MIN_PART = 3;
/** Weight of a compound's part next to a whole word (1): "busafgang" is about buses, less than "bus" is. */
const PART_WEIGHT = 1;

/**
 * Danish and Norwegian glue words together ("busafgange", "bussholdeplassen", "ungdomsklubb"), and no
 * stemmer splits them. Split against the board's own words: a key that starts with another note's
 * word (at least three letters, with or without a linking s) also counts as that word. Only the start:
 * the first part is the modifier that names the topic (bus-afgang, skole-vej, ungdoms-klub), the last
 * is a generic head (-sted, -plads, -park, -tilbud) that, split off, tied "værested" (elderly) to
 * "sted" (youth) and "skatepark" to the park notes in the fixture.
 */
function compoundParts(key: string, vocabulary: ReadonlySet<string>): string[] {
  const parts = new Set<string>();
  for (let i = MIN_PART; i <= key.length - MIN_PART; i++) {
    const head = key.slice(0, i);
    if (vocabulary.has(head)) parts.add(head);
    if (head.endsWith('s') && vocabulary.has(head.slice(0, -1)) && head.length - 1 >= MIN_PART) parts.add(head.slice(0, -1));
  }
  parts.delete(key);
  return [...parts];
}

function vectors(terms: readonly NoteTerms[]): Vector[] {
  const vocabulary = new Set(terms.flatMap((t) => [...t.stems.keys()]));
  const df = new Map<string, number>();
  const raw = terms.map((t) => {
    const v: Vector = new Map();
    for (const [key, n] of t.stems) {
      v.set(key, (v.get(key) ?? 0) + n);
      for (const part of compoundParts(key, vocabulary)) v.set(part, Math.max(v.get(part) ?? 0, PART_WEIGHT * n));
    }
    for (const k of v.keys()) df.set(k, (df.get(k) ?? 0) + 1);
    return v;
  });
  const n = terms.length;
  return raw.map((v) => {
    let norm = 0;
    for (const [k, tf] of v) {
      const w = tf * (Math.log((n + 1) / (df.get(k)! + 1)) + 1);
      v.set(k, w);
      norm += w * w;
    }
    for (const [k, w] of v) v.set(k, w / Math.sqrt(norm));
    return v;
  });
}

/** Cosine of every pair, from an inverted index (only notes sharing a term are ever multiplied). */
function similarityMatrix(vs: readonly Vector[]): Float32Array {
  const n = vs.length;
  const postings = new Map<string, Array<[number, number]>>();
  vs.forEach((v, i) => {
    for (const [k, w] of v) {
      let p = postings.get(k);
      if (!p) postings.set(k, (p = []));
      p.push([i, w]);
    }
  });
  const sim = new Float32Array(n * n);
  for (const p of postings.values()) {
    for (let a = 0; a < p.length; a++) {
      const [i, wi] = p[a]!;
      for (let b = a + 1; b < p.length; b++) {
        const [j, wj] = p[b]!;
        sim[i * n + j] = sim[i * n + j]! + wi * wj;
      }
    }
  }
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) sim[j * n + i] = sim[i * n + j]!;
  return sim;
}

function labelOf(members: readonly number[], terms: readonly NoteTerms[], idf: (stem: string) => number): string[] {
  const inGroup = new Map<string, number>();
  for (const m of members) for (const s of terms[m]!.stems.keys()) inGroup.set(s, (inGroup.get(s) ?? 0) + 1);
  const ranked = [...inGroup].map(([stem, count]) => ({ stem, score: count * idf(stem), count })).sort((a, b) => b.score - a.score || (a.stem < b.stem ? -1 : 1));
  const shared = ranked.filter((r) => r.count >= 2);
  const picked: string[] = [];
  for (const { stem } of shared.length ? shared : ranked) {
    if (picked.length === 3) break;
    const written = new Map<string, number>();
    for (const m of members) for (const w of terms[m]!.surface.get(stem) ?? []) written.set(w, (written.get(w) ?? 0) + 1);
    const word = [...written].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (!word) continue;
    // "bus" and "busser", "skolevej" and "skoleveien": one of them is enough in a label.
    const key = foldVowels(word).slice(0, 4);
    if (picked.some((p) => foldVowels(p).slice(0, 4) === key)) continue;
    picked.push(word);
  }
  return picked;
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

export function suggestNoteGroups(notes: readonly NoteText[], options: GroupingOptions): NoteGroupSuggestion[] {
  if (notes.length > MAX_NOTES) throw new RangeError(`at most ${MAX_NOTES} notes can be grouped at once`);
  const fallback = stemLanguageOf(options.language);
  const all = notes.map((n) => ({ note: n, terms: noteTerms(n.text, fallback) }));
  // A note with no words left (empty, only stop words or digits) has nothing to be grouped by.
  const usable = all.filter((x) => x.terms.stems.size > 0);
  if (usable.length < 2) return [];
  const terms = usable.map((x) => x.terms);
  const vs = vectors(terms);
  const sim = similarityMatrix(vs);
  const clusters = averageLinkClusters(usable.length, sim, options.threshold ?? DEFAULT_THRESHOLD);

  const stemDf = new Map<string, number>();
  for (const t of terms) for (const s of t.stems.keys()) stemDf.set(s, (stemDf.get(s) ?? 0) + 1);
  const idf = (stem: string) => Math.log((terms.length + 1) / ((stemDf.get(stem) ?? 0) + 1)) + 1;

  return clusters
    .filter((c) => c.length >= 2)
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!)
    .map((c) => {
      const words = labelOf(c, terms, idf);
      return { noteIds: c.map((i) => usable[i]!.note.id), label: capitalise(words.join(', ')), terms: words };
    });
}
