import type { Language, ParticipationLevel } from '@sammen/shared';

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
};

export const REPORT_STRINGS: Record<Language, ReportStrings> = { da, nb, nn, en };
