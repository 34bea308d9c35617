import { StopwordsDa } from '@nlpjs/lang-da';
import { StopwordsEn } from '@nlpjs/lang-en-min';
import { StopwordsNo } from '@nlpjs/lang-no';

/**
 * Stop words per language for grouping notes. The maintained lists come from nlp.js; where they fall
 * short we add words here, and say why:
 * - Danish: `@nlpjs/lang-da` 4.26 ships an EMPTY list (StopwordsDa builds from `[]`), so the Danish
 *   words below are the Snowball project's Danish stop word list, written out.
 * - Nynorsk: nlp.js has one Norwegian package, and its list is Bokmål only; the Nynorsk function words
 *   (eg, ikkje, kva, korleis, ...) are added here, after the Snowball Norwegian list's Nynorsk part.
 * - All: words every workshop note is full of but that say nothing about its theme ("more", "better",
 *   "should", "want"), so "we want more X" and "we want more Y" are not grouped by their shared verbs.
 */

const SNOWBALL_DA = `og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde
ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget
ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis
din nogle hos blive mange ad bliver hendes været thi jer sådan`;

const NYNORSK_EXTRA = `eg ikkje kva korleis kvar kven kvifor noko nokon nokre dykk dykkar hjå berre då vere vore vart vorte
ho hennar me oss dei deira sjølv medan utan mykje mange fleire kan kunne skal skulle vil ville må måtte frå og til som er på`;

const WORKSHOP_FILLER = {
  da: `mere flere bedre gerne godt god gode skal skulle bør kunne vil ville må ønsker ønske gerne vigtigt vigtig synes mener
  tror kommune kommunen os vores nok lidt helt rigtig rigtigt altid aldrig hele få fik gøre gør`,
  no: `mer meir flere fleire bedre betre gjerne godt god gode bør kunne ønsker ønskjer ønske viktig viktigare synes synest
  meiner mener tror trur kommune kommunen vår våre vårt litt heilt helt alltid aldri heile hele få fikk gjøre gjere gjer`,
  en: `more better should would could want wish good important think need needs council municipality lot really always
  never get make`,
} as const;

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

/** Languages we stem and stop: Norwegian covers Bokmål and Nynorsk (one Snowball stemmer for both). */
export type StemLanguage = 'da' | 'no' | 'en';

function libraryList(lang: StemLanguage): string[] {
  const lists = { da: new StopwordsDa(), no: new StopwordsNo(), en: new StopwordsEn() };
  return Object.keys(lists[lang].dictionary);
}

const build = (lang: StemLanguage, extra: string[]): ReadonlySet<string> =>
  new Set([...libraryList(lang), ...extra, ...words(WORKSHOP_FILLER[lang])].map((w) => w.toLowerCase()));

export const STOP_WORDS: Readonly<Record<StemLanguage, ReadonlySet<string>>> = {
  da: build('da', words(SNOWBALL_DA)),
  no: build('no', words(NYNORSK_EXTRA)),
  en: build('en', []),
};
