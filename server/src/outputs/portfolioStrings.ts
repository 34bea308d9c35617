import type { CycleTurn, Language, ProjectEffect, ProjectPhase } from '@sammen/shared';

/** The words of the innovation lab's portfolio in the report and its spreadsheet export. */
export interface PortfolioReportStrings {
  heading: string;
  intro: (cards: number) => string;
  byPhase: string;
  movesSince: (date: string) => string;
  allMoves: string;
  noMoves: string;
  noArea: string;
  untitled: string;
  phases: Record<ProjectPhase, string>;
  effects: Record<ProjectEffect, string>;
  cycle: Record<CycleTurn, string>;
  areas: Record<'technical-environment' | 'children-culture' | 'social-health' | 'staff', string>;
  moved: (title: string, from: string, to: string, date: string, by: string) => string;
  cardLine: (title: string, area: string, owner: string) => string;
  /** Spreadsheet columns and sheet names. */
  columns: {
    id: string; title: string; need: string; needOwner: string; participants: string; hypothesis: string; effects: string; measures: string;
    owner: string; area: string; phase: string; cycle: string; round: string; created: string; lastMove: string;
    kind: string; date: string; by: string; from: string; to: string; text: string;
  };
  sheets: { cards: string; history: string };
  kindMove: string;
  kindLearning: string;
}

