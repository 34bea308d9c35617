import { z } from 'zod';
import { boxFields } from './common.js';

/** The innovation lab's phases, in order (Billund's "mobilisering → konsolidering → gevinstrealisering"). */
export const PROJECT_PHASES = ['mobilise', 'consolidate', 'realise'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

/** What a pilot project is expected to bring; each is marked or not. */
export const PROJECT_EFFECTS = ['results', 'productivity', 'satisfaction', 'democracy'] as const;
export type ProjectEffect = (typeof PROJECT_EFFECTS)[number];

/** The method cycle (KS "behov – løsning – test"): need insight → hypotheses and solutions → test → learn, around again. */
export const CYCLE_TURNS = ['need', 'hypothesis', 'test', 'learn'] as const;
export type CycleTurn = (typeof CYCLE_TURNS)[number];

/**
 * The four administrative areas of the sources (Technical & Environment, Children & Culture, Social &
 * Health, Staff). Stored as these keys so that a Danish board reads right to an English reader; an
 * area a board adds itself is stored as the words people typed.
 */
export const DEFAULT_PROJECT_AREAS = ['technical-environment', 'children-culture', 'social-health', 'staff'] as const;

export const MAX_LEARNINGS = 60;

/** One turn's learning: when it was written, in which turn of the cycle, and what was learnt. */
export const projectLearningSchema = z.object({
  at: z.number().int().min(0).max(8.64e15),
  turn: z.enum(CYCLE_TURNS),
  text: z.string().max(500),
});
export type ProjectLearning = z.infer<typeof projectLearningSchema>;

/**
 * A pilot project's card. Every field is a plain string, not a Y.Text: the card is filled in a form by
 * its group and written field by field when a field is left, so two people editing the same card keep
 * both changes (a Y.Map per element) unless they type in the same field at the same moment, which on
 * one project's card is rare. The board's content gate allows one Y.Text per element (`text`), and
 * nine collaborative texts per card would cost a Y.Text each for twenty to a hundred cards.
 *
 * Phase moves are not kept here but in the server-owned `projectLog` root (`projectLog.ts`), written
 * only by the server with the mover's display name.
 */
export const projectCardSchema = z.object({
  ...boxFields,
  type: z.literal('project'),
  title: z.string().max(200),
  /** The need, seen from the citizen's side. */
  need: z.string().max(1000),
  /** Whose need it is. */
  needOwner: z.string().max(300),
  /** Citizens and actors taking part. */
  participants: z.string().max(1000),
  /** What we try (the hypothesis). */
  hypothesis: z.string().max(1000),
  effects: z.array(z.enum(PROJECT_EFFECTS)).max(PROJECT_EFFECTS.length),
  /** How we will know (effect measures). */
  measures: z.string().max(1000),
  owner: z.string().max(100),
  /** A key of DEFAULT_PROJECT_AREAS or an area's own name; '' = not chosen yet. */
  area: z.string().max(80),
  phase: z.enum(PROJECT_PHASES),
  /** Where the project is in the method cycle now. */
  cycle: z.enum(CYCLE_TURNS),
  /** Which time around the cycle (1 = the first). */
  round: z.number().int().min(1).max(999),
  learnings: z.array(projectLearningSchema).max(MAX_LEARNINGS),
  /** When the card was made (ms since 1970): a card never moved has stood in its phase since then. */
  createdAt: z.number().int().min(0).max(8.64e15),
});
export type ProjectCard = z.infer<typeof projectCardSchema>;

export const PROJECT_CARD_SIZE = { width: 320, height: 200 } as const;
export const projectCardDefaults = {
  ...PROJECT_CARD_SIZE,
  title: '',
  need: '',
  needOwner: '',
  participants: '',
  hypothesis: '',
  effects: [],
  measures: '',
  owner: '',
  area: '',
  phase: 'mobilise',
  cycle: 'need',
  round: 1,
  learnings: [],
} as const;
