import { type Command, type CommandError, type OpinionMark, type OpinionResult, type OpinionView, randomId } from '@sammen/shared';
import { computeOpinionMap } from './opinionMap.js';

/**
 * An opinion round as the server keeps it. Marks are secret like ballots: they never leave the
 * server (each person is sent their own), and the reveal publishes only the anonymous map.
 */
export interface OpinionRecord {
  id: string;
  title: string;
  status: 'open' | 'revealed';
  /** The frame the statements were taken from, if any. */
  frameId: string | null;
  /** Text snapshotted at the start (a note edited later does not change what people marked). */
  statements: Array<{ id: string; text: string; elementId: string | null }>;
  /** Statements participants suggested, waiting for a facilitator. */
  suggestions: Array<{ id: string; memberId: string; text: string; at: number }>;
  /** memberId → statementId → mark. */
  marks: Record<string, Record<string, OpinionMark>>;
  startedAt: number;
  revealedAt: number | null;
  stepId: string | null;
  /** The anonymous map, computed at the reveal. */
  result: OpinionResult | null;
}

/** The part of the workshop state an opinion command changes. */
export interface OpinionState {
  opinion: OpinionRecord | null;
  pastOpinions: OpinionRecord[];
}

type OpinionCommand = Extract<Command, { type: `opinion.${string}` }>;
export type OpinionOutcome =
  | { ok: true; state: OpinionState; revealed: OpinionRecord | null }
  | { ok: false; error: CommandError; message: string };

/** Pending suggestions one person may have at a time, and in all (a flood stays small). */
export const SUGGESTIONS_PER_PERSON = 5;
export const SUGGESTIONS_IN_ALL = 100;

const fail = (error: CommandError, message: string): OpinionOutcome => ({ ok: false, error, message });

/**
 * The round's rules, pure. `elementTexts` holds the board text of the elements `opinion.start` names
 * (the service reads them from the board); `stepId` the agenda step current now.
 */
export function applyOpinionCommand(
  state: OpinionState,
  memberId: string | null,
  command: OpinionCommand,
  now: number,
  context: { elementTexts?: ReadonlyMap<string, string>; stepId: string | null },
): OpinionOutcome {
  const s: OpinionState = structuredClone({ opinion: state.opinion, pastOpinions: state.pastOpinions });
  const ok = (revealed: OpinionRecord | null = null): OpinionOutcome => ({ ok: true, state: s, revealed });
  const round = s.opinion;
  switch (command.type) {
    case 'opinion.start': {
      if (round?.status === 'open') return fail('opinion_open', 'An opinion round is already open');
      const texts = context.elementTexts ?? new Map<string, string>();
      const statements = [...new Set(command.elementIds)]
        .map((elementId) => ({ elementId, text: (texts.get(elementId) ?? '').trim() }))
        .filter((x) => x.text.length > 0)
        .map((x) => ({ id: randomId(10), text: x.text, elementId: x.elementId }));
      if (statements.length === 0) return fail('no_statements', 'None of these has any text to mark');
      if (round) s.pastOpinions.push(round);
      s.opinion = {
        id: randomId(10), title: command.title ?? '', status: 'open', frameId: command.frameId ?? null, statements,
        suggestions: [], marks: {}, startedAt: now, revealedAt: null, stepId: context.stepId, result: null,
      };
      return ok();
    }
    case 'opinion.end':
      if (!round) return fail('no_opinion_round', 'No opinion round is running');
      // A revealed round is kept for the report; an unrevealed one ends with its marks unread.
      if (round.status === 'revealed') s.pastOpinions.push(round);
      s.opinion = null;
      return ok();
    default:
      break;
  }
  if (!round) return fail('no_opinion_round', 'No opinion round is running');
  if (round.status !== 'open') return fail('opinion_closed', 'The opinion round is revealed');
  switch (command.type) {
    case 'opinion.mark': {
      if (!memberId) return fail('forbidden', 'Only members can mark');
      if (!round.statements.some((st) => st.id === command.statementId)) return fail('not_in_round', 'That statement is not in the round');
      round.marks[memberId] = { ...round.marks[memberId], [command.statementId]: command.mark };
      return ok();
    }
    case 'opinion.suggest': {
      if (!memberId) return fail('forbidden', 'Only members can suggest');
      const mine = round.suggestions.filter((x) => x.memberId === memberId).length;
      if (mine >= SUGGESTIONS_PER_PERSON || round.suggestions.length >= SUGGESTIONS_IN_ALL) {
        return fail('too_many_suggestions', 'Wait until the facilitator has looked at your suggestions');
      }
      round.suggestions.push({ id: randomId(10), memberId, text: command.text, at: now });
      return ok();
    }
    case 'opinion.accept':
    case 'opinion.reject': {
      const suggestion = round.suggestions.find((x) => x.id === command.suggestionId);
      if (!suggestion) return fail('no_such_suggestion', 'No such suggestion');
      round.suggestions = round.suggestions.filter((x) => x !== suggestion);
      if (command.type === 'opinion.accept') {
        if (round.statements.length >= 200) return fail('invalid', 'The round has as many statements as it can hold');
        round.statements.push({ id: suggestion.id, text: suggestion.text, elementId: null });
      }
      return ok();
    }
    case 'opinion.reveal': {
      round.status = 'revealed';
      round.revealedAt = now;
      round.suggestions = [];
      round.result = computeOpinionMap({ statements: round.statements, marks: round.marks }, { id: round.id, title: round.title, revealedAt: now });
      return ok(round);
    }
  }
}

/** What one recipient may know of the round: their own marks and suggestions, counts, the result after the reveal. */
export function opinionViewFor(round: OpinionRecord | null, memberId: string | null, facilitator: boolean): OpinionView | null {
  if (!round) return null;
  const total = round.statements.length;
  const counts = Object.values(round.marks).map((m) => Object.keys(m).length).filter((n) => n > 0);
  return {
    id: round.id,
    title: round.title,
    status: round.status,
    frameId: round.frameId,
    statements: round.statements.map((st) => ({ id: st.id, text: st.text })),
    myMarks: memberId ? { ...round.marks[memberId] } : {},
    progress: { marking: counts.length, done: counts.filter((n) => n >= total).length, marks: counts.reduce((a, b) => a + b, 0) },
    mySuggestions: memberId ? round.suggestions.filter((x) => x.memberId === memberId).map((x) => ({ id: x.id, text: x.text })) : [],
    suggestions: facilitator ? round.suggestions.map((x) => ({ id: x.id, text: x.text })) : null,
    result: round.status === 'revealed' ? round.result : null,
  };
}

export const isOpinionCommand = (command: Command): command is OpinionCommand => command.type.startsWith('opinion.');
