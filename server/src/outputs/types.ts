import type { ReportPortfolio } from './portfolioSection.js';
import type { ReportRoleRound } from './roleSection.js';
import type { ActionCard, AgendaStep, Element, Frame, Language } from '@sammen/shared';

/** A named version of a board: its whole Yjs state at that moment ("after the vote"). */
export interface BoardVersionRecord {
  id: string;
  boardId: string;
  name: string;
  createdAt: string;
  state: Uint8Array;
}

export interface VersionStore {
  save(version: BoardVersionRecord): Promise<void>;
  /** Oldest first. */
  list(boardId: string): Promise<BoardVersionRecord[]>;
  get(id: string): Promise<BoardVersionRecord | null>;
  deleteForBoard(boardId: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------
// The report model: one model, every format (HTML, Markdown, CSV, PDF, Word, the letter) renders it.
// Renderers print what is here and nothing else; anything empty is absent (null / [] / ''), never text.
// Change this type only by adding fields: other renderers read it.
// ---------------------------------------------------------------------------------------------------

/** One note as the report lists it. `author` only when the note was revealed "named" (signed). */
export interface ReportNote {
  id: string;
  text: string;
  votes: number;
  author: string | null;
  stepIndex: number | null;
  frameTitle: string | null;
  clusterLabel: string | null;
}
/** A cluster of notes, listed once (even when two steps work on the same frame). */
export interface ReportCluster {
  id: string;
  label: string;
  notes: ReportNote[];
  /** Dots on its notes plus dots on the cluster itself. */
  votes: number;
  /** Position when all clusters are ranked by votes (1 = most), then by notes. */
  rank: number;
  /** The step whose frame holds it, if any. */
  stepIndex: number | null;
}
export interface ReportVote {
  id: string;
  title: string;
  results: Array<{ elementId: string; text: string; count: number }>;
}
/** A revealed opinion round, anonymous: groups by letter and size, the three lists, no dots and no marks. */
export interface ReportOpinionRound {
  id: string;
  title: string;
  revealedAt: number;
  participants: number;
  grouped: number;
  /** Described groups (three people or more). */
  groups: Array<{ letter: string; size: number }>;
  /** People in groups too small to describe. */
  smallGroupsPeople: number;
  consensus: Array<{ text: string; share: number }>;
  divisive: Array<{ text: string; shares: Array<{ letter: string; share: number }> }>;
  distinct: Array<{ letter: string; statements: Array<{ text: string; direction: 'agree' | 'disagree'; share: number; othersShare: number }> }>;
}
export interface ReportAction {
  id: string;
  /** Never empty: cards without a "what" are not in the model. */
  what: string;
  who: ActionCard['who'];
  /** '' when not filled: renderers leave the field out. */
  whoDetail: string;
  firstStep: string;
  when: string;
  /** The decision trail: the cluster or note the action came from, its notes and their votes. */
  source: { kind: 'cluster' | 'note'; id: string; label: string; notes: ReportNote[]; votes: number } | null;
}
/** One time a step was the current step of the live workshop. ISO times; `end` null while it still runs. */
export interface ReportStepRun {
  start: string;
  end: string | null;
  /** Whole minutes from start to end; null while it runs. */
  minutes: number | null;
}
export interface ReportStep {
  index: number;
  step: AgendaStep;
  frame: Frame | null;
  /** Clusters first shown under this step (a cluster appears under one step only). */
  clusters: ReportCluster[];
  unclustered: ReportNote[];
  votes: ReportVote[];
  /** True only when the step ran and the board shows the outcome its participation level promised. */
  kept: boolean;
  /** When the step ran (oldest first); empty when it never ran. */
  runs: ReportStepRun[];
  /** 'yes' it ran; 'no' it never ran; 'unknown' for workshops held before runs were recorded. */
  ran: 'yes' | 'no' | 'unknown';
  /** What the board shows for the promise: 'kept', 'no-evidence' (ran, nothing shows), 'not-run'. */
  outcome: 'kept' | 'no-evidence' | 'not-run' | 'unknown';
}
/** One of the three to five things that came out on top. */
export interface ReportTopItem {
  kind: 'cluster' | 'note';
  id: string;
  text: string;
  votes: number;
  /** Notes in it (1 for a note). */
  notes: number;
}
/** A drawable item of a board picture, in board coordinates (the frame's own box is `ReportPicture`). */
export interface ReportPictureItem {
  id: string;
  kind: 'note' | 'cluster' | 'text' | 'action' | 'shape';
  x: number;
  y: number;
  width: number;
  height: number;
  /** CSS hex fill, or null for none (text, cluster outline). */
  fill: string | null;
  /** What to write in it (a note's text, a cluster's title, an action's what); may be ''. */
  text: string;
  /** Font size in board units for `text` items; 20 otherwise. */
  fontSize: number;
}
/** A picture of one frame for the appendix: geometry and the items to draw in it. */
export interface ReportPicture {
  frameId: string;
  title: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  /** Drawing order: clusters first, then everything else (board z-order). */
  items: ReportPictureItem[];
  /** Alternative text in the workshop's language: title and what is in it. */
  alt: string;
  /** The agenda step(s) working on this frame. */
  stepIndexes: number[];
}
export interface ReportFrontPage {
  title: string;
  /** ISO: the first step's first run, else when the workshop was created. */
  date: string;
  /** ISO: when the first run started and the last ended; null when no step ran. */
  held: { start: string; end: string | null } | null;
  place: string | null;
  /** The question or purpose, when the workshop has one. */
  question: string | null;
  /** Who took part, by role; roles with nobody are left out. */
  participants: Array<{ role: 'facilitator' | 'cofacilitator' | 'participant'; count: number }>;
  plannedMinutes: number;
}
export interface ReportModel {
  language: Language;
  title: string;
  createdAt: string;
  plannedMinutes: number;
  roles: { facilitator: number; cofacilitator: number; participant: number };
  steps: ReportStep[];
  votes: ReportVote[];
  /** Revealed opinion rounds, oldest first. */
  opinions: ReportOpinionRound[];
  /** Revealed self-assessments of the politician's role, oldest first; absent: none. */
  roleRounds?: ReportRoleRound[];
  actions: ReportAction[];
  parkingLot: ReportNote[];
  /** The innovation lab's project cards by phase and the moves since the last meeting; absent or null: none. */
  portfolio?: ReportPortfolio | null;
  /** Every note on the board (the CSV), in step and cluster order. */
  notes: ReportNote[];
  /** Frames with what is inside them, for the pictures. */
  frames: Array<{ frame: Frame; elements: Element[] }>;
  /** IANA time zone the times are shown in. */
  timeZone: string;
  front: ReportFrontPage;
  /** The three to five things that came out on top: by dots when there was a vote, else by notes. */
  summary: ReportTopItem[];
  /** Every cluster once, ranked (most dots, then most notes). */
  clusters: ReportCluster[];
  /** Notes in no cluster and no parking lot. */
  unclustered: ReportNote[];
  pictures: ReportPicture[];
}

/**
 * The letter to participants ("what happened to your input"): plain sentences, already in the
 * workshop's language, so every renderer (HTML, PDF) prints the same words. Built from the report model.
 */
export interface LetterModel {
  language: Language;
  /** "What happened to your input: <title>". */
  heading: string;
  /** Thanks, when and where, what the letter is for. */
  intro: string;
  /** The question asked, with its label; null when the workshop has none. */
  question: { label: string; text: string } | null;
  promises: {
    heading: string;
    /** Each step that made a promise: its title, the promise, and what was done with it. */
    steps: Array<{ title: string; level: string; promise: string; done: string; ran: boolean }>;
  };
  said: {
    heading: string;
    /** "You wrote 12 notes, which we grouped into 3 themes:" */
    intro: string;
    /** Themes, ranked, with how many notes each; empty when nothing was grouped. */
    themes: Array<{ label: string; notes: string }>;
  };
  /** What came out on top; empty list when nothing did. */
  top: { heading: string; items: Array<{ text: string; detail: string }> };
  /** Agreed actions with owners; `none` is the sentence to print when there are none. */
  next: { heading: string; actions: Array<{ text: string; firstStep: string | null; when: string | null }>; none: string };
  thanks: string;
  /** For the document's title and labels. */
  labels: { firstStep: string; when: string; documentTitle: string };
}
