import type { Language, ParticipationLevel } from '@sammen/shared';
import { OPINION_STRINGS, type OpinionReportStrings } from './opinionStrings.js';
import type { ReportModel, ReportStep } from './types.js';

/**
 * The words of the workshop report, in the workshop's language. Typed, so no language can miss a key.
 * (The report is made on the server; the client's locale files cover the web app.)
 */
export interface ReportStrings {
  report: string;
  date: string;
  plannedDuration: string;
  minutes: (n: number) => string;
  participants: string;
  roles: { facilitator: string; cofacilitator: string; participant: string };
  observersNote: string;
  summary: string;
  background: string;
  backgroundText: (title: string, steps: number) => string;
  said: string;
  prioritised: string;
  proposedActions: string;
  participation: string;
  promised: string;
  kept: string;
  keptYes: string;
  keptNo: string;
  step: string;
  frame: string;
  cluster: string;
  notInCluster: string;
  notes: (n: number) => string;
  votes: string;
  vote: string;
  count: string;
  text: string;
  author: string;
  anonymous: string;
  actions: string;
  what: string;
  who: string;
  firstStep: string;
  when: string;
  source: string;
  actors: Record<'citizen' | 'association' | 'business' | 'municipality' | 'politicians', string>;
  parkingLot: string;
  nothing: string;
  levels: Record<ParticipationLevel, string>;
  promise: string;
  untitled: string;
  /** Alternative text of a board picture. */
  pictureAlt: (title: string, notes: number, clusters: string[]) => string;
  time: string;
  place: string;
  question: string;
  dots: (n: number) => string;
  top: string;
  noTop: string;
  noNotes: string;
  priorities: string;
  noVote: string;
  /** The opinion rounds' section (`opinionStrings.ts`). */
  opinion: OpinionReportStrings;
  agreedActions: string;
  noActions: string;
  ran: string;
  notRun: string;
  notRecorded: string;
  /** A run that has not ended: "from 10:02". */
  since: (time: string) => string;
  outcome: Record<'kept' | 'no-evidence' | 'not-run' | 'unknown', string>;
  appendix: string;
  /** Front page label for the people by role (the role "participants" has its own word). */
  whoTookPart: string;
  /** CSV: the column that tells a note row from an action row, and its two values. */
  kind: string;
  kindNote: string;
  kindAction: string;
  /** Proposals for a participation platform (Decidim, open data): the body's opening line. */
  platform: { fromWorkshop: (title: string, date: string) => string };
  /** The letter to participants. */
  letter: {
    format: string;
    title: (title: string) => string;
    intro: (title: string, date: string, place: string | null) => string;
    asked: string;
    promises: string;
    done: Record<'kept' | 'no-evidence' | 'not-run' | 'unknown', string>;
    said: (notes: number, clusters: number) => string;
    top: string;
    next: string;
    action: (what: string, who: string) => string;
    noActions: string;
    thanks: string;
  };
}

