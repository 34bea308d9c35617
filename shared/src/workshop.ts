import { z } from 'zod';
import { elementIdSchema } from './schema/common.js';

/** Who someone is in a workshop. The server decides; a client only shows it. */
export const ROLES = ['facilitator', 'cofacilitator', 'participant', 'observer'] as const;
export type Role = (typeof ROLES)[number];
export const isFacilitatorRole = (role: Role): boolean => role === 'facilitator' || role === 'cofacilitator';

export const LANGUAGES = ['da', 'nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The participation ladder (after Arnstein): what the participants' input will be used for. Every
 * agenda step states its level and a one-line promise, so citizens know what their input decides.
 */
export const PARTICIPATION_LEVELS = ['inform', 'consult', 'involve', 'collaborate', 'cocreate', 'decide'] as const;
export type ParticipationLevel = (typeof PARTICIPATION_LEVELS)[number];

/**
 * Join codes: 6 characters that are easy to read aloud and type on a phone. No 0/O, 1/I/L, and no
 * vowels besides A/E/U, so that no code spells a word in Danish or Norwegian by accident... mostly.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
/** Normalises what a person typed: case, spaces and dashes do not matter; O→0 would be ambiguous, so none exist. */
export const normaliseJoinCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');
export const joinCodeSchema = z
  .string()
  .transform(normaliseJoinCode)
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)));

export const agendaStepSchema = z.object({
  id: z.string().regex(/^[0-9a-zA-Z_-]{1,40}$/),
  title: z.string().trim().min(1).max(200),
  /** What participants see: short and plain, what to do now. May be empty (they then see the title). */
  participantText: z.string().max(1000),
  /** The facilitator's script for the step. Never sent to participants or observers. */
  facilitatorNotes: z.string().max(4000),
  /** Time box in minutes; 0 means none. */
  minutes: z.number().int().min(0).max(480),
  /** The frame the step is about, if any. */
  frameId: elementIdSchema.nullable(),
  level: z.enum(PARTICIPATION_LEVELS),
  /** One line: what the participants' input will be used for. */
  promise: z.string().max(300),
  /** While this step is current, participants' new notes are private until the facilitator reveals them. */
  private: z.boolean(),
  /** A dot vote this step runs on its frame's notes, if any (the facilitator starts it from the step). */
  vote: z
    .object({ dotsPerPerson: z.number().int().min(1).max(50), allowMultiplePerElement: z.boolean() })
    .nullable()
    .optional(),
});
export type AgendaStep = z.infer<typeof agendaStepSchema>;
export const agendaSchema = z.array(agendaStepSchema).max(50);
/**
 * A step as a workshop view carries it: facilitators get the whole step; participants and observers
 * get it without `facilitatorNotes` (the key is absent, not empty).
 */
export type AgendaStepView = Omit<AgendaStep, 'facilitatorNotes'> & { facilitatorNotes?: string };

/** The step as participants and observers may see it. */
export function participantStep(step: AgendaStep): AgendaStepView {
  const { facilitatorNotes: _notes, ...rest } = step;
  return rest;
}

export const displayNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  // No control characters or markup-looking names; names are shown to everyone.
  .regex(/^[^\p{C}<>]+$/u);

/** `POST /api/workshops` body. */
export const createWorkshopBodySchema = z.object({
  title: z.string().trim().min(1).max(200),
  language: z.enum(LANGUAGES),
  template: z.string().max(100).optional(),
  /** The facilitator's display name on the board. */
  facilitatorName: displayNameSchema.optional(),
  /**
   * Days after the board's last change before the workshop is deleted with everything it holds; 0 keeps
   * it until the facilitator deletes it. Absent: the server's default. The server's maximum applies.
   */
  retentionDays: z.number().int().min(0).max(36_500).optional(),
  /** Where it takes place (a hall, a town), for the report's front page. */
  place: z.string().trim().max(200).optional(),
  /** The question or purpose the workshop works on, for the report and the letter to participants. */
  question: z.string().trim().max(500).optional(),
});
export type CreateWorkshopBody = z.infer<typeof createWorkshopBodySchema>;

/** `POST /api/workshops` answer. The facilitator token is shown once; the server keeps only its hash. */
export interface CreateWorkshopResponse {
  id: string;
  boardId: string;
  facilitatorToken: string;
  joinCode: string;
  observerToken: string;
  /** Days after the last change before everything is deleted; 0: kept until the facilitator deletes it. */
  retentionDays: number;
}

/** `POST /api/join` body and answer. */
export const joinBodySchema = z.object({ code: joinCodeSchema, name: displayNameSchema });
/**
 * `POST /api/join/info` `{code}`: what a citizen is told before giving a name (GDPR art. 13): which
 * workshop, and how long what they write is kept. A POST so that the code never appears in a log line.
 */
export const joinInfoBodySchema = z.object({ code: joinCodeSchema });
export interface JoinInfoResponse {
  title: string;
  language: Language;
  /** Days after the last change before everything is deleted; 0: kept until the facilitator deletes it. */
  retentionDays: number;
}
export interface JoinResponse {
  token: string;
  workshopId: string;
  boardId: string;
  memberId: string;
  role: Role;
  /** What the participant is told on joining: days after the last change before everything is deleted; 0: until the facilitator deletes it. */
  retentionDays: number;
}

/** `GET /api/session` (Authorization: Bearer token) answer: who this token is. */
export interface SessionResponse {
  workshopId: string;
  boardId: string;
  title: string;
  language: Language;
  memberId: string | null;
  name: string | null;
  role: Role;
  /** Days after the last change before everything is deleted; 0: kept until the facilitator deletes it. */
  retentionDays: number;
}