export const PORTFOLIO_STRINGS: Record<Language, PortfolioReportStrings> = {
  en: {
    heading: 'Portfolio of pilot projects',
    intro: (n) => `${n === 1 ? '1 project card' : `${n} project cards`} on the board, by phase and administrative area.`,
    byPhase: 'Cards by phase and area',
    movesSince: (d) => `Moves since the last meeting (${d})`,
    allMoves: 'Moves',
    noMoves: 'No card has moved phase.',
    noArea: 'No area',
    untitled: 'Untitled project',
    phases: { mobilise: 'Mobilise', consolidate: 'Consolidate', realise: 'Realise benefits' },
    effects: { results: 'Better results', productivity: 'Productivity', satisfaction: 'Citizen satisfaction', democracy: 'Democratic participation' },
    cycle: { need: 'Need insight', hypothesis: 'Hypotheses and solutions', test: 'Test', learn: 'Learn' },
    areas: { 'technical-environment': 'Technical & Environment', 'children-culture': 'Children & Culture', 'social-health': 'Social & Health', staff: 'Staff' },
    moved: (t, f, to, d, by) => `${t}: ${f} → ${to}, ${d}, ${by}`,
    cardLine: (t, a, o) => `${t} (${a}${o ? `; owner: ${o}` : ''})`,
    columns: {
      id: 'Card', title: 'Title', need: 'The need', needOwner: 'Whose need', participants: 'Citizens and actors taking part', hypothesis: 'What we try',
      effects: 'Expected effects', measures: 'Effect measures', owner: 'Owner', area: 'Administrative area', phase: 'Phase', cycle: 'Method cycle',
      round: 'Round', created: 'Made', lastMove: 'Last move', kind: 'Kind', date: 'Date', by: 'By', from: 'From', to: 'To', text: 'Learning',
    },
    sheets: { cards: 'Project cards', history: 'History' },
    kindMove: 'Phase move',
    kindLearning: 'Learning',
  },
  da: {
    heading: 'Portefølje af forsøgsprojekter',
    intro: (n) => `${n === 1 ? '1 projektkort' : `${n} projektkort`} på tavlen efter fase og forvaltningsområde.`,
    byPhase: 'Kort efter fase og område',
    movesSince: (d) => `Flytninger siden sidste møde (${d})`,
    allMoves: 'Flytninger',
    noMoves: 'Intet kort har skiftet fase.',
    noArea: 'Intet område',
    untitled: 'Projekt uden titel',
    phases: { mobilise: 'Mobilisering', consolidate: 'Konsolidering', realise: 'Gevinstrealisering' },
    effects: { results: 'Bedre resultater', productivity: 'Produktivitet', satisfaction: 'Borgertilfredshed', democracy: 'Demokratisk deltagelse' },
    cycle: { need: 'Behovsindsigt', hypothesis: 'Hypoteser og løsninger', test: 'Afprøvning', learn: 'Læring' },
    areas: { 'technical-environment': 'Teknik og Miljø', 'children-culture': 'Børn og Kultur', 'social-health': 'Social og Sundhed', staff: 'Staben' },
    moved: (t, f, to, d, by) => `${t}: ${f} → ${to}, ${d}, ${by}`,
    cardLine: (t, a, o) => `${t} (${a}${o ? `; ejer: ${o}` : ''})`,
    columns: {
      id: 'Kort', title: 'Titel', need: 'Behovet', needOwner: 'Hvis behov', participants: 'Borgere og aktører, der deltager', hypothesis: 'Hvad vi afprøver',
      effects: 'Forventede effekter', measures: 'Effektmål', owner: 'Projektejer', area: 'Forvaltningsområde', phase: 'Fase', cycle: 'Metodens cirkel',
      round: 'Runde', created: 'Oprettet', lastMove: 'Seneste flytning', kind: 'Art', date: 'Dato', by: 'Af', from: 'Fra', to: 'Til', text: 'Læring',
    },
    sheets: { cards: 'Projektkort', history: 'Historik' },
    kindMove: 'Faseskift',
    kindLearning: 'Læring',
  },
  nb: {
    heading: 'Portefølje av forsøksprosjekter',
    intro: (n) => `${n === 1 ? '1 prosjektkort' : `${n} prosjektkort`} på tavla etter fase og kommunalområde.`,
    byPhase: 'Kort etter fase og område',
    movesSince: (d) => `Flyttinger siden forrige møte (${d})`,
    allMoves: 'Flyttinger',
    noMoves: 'Ingen kort har byttet fase.',
    noArea: 'Intet område',
    untitled: 'Prosjekt uten tittel',
    phases: { mobilise: 'Mobilisering', consolidate: 'Konsolidering', realise: 'Gevinstrealisering' },
    effects: { results: 'Bedre resultater', productivity: 'Produktivitet', satisfaction: 'Innbyggertilfredshet', democracy: 'Demokratisk deltakelse' },
    cycle: { need: 'Behovsinnsikt', hypothesis: 'Hypoteser og løsninger', test: 'Utprøving', learn: 'Læring' },
    areas: { 'technical-environment': 'Teknikk og miljø', 'children-culture': 'Barn og kultur', 'social-health': 'Helse og sosial', staff: 'Stab' },
    moved: (t, f, to, d, by) => `${t}: ${f} → ${to}, ${d}, ${by}`,
    cardLine: (t, a, o) => `${t} (${a}${o ? `; eier: ${o}` : ''})`,
    columns: {
      id: 'Kort', title: 'Tittel', need: 'Behovet', needOwner: 'Hvem sitt behov', participants: 'Innbyggere og aktører som deltar', hypothesis: 'Hva vi prøver ut',
      effects: 'Forventede effekter', measures: 'Effektmål', owner: 'Prosjekteier', area: 'Kommunalområde', phase: 'Fase', cycle: 'Metodesirkelen',
      round: 'Runde', created: 'Opprettet', lastMove: 'Siste flytting', kind: 'Type', date: 'Dato', by: 'Av', from: 'Fra', to: 'Til', text: 'Læring',
    },
    sheets: { cards: 'Prosjektkort', history: 'Historikk' },
    kindMove: 'Faseskifte',
    kindLearning: 'Læring',
  },
  nn: {
    heading: 'Portefølje av forsøksprosjekt',
    intro: (n) => `${n === 1 ? '1 prosjektkort' : `${n} prosjektkort`} på tavla etter fase og kommunalområde.`,
    byPhase: 'Kort etter fase og område',
    movesSince: (d) => `Flyttingar sidan førre møte (${d})`,
    allMoves: 'Flyttingar',
    noMoves: 'Ingen kort har bytt fase.',
    noArea: 'Inkje område',
    untitled: 'Prosjekt utan tittel',
    phases: { mobilise: 'Mobilisering', consolidate: 'Konsolidering', realise: 'Gevinstrealisering' },
    effects: { results: 'Betre resultat', productivity: 'Produktivitet', satisfaction: 'Innbyggjartilfredsheit', democracy: 'Demokratisk deltaking' },
    cycle: { need: 'Behovsinnsikt', hypothesis: 'Hypotesar og løysingar', test: 'Utprøving', learn: 'Læring' },
    areas: { 'technical-environment': 'Teknikk og miljø', 'children-culture': 'Born og kultur', 'social-health': 'Helse og sosial', staff: 'Stab' },
    moved: (t, f, to, d, by) => `${t}: ${f} → ${to}, ${d}, ${by}`,
    cardLine: (t, a, o) => `${t} (${a}${o ? `; eigar: ${o}` : ''})`,
    columns: {
      id: 'Kort', title: 'Tittel', need: 'Behovet', needOwner: 'Kven sitt behov', participants: 'Innbyggjarar og aktørar som deltek', hypothesis: 'Kva vi prøver ut',
      effects: 'Forventa effektar', measures: 'Effektmål', owner: 'Prosjekteigar', area: 'Kommunalområde', phase: 'Fase', cycle: 'Metodesirkelen',
      round: 'Runde', created: 'Oppretta', lastMove: 'Siste flytting', kind: 'Type', date: 'Dato', by: 'Av', from: 'Frå', to: 'Til', text: 'Læring',
    },
    sheets: { cards: 'Prosjektkort', history: 'Historikk' },
    kindMove: 'Faseskifte',
    kindLearning: 'Læring',
  },
};
