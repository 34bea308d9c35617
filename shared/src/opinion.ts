import { z } from 'zod';
import type * as Y from 'yjs';

/**
 * The opinion round (after Pol.is): statements that each participant marks agree / disagree / pass.
 * Marks stay on the server until the reveal; then the server writes only the anonymous map into the
 * board's `opinions` root (one dot per participant, never a name or a member id, never a mark).
 */
export const OPINION_MARKS = ['agree', 'disagree', 'pass'] as const;
export type OpinionMark = (typeof OPINION_MARKS)[number];

/** At most this many statements in one round (a phone shows one card at a time). */
export const OPINION_MAX_STATEMENTS = 200;
export const OPINION_STATEMENT_MAX_CHARS = 300;

/** What a participant typed as a new statement: trimmed, one to 300 characters, no control characters. */
export const opinionStatementTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(OPINION_STATEMENT_MAX_CHARS)
  .regex(/^[^\p{Cc}]+$/u);

const statementRef = z.object({ id: z.string().max(40), text: z.string().max(OPINION_STATEMENT_MAX_CHARS * 4) });

/** One opinion group as the map shows it. `described` is false for groups smaller than 3 (anonymity). */
export const opinionGroupSchema = z.object({
  /** 0, 1, 2 … by size, largest first; the board names them A, B, C … */
  index: z.number().int().min(0),
  size: z.number().int().min(0),
  described: z.boolean(),
  /** What sets the group apart (Pol.is's "repness"): its share against everyone else's, per statement. */
  representative: z.array(
    statementRef.extend({ direction: z.enum(['agree', 'disagree']), share: z.number(), othersShare: z.number() }),
  ),
});
export type OpinionGroup = z.infer<typeof opinionGroupSchema>;

export const opinionResultSchema = z.object({
  id: z.string().max(40),
  title: z.string().max(200),
  revealedAt: z.number(),
  /** People who marked at least one statement. */
  participants: z.number().int().min(0),
  /** Of them, those with enough marks to be placed on the map and grouped. */
  grouped: z.number().int().min(0),
  /** One dot per grouped participant, in no particular order (sorted by position, so no order leaks). */
  points: z.array(z.object({ x: z.number(), y: z.number(), group: z.number().int().min(0) })),
  groups: z.array(opinionGroupSchema),
  /** Agreed in every described group; `share` is the lowest group's agree share. */
  consensus: z.array(statementRef.extend({ share: z.number() })),
  /** The described groups disagree: `shares` is each described group's agree share. */
  divisive: z.array(statementRef.extend({ spread: z.number(), shares: z.array(z.object({ group: z.number().int().min(0), share: z.number() })) })),
  /** Every statement with its overall counts. */
  statements: z.array(statementRef.extend({ agree: z.number().int(), disagree: z.number().int(), pass: z.number().int() })),
});
export type OpinionResult = z.infer<typeof opinionResultSchema>;

const OPINIONS = 'opinions';

/** Written by the server at the reveal; the update gate refuses every client write to this root. */
export function writeOpinionResult(doc: Y.Doc, result: OpinionResult): void {
  doc.getMap(OPINIONS).set(result.id, result);
}

/** Every revealed opinion round on the board, oldest first. */
export function getOpinionResults(doc: Y.Doc): OpinionResult[] {
  const out: OpinionResult[] = [];
  doc.getMap(OPINIONS).forEach((value) => {
    const parsed = opinionResultSchema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  });
  return out.sort((a, b) => a.revealedAt - b.revealedAt);
}

export function observeOpinionResults(doc: Y.Doc, listener: () => void): () => void {
  const map = doc.getMap(OPINIONS);
  map.observe(listener);
  return () => map.unobserve(listener);
}

/** The round as one recipient sees it on the control channel. */
export interface OpinionView {
  id: string;
  title: string;
  status: 'open' | 'revealed';
  /** The frame the statements came from, if any (for the board to show the map beside it). */
  frameId: string | null;
  statements: Array<{ id: string; text: string }>;
  /** The recipient's own marks, by statement id (nobody else's, ever). */
  myMarks: Record<string, OpinionMark>;
  /** How far the room is, without content: people with at least one mark, people done, marks in all. */
  progress: { marking: number; done: number; marks: number };
  /** The recipient's own suggested statements waiting for the facilitator. */
  mySuggestions: Array<{ id: string; text: string }>;
  /** Facilitators only: every suggestion waiting to be accepted (without who wrote it). */
  suggestions: Array<{ id: string; text: string }> | null;
  /** Only after the reveal. */
  result: OpinionResult | null;
}
