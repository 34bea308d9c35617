import { z } from 'zod';
import { coordSchema, elementIdSchema } from './schema/common.js';
import { PROJECT_PHASES } from './schema/ProjectCard.js';
import { type AgendaStepView, type Language, type Role, agendaSchema, ROLES } from './workshop.js';
import { ROLE_KINDS, ROLE_SCALE_IDS, type RoleRoundView, type RoleScaleId } from './roleMarkers.js';
import { OPINION_MARKS, OPINION_MAX_STATEMENTS, type OpinionView, opinionStatementTextSchema } from './opinion.js';

/**
 * The workshop control channel (socket.io, one room per workshop): what the server decides. A client
 * sends `command` events with an ack; the server answers the ack and pushes `state` (a view of the
 * workshop for that recipient) whenever something changes. Every command is validated here.
 */
export const PROTOCOL_VERSION = 1;

const viewportSchema = z.object({
  x: coordSchema,
  y: coordSchema,
  width: z.number().finite().positive().max(10_000_000),
  height: z.number().finite().positive().max(10_000_000),
});
export type Viewport = z.infer<typeof viewportSchema>;

export const REACTIONS = ['👍', '❤️', '😂', '😮', '👏', '🤔'] as const;

export const commandSchema = z.discriminatedUnion('type', [
  // agenda (facilitators)
  z.object({ type: z.literal('agenda.set'), steps: agendaSchema }),
  z.object({ type: z.literal('agenda.goto'), index: z.number().int().min(0).max(49) }),
  z.object({ type: z.literal('agenda.next') }),
  z.object({ type: z.literal('agenda.prev') }),
  // timer (facilitators)
  z.object({ type: z.literal('timer.start'), seconds: z.number().int().min(1).max(8 * 3600) }),
  z.object({ type: z.literal('timer.pause') }),
  z.object({ type: z.literal('timer.resume') }),
  z.object({ type: z.literal('timer.addMinute') }),
  z.object({ type: z.literal('timer.reset') }),
  // follow me (facilitators)
  z.object({ type: z.literal('follow.start'), viewport: viewportSchema }),
  z.object({ type: z.literal('follow.viewport'), viewport: viewportSchema }),
  z.object({ type: z.literal('follow.stop') }),
  z.object({ type: z.literal('follow.bringHere'), viewport: viewportSchema }),
  // locks (facilitators)
  z.object({ type: z.literal('lock.board'), locked: z.boolean() }),
  z.object({ type: z.literal('lock.frame'), frameId: elementIdSchema, locked: z.boolean(), contents: z.boolean() }),
  // private brainstorming (facilitators)
  z.object({ type: z.literal('private.start'), reveal: z.enum(['anonymous', 'named']) }),
  z.object({ type: z.literal('private.reveal') }),
  /** Ends private mode without revealing: the notes stay private until a later reveal. */
  z.object({ type: z.literal('private.stop') }),
  // dot voting
  z.object({
    type: z.literal('vote.start'),
    elementIds: z.array(elementIdSchema).min(1).max(2000),
    dotsPerPerson: z.number().int().min(1).max(50),
    allowMultiplePerElement: z.boolean(),
    title: z.string().max(200).optional(),
  }),
  z.object({ type: z.literal('vote.place'), elementId: elementIdSchema }),
  z.object({ type: z.literal('vote.remove'), elementId: elementIdSchema }),
  z.object({ type: z.literal('vote.close') }),
  z.object({ type: z.literal('vote.reveal') }),
  // opinion round (start, accept, reject, reveal, end: facilitators; mark and suggest: everyone with a seat)
  z.object({
    type: z.literal('opinion.start'),
    elementIds: z.array(elementIdSchema).min(1).max(OPINION_MAX_STATEMENTS),
    title: z.string().max(200).optional(),
    frameId: elementIdSchema.nullable().optional(),
  }),
  z.object({ type: z.literal('opinion.mark'), statementId: z.string().max(40), mark: z.enum(OPINION_MARKS) }),
  z.object({ type: z.literal('opinion.suggest'), text: opinionStatementTextSchema }),
  z.object({ type: z.literal('opinion.accept'), suggestionId: z.string().max(40) }),
  z.object({ type: z.literal('opinion.reject'), suggestionId: z.string().max(40) }),
  z.object({ type: z.literal('opinion.reveal') }),
  z.object({ type: z.literal('opinion.end') }),
  // the politician's role self-assessment (start, reveal, end: facilitators; place and move: everyone with a seat)
  z.object({ type: z.literal('role.start') }),
  z.object({
    type: z.literal('role.place'),
    scale: z.enum(ROLE_SCALE_IDS as [RoleScaleId, ...RoleScaleId[]]),
    row: z.string().max(40),
    kind: z.enum(ROLE_KINDS),
    column: z.number().int().min(0).max(2),
  }),
  z.object({ type: z.literal('role.move'), markerId: z.string().max(40), column: z.number().int().min(0).max(2) }),
  z.object({ type: z.literal('role.reveal') }),
  z.object({ type: z.literal('role.end') }),
  // hands and reactions
  z.object({ type: z.literal('hand.raise') }),
  z.object({ type: z.literal('hand.lower'), memberId: z.string().max(40).optional() }),
  z.object({ type: z.literal('react'), emoji: z.enum(REACTIONS) }),
  // innovation lab: a project card's phase move, recorded by the server with the mover's name
  z.object({ type: z.literal('project.move'), elementId: elementIdSchema, phase: z.enum(PROJECT_PHASES) }),
  // people and links (facilitator)
  z.object({ type: z.literal('member.remove'), memberId: z.string().max(40) }),
  z.object({ type: z.literal('member.setRole'), memberId: z.string().max(40), role: z.enum(['cofacilitator', 'participant']) }),
  z.object({ type: z.literal('links.renew'), link: z.enum(['participant', 'observer']) }),
]);
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];

