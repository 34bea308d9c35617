import type { Language } from '@sammen/shared';
import { StemmerDa } from '@nlpjs/lang-da';
import { StemmerEn } from '@nlpjs/lang-en-min';
import { StemmerNo } from '@nlpjs/lang-no';
import { STOP_WORDS, type StemLanguage } from './stopwords.js';

/**
 * From a note's text to the terms grouping compares: words, lower-cased, stop words dropped, stemmed by
 * the Snowball stemmer of the note's language (nlp.js), then keyed by `scandinavianKey`, because
 * citizens in one room write Danish, Bokmål and Nynorsk side by side and the languages spell the same
 * word differently (da "busser"/"trafik", nb "bussene"/"trafikk").
 */

export interface NoteTerms {
  /** Stem → how often it occurs in the note. */
  stems: Map<string, number>;
  /** Stem → the words (lower-cased, as written) it came from, for labels. */
  surface: Map<string, string[]>;
  language: StemLanguage;
}

const stemmers: Record<StemLanguage, { stemWord(w: string): string }> = {
  da: new StemmerDa(),
  no: new StemmerNo(),
  en: new StemmerEn(),
};

/** The workshop's language as a stemmer language: Bokmål and Nynorsk share the Norwegian stemmer. */
export const stemLanguageOf = (language: Language): StemLanguage => (language === 'nb' || language === 'nn' ? 'no' : language);

/** Letters only (any script), so "skolevej!" and "(skolevej)" are one word; digits and signs are dropped. */
export const words = (text: string): string[] => text.toLowerCase().match(/\p{L}+/gu) ?? [];

// Words that occur in only one of the languages (function words), to tell them apart per note.
const DA_ONLY = new Set(['af', 'hvad', 'meget', 'mig', 'dig', 'sig', 'os', 'nogle', 'noget', 'efter', 'havde', 'ud', 'blev', 'hende', 'jer', 'bliver', 'mere', 'flere', 'ældre', 'gerne', 'vores', 'sådan', 'synes', 'kunne', 'være']);
const NO_ONLY = new Set(['ikkje', 'eg', 'kva', 'korleis', 'meg', 'deg', 'seg', 'oss', 'noen', 'nokon', 'noe', 'noko', 'etter', 'ut', 'ble', 'vart', 'henne', 'dere', 'dykk', 'blir', 'mer', 'meir', 'fleire', 'eldre', 'gjerne', 'vår', 'våre', 'slik', 'synes', 'synest', 'berre', 'bare', 'hjå', 'frå', 'mykje', 'mye', 'vere']);
const EN_ONLY = new Set(['the', 'and', 'of', 'is', 'are', 'we', 'with', 'should', 'our', 'they', 'it', 'this', 'that', 'more', 'would', 'people']);

/**
 * The note's language: the one whose typical function words it uses most; ties (a note of two nouns)
 * go to the workshop's language, so a short note is stemmed as the room speaks.
 */
export function detectLanguage(tokens: readonly string[], fallback: StemLanguage): StemLanguage {
  const score = { da: 0, no: 0, en: 0 };
  for (const t of tokens) {
    if (DA_ONLY.has(t)) score.da++;
    if (NO_ONLY.has(t)) score.no++;
    if (EN_ONLY.has(t)) score.en++;
  }
  const top = Math.max(score.da, score.no, score.en);
  if (top === 0 || score[fallback] === top) return fallback;
  return (['da', 'no', 'en'] as const).find((l) => score[l] === top)!;
}

/**
 * A comparison key for a stem that bridges the regular spelling differences between Danish, Bokmål and
 * Nynorsk (the Norwegian spelling reforms of 1907/1917/1938 replaced the Danish letters with these):
 * aa/å→a, æ→e, ø/øy→o; c→s before e/i/y, else k; ch→k, x→ks, qu→kv; kj/gj→k/g (da "køre", nb "kjøre",
 * nn "køyre"); b/d/g after a vowel at the end → p/t/k (da "skab"/"gade", nb "skap"/"gate"); final
 * ej/eg/ei → ei (da "vej", nb "vei", nn "veg"); doubled consonants single (da "bus"/"trafik", nb
 * "buss"/"trafikk"). Used for matching only; labels show the words as written.
 */
export function scandinavianKey(stem: string): string {
  return stem
    .replace(/aa/g, 'a')
    .replace(/øy/g, 'ø')
    .replace(/å/g, 'a')
    .replace(/æ/g, 'e')
    .replace(/ø/g, 'o')
    .replace(/ch/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/qu/g, 'kv')
    .replace(/([kg])j/g, '$1')
    .replace(/e[jg]$/, 'ei')
    .replace(/([aeiouy])b$/, '$1p')
    .replace(/([aeiouy])d$/, '$1t')
    .replace(/([aeiouy])g$/, '$1k')
    .replace(/([b-df-hj-np-tv-z])\1/g, '$1');
}

/** Folds the vowels Danish and Norwegian spell differently (for labels: one of "busser"/"bussar"). */
export const foldVowels = (s: string): string => s.replace(/aa/g, 'a').replace(/æ/g, 'e').replace(/ø/g, 'o').replace(/å/g, 'a');

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

export function noteTerms(text: string, workshopLanguage: StemLanguage): NoteTerms {
  const tokens = words(text);
  const language = detectLanguage(tokens, workshopLanguage);
  const stop = STOP_WORDS[language];
  const stems = new Map<string, number>();
  const surface = new Map<string, string[]>();
  for (const token of tokens) {
    // Danish and Norwegian stop words are dropped from both (a Danish note with "ikkje" is not about
    // "ikkje"); English ones only from English notes, as Danish "by" (town) is an English stop word.
    if (token.length < 2 || stop.has(token) || (language !== 'en' && (STOP_WORDS.da.has(token) || STOP_WORDS.no.has(token)))) continue;
    const stem = scandinavianKey(stemmers[language].stemWord(token));
    if (stem.length < 2) continue;
    add(stems, stem, 1);
    surface.set(stem, [...(surface.get(stem) ?? []), token]);
  }
  return { stems, surface, language };
}
