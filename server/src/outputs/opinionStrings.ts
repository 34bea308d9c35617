import type { Language } from '@sammen/shared';

/** The opinion round's words in the report (part of `ReportStrings` as `opinion`). */
export interface OpinionReportStrings {
  heading: string;
  untitled: string;
  method: string;
  took: (participants: number, grouped: number) => string;
  group: (letter: string, size: number) => string;
  small: (people: number) => string;
  consensus: string;
  divisive: string;
  setsApart: (letter: string) => string;
  agreeEverywhere: (percent: number) => string;
  everyoneAgrees: string;
  groupAgrees: (letter: string, percent: number) => string;
  lead: (direction: 'agree' | 'disagree', percent: number, others: number) => string;
  none: string;
}

const people = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const en: OpinionReportStrings = {
  heading: 'Opinion rounds',
  untitled: 'Opinion round',
  method:
    'Each participant marked every statement agree, disagree or pass. Opinion groups are people who marked alike (principal components and k-means, as Pol.is does); groups under three people are not described. No one’s marks are shown.',
  took: (p, g) => `${people(p, 'person', 'people')} took part; ${g} marked enough statements to be placed in a group.`,
  group: (l, n) => `Group ${l}: ${people(n, 'person', 'people')}`,
  small: (n) => `Small groups, not described: ${people(n, 'person', 'people')}`,
  consensus: 'The room agrees',
  divisive: 'The room is divided',
  setsApart: (l) => `What sets group ${l} apart`,
  agreeEverywhere: (p) => `at least ${p} % agree in every group`,
  everyoneAgrees: 'everyone agrees',
  groupAgrees: (l, p) => `${l}: ${p} % agree`,
  lead: (d, p, o) => `${p} % ${d === 'agree' ? 'agree' : 'disagree'} (others ${o} %)`,
  none: 'None.',
};
const da: OpinionReportStrings = {
  heading: 'Meningsrunder',
  untitled: 'Meningsrunde',
  method:
    'Hver deltager markerede hvert udsagn som enig, uenig eller ved ikke. Meningsgrupper er personer, der markerede ens (hovedkomponenter og k-means, som i Pol.is); grupper under tre personer beskrives ikke. Ingens markeringer vises.',
  took: (p, g) => `${people(p, 'person', 'personer')} deltog; ${g} tog stilling til nok udsagn til at blive placeret i en gruppe.`,
  group: (l, n) => `Gruppe ${l}: ${people(n, 'person', 'personer')}`,
  small: (n) => `Små grupper, beskrives ikke: ${people(n, 'person', 'personer')}`,
  consensus: 'Rummet er enigt',
  divisive: 'Rummet er delt',
  setsApart: (l) => `Det særlige ved gruppe ${l}`,
  agreeEverywhere: (p) => `mindst ${p} % enige i hver gruppe`,
  everyoneAgrees: 'alle er enige',
  groupAgrees: (l, p) => `${l}: ${p} % enige`,
  lead: (d, p, o) => `${p} % ${d === 'agree' ? 'enige' : 'uenige'} (de andre ${o} %)`,
  none: 'Ingen.',
};
const nb: OpinionReportStrings = {
  heading: 'Meningsrunder',
  untitled: 'Meningsrunde',
  method:
    'Hver deltaker markerte hvert utsagn som enig, uenig eller vet ikke. Meningsgrupper er personer som markerte likt (hovedkomponenter og k-means, som i Pol.is); grupper under tre personer beskrives ikke. Ingens markeringer vises.',
  took: (p, g) => `${people(p, 'person', 'personer')} deltok; ${g} tok stilling til nok utsagn til å bli plassert i en gruppe.`,
  group: (l, n) => `Gruppe ${l}: ${people(n, 'person', 'personer')}`,
  small: (n) => `Små grupper, beskrives ikke: ${people(n, 'person', 'personer')}`,
  consensus: 'Rommet er enig',
  divisive: 'Rommet er delt',
  setsApart: (l) => `Det som skiller ut gruppe ${l}`,
  agreeEverywhere: (p) => `minst ${p} % enige i hver gruppe`,
  everyoneAgrees: 'alle er enige',
  groupAgrees: (l, p) => `${l}: ${p} % enige`,
  lead: (d, p, o) => `${p} % ${d === 'agree' ? 'enige' : 'uenige'} (de andre ${o} %)`,
  none: 'Ingen.',
};
const nn: OpinionReportStrings = {
  heading: 'Meiningsrunder',
  untitled: 'Meiningsrunde',
  method:
    'Kvar deltakar markerte kvar utsegn som einig, ueinig eller veit ikkje. Meiningsgrupper er personar som markerte likt (hovudkomponentar og k-means, som i Pol.is); grupper under tre personar blir ikkje skildra. Ingen sine markeringar blir viste.',
  took: (p, g) => `${people(p, 'person', 'personar')} deltok; ${g} tok stilling til nok utsegner til å bli plasserte i ei gruppe.`,
  group: (l, n) => `Gruppe ${l}: ${people(n, 'person', 'personar')}`,
  small: (n) => `Små grupper, blir ikkje skildra: ${people(n, 'person', 'personar')}`,
  consensus: 'Rommet er einig',
  divisive: 'Rommet er delt',
  setsApart: (l) => `Det som skil ut gruppe ${l}`,
  agreeEverywhere: (p) => `minst ${p} % einige i kvar gruppe`,
  everyoneAgrees: 'alle er einige',
  groupAgrees: (l, p) => `${l}: ${p} % einige`,
  lead: (d, p, o) => `${p} % ${d === 'agree' ? 'einige' : 'ueinige'} (dei andre ${o} %)`,
  none: 'Ingen.',
};

export const OPINION_STRINGS: Record<Language, OpinionReportStrings> = { da, nb, nn, en };