const en: ReportStrings = {
  report: 'Workshop report', date: 'Date', plannedDuration: 'Planned duration', minutes: (n) => `${n} min`,
  participants: 'Participants', roles: { facilitator: 'Facilitator', cofacilitator: 'Co-facilitators', participant: 'Participants' },
  observersNote: 'Observers follow through a shared link and are not counted.',
  summary: 'Summary', background: 'Background', backgroundText: (t, n) => `The workshop "${t}" ran ${n} agenda steps.`,
  said: 'What the participants said', prioritised: 'What they prioritised', proposedActions: 'Proposed actions',
  participation: 'Participation level', promised: 'Promised', kept: 'Kept?', keptYes: 'Yes', keptNo: 'No evidence on the board',
  step: 'Step', frame: 'Frame', cluster: 'Cluster', notInCluster: 'Not in a cluster', notes: (n) => (n === 1 ? '1 note' : `${n} notes`),
  votes: 'Votes', vote: 'Vote', count: 'Dots', text: 'Text', author: 'Author', anonymous: 'anonymous',
  actions: 'Actions', what: 'What', who: 'Who', firstStep: 'First step', when: 'When', source: 'Comes from',
  actors: { citizen: 'Citizens', association: 'Associations', business: 'Business', municipality: 'The municipality', politicians: 'Politicians' },
  parkingLot: 'Parking lot', nothing: 'Nothing.',
  levels: { inform: 'Inform', consult: 'Consult', involve: 'Involve', collaborate: 'Collaborate', cocreate: 'Co-create', decide: 'Decide' },
  promise: 'What the input is used for', untitled: 'Untitled',
  pictureAlt: (t, n, c) => `Board picture of the frame "${t}": ${n === 1 ? '1 note' : `${n} notes`}${c.length ? `, in the clusters ${c.join(', ')}` : ''}.`,
  time: 'Time', place: 'Place', question: 'Question', dots: (n) => (n === 1 ? '1 dot' : `${n} dots`),
  top: 'What came out on top', noTop: 'There was no vote and no notes were grouped.', noNotes: 'No notes were written.',
  priorities: 'Priorities', noVote: 'No vote was held.', agreedActions: 'Agreed actions', noActions: 'No actions were agreed.',
  opinion: OPINION_STRINGS.en,
  ran: 'Ran', notRun: 'Not run', notRecorded: 'Not recorded', since: (t) => `from ${t}`,
  outcome: { kept: 'Yes', 'no-evidence': 'The step ran, but the board does not show it', 'not-run': 'No: the step was not run', unknown: 'Not recorded' },
  kind: 'Type', kindNote: 'Note', kindAction: 'Action',
  platform: { fromWorkshop: (t, d) => `From the workshop "${t}" on ${d}.` },
  whoTookPart: 'Who took part',
  appendix: 'Appendix: the board',
  letter: {
    format: 'Letter to participants',
    title: (t) => `What happened to your input: ${t}`,
    intro: (t, d, p) => `Thank you for taking part in "${t}" on ${d}${p ? ` in ${p}` : ''}. This letter tells you what we did with what you said.`,
    asked: 'What we asked',
    promises: 'What we promised, and what we did',
    done: { kept: 'Done.', 'no-evidence': 'We did the step, but it did not lead to a result yet. We will follow up.', 'not-run': 'We did not get to this step, so this promise does not apply.', unknown: 'Not recorded.' },
    said: (n, c) => `You wrote ${n === 1 ? '1 note' : `${n} notes`}${c ? `, which we grouped into ${c === 1 ? '1 theme' : `${c} themes`}` : ''}:`,
    top: 'What you put first',
    next: 'What happens next',
    action: (what, who) => `${what}${who ? ` (${who})` : ''}`,
    noActions: 'No actions were agreed at the workshop.',
    thanks: 'Thank you for your time and your ideas.',
  },
};
const da: ReportStrings = {
  report: 'Workshoprapport', date: 'Dato', plannedDuration: 'Planlagt varighed', minutes: (n) => `${n} min.`,
  participants: 'Deltagere', roles: { facilitator: 'Facilitator', cofacilitator: 'Medfacilitatorer', participant: 'Deltagere' },
  observersNote: 'Observatører følger med via et fælles link og tælles ikke med.',
  summary: 'Resumé', background: 'Baggrund', backgroundText: (t, n) => `Workshoppen "${t}" havde ${n} punkter på dagsordenen.`,
  said: 'Hvad deltagerne sagde', prioritised: 'Hvad de prioriterede', proposedActions: 'Forslag til handlinger',
  participation: 'Deltagelsesniveau', promised: 'Lovet', kept: 'Holdt?', keptYes: 'Ja', keptNo: 'Ikke synligt på tavlen',
  step: 'Punkt', frame: 'Ramme', cluster: 'Gruppe', notInCluster: 'Ikke i en gruppe', notes: (n) => (n === 1 ? '1 seddel' : `${n} sedler`),
  votes: 'Afstemninger', vote: 'Afstemning', count: 'Prikker', text: 'Tekst', author: 'Skrevet af', anonymous: 'anonym',
  actions: 'Handlinger', what: 'Hvad', who: 'Hvem', firstStep: 'Første skridt', when: 'Hvornår', source: 'Kommer fra',
  actors: { citizen: 'Borgere', association: 'Foreninger', business: 'Erhvervsliv', municipality: 'Kommunen', politicians: 'Politikere' },
  parkingLot: 'Parkeringsplads', nothing: 'Intet.',
  levels: { inform: 'Informere', consult: 'Høre', involve: 'Inddrage', collaborate: 'Samarbejde', cocreate: 'Samskabe', decide: 'Beslutte' },
  promise: 'Det bruges input til', untitled: 'Uden titel',
  pictureAlt: (t, n, c) => `Billede af rammen "${t}" på tavlen: ${n === 1 ? '1 seddel' : `${n} sedler`}${c.length ? `, i grupperne ${c.join(', ')}` : ''}.`,
  time: 'Tidspunkt', place: 'Sted', question: 'Spørgsmål', dots: (n) => (n === 1 ? '1 prik' : `${n} prikker`),
  top: 'Det vigtigste', noTop: 'Der blev ikke stemt, og sedlerne blev ikke grupperet.', noNotes: 'Der blev ikke skrevet sedler.',
  priorities: 'Prioriteringer', noVote: 'Der blev ikke stemt.', agreedActions: 'Aftalte handlinger', noActions: 'Der blev ikke aftalt handlinger.',
  opinion: OPINION_STRINGS.da,
  ran: 'Gennemført', notRun: 'Ikke gennemført', notRecorded: 'Ikke registreret', since: (t) => `fra kl. ${t}`,
  outcome: { kept: 'Ja', 'no-evidence': 'Punktet blev gennemført, men det ses ikke på tavlen', 'not-run': 'Nej, punktet blev ikke gennemført', unknown: 'Ikke registreret' },
  kind: 'Type', kindNote: 'Seddel', kindAction: 'Handling',
  platform: { fromWorkshop: (t, d) => `Fra workshoppen »${t}« den ${d}.` },
  whoTookPart: 'Hvem deltog',
  appendix: 'Bilag: tavlen',
  letter: {
    format: 'Brev til deltagerne',
    title: (t) => `Det skete der med jeres input: ${t}`,
    intro: (t, d, p) => `Tak fordi du deltog i "${t}" den ${d}${p ? ` i ${p}` : ''}. I dette brev kan du læse, hvad vi har gjort med det, I sagde.`,
    asked: 'Det spurgte vi om',
    promises: 'Det lovede vi, og det gjorde vi',
    done: { kept: 'Gjort.', 'no-evidence': 'Vi gennemførte punktet, men det har endnu ikke ført til et resultat. Vi følger op.', 'not-run': 'Vi nåede ikke dette punkt, så løftet gælder ikke.', unknown: 'Ikke registreret.' },
    said: (n, c) => `I skrev ${n === 1 ? '1 seddel' : `${n} sedler`}${c ? `, som vi samlede i ${c === 1 ? '1 tema' : `${c} temaer`}` : ''}:`,
    top: 'Det satte I først',
    next: 'Det sker der nu',
    action: (what, who) => `${what}${who ? ` (${who})` : ''}`,
    noActions: 'Der blev ikke aftalt handlinger på workshoppen.',
    thanks: 'Tak for din tid og dine idéer.',
  },
};
const nb: ReportStrings = {
  report: 'Verkstedrapport', date: 'Dato', plannedDuration: 'Planlagt varighet', minutes: (n) => `${n} min`,
  participants: 'Deltakere', roles: { facilitator: 'Fasilitator', cofacilitator: 'Medfasilitatorer', participant: 'Deltakere' },
  observersNote: 'Observatører følger med via en felles lenke og telles ikke.',
  summary: 'Sammendrag', background: 'Bakgrunn', backgroundText: (t, n) => `Verkstedet «${t}» hadde ${n} punkter på agendaen.`,
  said: 'Hva deltakerne sa', prioritised: 'Hva de prioriterte', proposedActions: 'Forslag til tiltak',
  participation: 'Deltakelsesnivå', promised: 'Lovet', kept: 'Holdt?', keptYes: 'Ja', keptNo: 'Ikke synlig på tavla',
  step: 'Punkt', frame: 'Ramme', cluster: 'Gruppe', notInCluster: 'Ikke i en gruppe', notes: (n) => (n === 1 ? '1 lapp' : `${n} lapper`),
  votes: 'Avstemninger', vote: 'Avstemning', count: 'Prikker', text: 'Tekst', author: 'Skrevet av', anonymous: 'anonym',
  actions: 'Tiltak', what: 'Hva', who: 'Hvem', firstStep: 'Første steg', when: 'Når', source: 'Kommer fra',
  actors: { citizen: 'Innbyggere', association: 'Foreninger', business: 'Næringsliv', municipality: 'Kommunen', politicians: 'Politikere' },
  parkingLot: 'Parkeringsplass', nothing: 'Ingenting.',
  levels: { inform: 'Informere', consult: 'Høre', involve: 'Involvere', collaborate: 'Samarbeide', cocreate: 'Samskape', decide: 'Bestemme' },
  promise: 'Innspillene brukes til', untitled: 'Uten tittel',
  pictureAlt: (t, n, c) => `Bilde av rammen «${t}» på tavla: ${n === 1 ? '1 lapp' : `${n} lapper`}${c.length ? `, i gruppene ${c.join(', ')}` : ''}.`,
  time: 'Tidspunkt', place: 'Sted', question: 'Spørsmål', dots: (n) => (n === 1 ? '1 prikk' : `${n} prikker`),
  top: 'Det viktigste', noTop: 'Det ble ikke stemt, og lappene ble ikke gruppert.', noNotes: 'Det ble ikke skrevet lapper.',
  priorities: 'Prioriteringer', noVote: 'Det ble ikke stemt.', agreedActions: 'Avtalte tiltak', noActions: 'Det ble ikke avtalt tiltak.',
  opinion: OPINION_STRINGS.nb,
  ran: 'Gjennomført', notRun: 'Ikke gjennomført', notRecorded: 'Ikke registrert', since: (t) => `fra kl. ${t}`,
  outcome: { kept: 'Ja', 'no-evidence': 'Punktet ble gjennomført, men det synes ikke på tavla', 'not-run': 'Nei, punktet ble ikke gjennomført', unknown: 'Ikke registrert' },
  kind: 'Type', kindNote: 'Lapp', kindAction: 'Tiltak',
  platform: { fromWorkshop: (t, d) => `Fra verkstedet «${t}» ${d}.` },
  whoTookPart: 'Hvem deltok',
  appendix: 'Vedlegg: tavla',
  letter: {
    format: 'Brev til deltakerne',
    title: (t) => `Dette skjedde med innspillene deres: ${t}`,
    intro: (t, d, p) => `Takk for at du var med på «${t}» ${d}${p ? ` i ${p}` : ''}. I dette brevet kan du lese hva vi har gjort med det dere sa.`,
    asked: 'Dette spurte vi om',
    promises: 'Dette lovet vi, og dette gjorde vi',
    done: { kept: 'Gjort.', 'no-evidence': 'Vi gjennomførte punktet, men det har ennå ikke gitt et resultat. Vi følger opp.', 'not-run': 'Vi rakk ikke dette punktet, så løftet gjelder ikke.', unknown: 'Ikke registrert.' },
    said: (n, c) => `Dere skrev ${n === 1 ? '1 lapp' : `${n} lapper`}${c ? `, som vi samlet i ${c === 1 ? '1 tema' : `${c} temaer`}` : ''}:`,
    top: 'Dette satte dere først',
    next: 'Dette skjer nå',
    action: (what, who) => `${what}${who ? ` (${who})` : ''}`,
    noActions: 'Det ble ikke avtalt tiltak på verkstedet.',
    thanks: 'Takk for tiden og ideene dine.',
  },
};
const nn: ReportStrings = {
  ...nb,
  report: 'Verkstadrapport', plannedDuration: 'Planlagd varigheit',
  participants: 'Deltakarar', roles: { facilitator: 'Fasilitator', cofacilitator: 'Medfasilitatorar', participant: 'Deltakarar' },
  observersNote: 'Observatørar følgjer med via ei felles lenkje og vert ikkje talde.',
  summary: 'Samandrag', background: 'Bakgrunn', backgroundText: (t, n) => `Verkstaden «${t}» hadde ${n} punkt på agendaen.`,
  said: 'Kva deltakarane sa', prioritised: 'Kva dei prioriterte', proposedActions: 'Forslag til tiltak',
  participation: 'Deltakingsnivå', promised: 'Lova', kept: 'Halde?', keptNo: 'Ikkje synleg på tavla',
  notes: (n) => (n === 1 ? '1 lapp' : `${n} lappar`), votes: 'Røystingar', vote: 'Røysting', author: 'Skriven av',
  what: 'Kva', who: 'Kven', firstStep: 'Første steg', when: 'Når',
  actors: { citizen: 'Innbyggjarar', association: 'Foreiningar', business: 'Næringsliv', municipality: 'Kommunen', politicians: 'Politikarar' },
  parkingLot: 'Parkeringsplass', nothing: 'Ingenting.',
  levels: { inform: 'Informere', consult: 'Høyre', involve: 'Involvere', collaborate: 'Samarbeide', cocreate: 'Samskape', decide: 'Avgjere' },
  promise: 'Innspela vert brukte til', untitled: 'Utan tittel',
  pictureAlt: (t, n, c) => `Bilete av ramma «${t}» på tavla: ${n === 1 ? '1 lapp' : `${n} lappar`}${c.length ? `, i gruppene ${c.join(', ')}` : ''}.`,
  time: 'Tidspunkt', place: 'Stad', question: 'Spørsmål', dots: (n) => (n === 1 ? '1 prikk' : `${n} prikkar`),
  top: 'Det viktigaste', noTop: 'Det vart ikkje røysta, og lappane vart ikkje grupperte.', noNotes: 'Det vart ikkje skrive lappar.',
  priorities: 'Prioriteringar', noVote: 'Det vart ikkje røysta.', agreedActions: 'Avtalte tiltak', noActions: 'Det vart ikkje avtalt tiltak.',
  opinion: OPINION_STRINGS.nn,
  ran: 'Gjennomført', notRun: 'Ikkje gjennomført', notRecorded: 'Ikkje registrert', since: (t) => `frå kl. ${t}`,
  outcome: { kept: 'Ja', 'no-evidence': 'Punktet vart gjennomført, men det syner ikkje på tavla', 'not-run': 'Nei, punktet vart ikkje gjennomført', unknown: 'Ikkje registrert' },
  kind: 'Type', kindNote: 'Lapp', kindAction: 'Tiltak',
  platform: { fromWorkshop: (t, d) => `Frå verkstaden «${t}» ${d}.` },
  whoTookPart: 'Kven deltok',
  appendix: 'Vedlegg: tavla',
  letter: {
    format: 'Brev til deltakarane',
    title: (t) => `Dette skjedde med innspela dykkar: ${t}`,
    intro: (t, d, p) => `Takk for at du var med på «${t}» ${d}${p ? ` i ${p}` : ''}. I dette brevet kan du lese kva vi har gjort med det de sa.`,
    asked: 'Dette spurde vi om',
    promises: 'Dette lova vi, og dette gjorde vi',
    done: { kept: 'Gjort.', 'no-evidence': 'Vi gjennomførte punktet, men det har enno ikkje gjeve eit resultat. Vi følgjer opp.', 'not-run': 'Vi rakk ikkje dette punktet, så lovnaden gjeld ikkje.', unknown: 'Ikkje registrert.' },
    said: (n, c) => `De skreiv ${n === 1 ? '1 lapp' : `${n} lappar`}${c ? `, som vi samla i ${c === 1 ? '1 tema' : `${c} tema`}` : ''}:`,
    top: 'Dette sette de først',
    next: 'Dette skjer no',
    action: (what, who) => `${what}${who ? ` (${who})` : ''}`,
    noActions: 'Det vart ikkje avtalt tiltak på verkstaden.',
    thanks: 'Takk for tida og ideane dine.',
  },
};