export type CommandResult = { ok: true } | { ok: false; error: CommandError; message: string };
export const COMMAND_ERRORS = [
  'invalid',
  'forbidden',
  'no_such_step',
  'no_vote',
  'vote_closed',
  'no_dots_left',
  'one_dot_per_note',
  'not_in_vote',
  'no_such_member',
  'not_private',
  'no_opinion_round',
  /** An opinion round is already open: reveal or end it first. */
  'opinion_open',
  /** The round is revealed: marks and suggestions are closed. */
  'opinion_closed',
  'not_in_round',
  /** None of the chosen elements has any text to make a statement of. */
  'no_statements',
  'no_such_suggestion',
  'too_many_suggestions',
  /** No role self-assessment is running. */
  'no_role_round',
  'role_open',
  'role_closed',
  /** This person already has that marker on that row: move it instead. */
  'already_placed',
  /** The marker belongs to someone else. */
  'not_your_marker',
  'no_such_marker',
  /** The server could not store the change (disk full, storage unavailable): nothing changed, try again. */
  'storage_failed',
] as const;
export type CommandError = (typeof COMMAND_ERRORS)[number];

export interface TimerView {
  status: 'idle' | 'running' | 'paused';
  /** Server clock (epoch ms) when it ends, while running. */
  endsAt: number | null;
  /** What is left while paused (and the full time when idle). */
  remainingMs: number;
  durationMs: number;
}

export interface VoteView {
  id: string;
  title: string;
  status: 'open' | 'closed' | 'revealed';
  elementIds: string[];
  dotsPerPerson: number;
  allowMultiplePerElement: boolean;
  /** The recipient's own dots (one entry per dot). */
  myDots: string[];
  /** How many people have placed at least one dot (no counts per note before the reveal). */
  voters: number;
  /** Counts per element, highest first: only after the reveal. */
  results: Array<{ elementId: string; count: number }> | null;
  /** The agenda step that was current when the vote started (so the run sheet knows it is this step's vote). */
  stepId?: string | null;
}

export interface MemberView {
  id: string;
  name: string;
  role: Role;
  online: boolean;
}

/** What one recipient may know of the workshop. */
export interface WorkshopView {
  protocol: typeof PROTOCOL_VERSION;
  /** Server clock when this view was made, so clients can agree on the timer. */
  serverNow: number;
  workshop: { id: string; title: string; language: Language; boardId: string };
  me: { memberId: string | null; name: string | null; role: Role };
  /** Steps carry `facilitatorNotes` for facilitators only. */
  agenda: { steps: AgendaStepView[]; current: number };
  timer: TimerView;
  /** `leaderId`: the facilitator whose view participants follow. */
  follow: { active: boolean; leaderId: string | null; viewport: Viewport | null };
  locks: { board: boolean; frames: Array<{ frameId: string; contents: boolean }> };
  /** `revealedInStep`: private notes were revealed while the current step was current. */
  private: { active: boolean; reveal: 'anonymous' | 'named'; revealedInStep?: boolean };
  vote: VoteView | null;
  /** The opinion round, if one is open or revealed (marks: only the recipient's own). */
  opinion: OpinionView | null;
  /** The politician's role self-assessment, if one is open or revealed (markers: only the recipient's own). */
  roleRound: RoleRoundView | null;
  /** Revealed results of earlier votes in this workshop, newest last. */
  pastVotes: Array<{ id: string; title: string; results: Array<{ elementId: string; count: number }> }>;
  hands: Array<{ memberId: string; name: string }>;
  members: MemberView[];
  /** Facilitators only. */
  links: { joinCode: string; observerToken: string } | null;
}

/** Server → client events. */
export interface ServerEvents {
  state: (view: WorkshopView) => void;
  follow: (viewport: Viewport) => void;
  bringHere: (viewport: Viewport) => void;
  reaction: (reaction: { memberId: string | null; name: string; emoji: string }) => void;
  /** Private notes of this participant were revealed (for an announcement). */
  revealed: (info: { count: number }) => void;
  removed: () => void;
}

export const roleSchema = z.enum(ROLES);