export const REPORT_STRINGS: Record<Language, ReportStrings> = { da, nb, nn, en };

// English as written in Europe: "30 November 2026", a 24-hour clock.
const intlLocale = (language: Language) => (language === 'en' ? 'en-GB' : language);
/** A date in the workshop's language and the municipality's time zone ("30. november 2026"). */
export const formatDate = (language: Language, timeZone: string, iso: string): string =>
  new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'long', timeZone }).format(new Date(iso));
/** A clock time ("10.02" / "10:02"). */
export const formatTime = (language: Language, timeZone: string, iso: string): string =>
  new Intl.DateTimeFormat(intlLocale(language), { timeStyle: 'short', timeZone }).format(new Date(iso));
/** When a step ran: "10:02–10:15 (13 min)", or "from 10:02" while it runs. */
export function formatRun(language: Language, timeZone: string, run: { start: string; end: string | null; minutes: number | null }): string {
  const s = REPORT_STRINGS[language];
  const start = formatTime(language, timeZone, run.start);
  if (run.end === null) return s.since(start);
  return `${start}–${formatTime(language, timeZone, run.end)} (${s.minutes(run.minutes ?? 0)})`;
}
/** Who takes an action on: the actor groups, then the named owner; '' when the card names nobody. */
export const whoOf = (language: Language, a: { who: readonly (keyof ReportStrings['actors'])[]; whoDetail: string }): string =>
  [...a.who.map((w) => REPORT_STRINGS[language].actors[w]), ...(a.whoDetail ? [a.whoDetail] : [])].join(', ');
/** When a step ran ("10:02–10:15 (13 min)"; several runs joined by "; "), or why there are no times. */
export function runText(m: Pick<ReportModel, 'language' | 'timeZone'>, st: Pick<ReportStep, 'ran' | 'runs'>): string {
  const s = REPORT_STRINGS[m.language];
  if (st.ran === 'no') return s.notRun;
  if (st.ran === 'unknown') return s.notRecorded;
  return st.runs.map((r) => formatRun(m.language, m.timeZone, r)).join('; ');
}
