import { type Command, type CommandError, type ProjectPhase, type Role, type Viewport, isFacilitatorRole, randomId } from '@sammen/shared';
import { closeRunsNotCurrent, endRuns, ensureCurrentRuns, startRun } from './stepRuns.js';
import { type OpinionRecord, applyOpinionCommand } from './opinionRound.js';
import { type RoleRoundRecord, applyRoleCommand } from './roleRound.js';
import type { VoteRecord, WorkshopState } from './types.js';

/** Who runs a command. `memberId` is null for observers (they share one link). */
export interface Actor {
  memberId: string | null;
  role: Role;
  name: string;
}

/** What the service must do beyond storing the new state (I/O and ephemeral broadcasts). */
export type Effect =
  | { kind: 'follow'; viewport: Viewport }
  | { kind: 'bringHere'; viewport: Viewport }
  | { kind: 'revealPrivate'; mode: 'anonymous' | 'named' }
  /** A private round starts: notes revealed before leave the private documents (forgetRevealedNotes). */
  | { kind: 'privateStarted' }
  | { kind: 'voteRevealed'; vote: VoteRecord }
  | { kind: 'opinionRevealed'; round: OpinionRecord }
  | { kind: 'roleRevealed'; round: RoleRoundRecord }
  | { kind: 'reaction'; emoji: string }
  | { kind: 'projectMove'; elementId: string; phase: ProjectPhase };

export type CommandOutcome =
  | { ok: true; state: WorkshopState; effects: Effect[] }
  | { ok: false; error: CommandError; message: string };

/** Commands anyone with a seat (participants and up) may run; all others are for facilitators. */
const PARTICIPANT_COMMANDS = new Set<Command['type']>(['vote.place', 'vote.remove', 'hand.raise', 'hand.lower', 'react', 'project.move', 'opinion.mark', 'opinion.suggest', 'role.place', 'role.move']);
/** Commands about people and links are handled by the service, not here. */
export const SERVICE_COMMANDS = new Set<Command['type']>(['member.remove', 'member.setRole', 'links.renew']);

const fail = (error: CommandError, message: string): CommandOutcome => ({ ok: false, error, message });

export function isAllowed(role: Role, type: Command['type']): boolean {
  if (role === 'observer') return false;
  if (isFacilitatorRole(role)) return type !== 'member.setRole' || role === 'facilitator';
  return PARTICIPANT_COMMANDS.has(type);
}

/** What the service knows beyond the state: `live` while at least one participant is connected. */
export interface CommandContext {
  live: boolean;
  /** For `opinion.start`: the board text of the elements it names (the service reads the board). */
  elementTexts?: ReadonlyMap<string, string>;
}

/**
 * The workshop's rules as a pure function: the state after `command`, or why it is refused. The
 * clock is passed in so that timer arithmetic is testable. The input state is never mutated.
 */
export function applyCommand(state: WorkshopState, actor: Actor, command: Command, now: number, context: CommandContext = { live: true }): CommandOutcome {
  if (!isAllowed(actor.role, command.type)) return fail('forbidden', `A ${actor.role} cannot run ${command.type}`);
  const s: WorkshopState = structuredClone(state);
  const effects: Effect[] = [];
  const done = (): CommandOutcome => ({ ok: true, state: s, effects });

  switch (command.type) {
    case 'agenda.set':
      s.agenda = command.steps;
      s.current = Math.min(s.current, Math.max(0, s.agenda.length - 1));
      closeRunsNotCurrent(s, now);
      return done();
    case 'agenda.goto':
    case 'agenda.next':
    case 'agenda.prev': {
      const target = command.type === 'agenda.goto' ? command.index : s.current + (command.type === 'agenda.next' ? 1 : -1);
      const step = s.agenda[target];
      if (!step) return fail('no_such_step', `There is no step ${target + 1}`);
      s.current = target;
      // The step runs from now, if anyone is there to take part; the one before it ended now (for the report).
      if (context.live) startRun(s, target, now);
      else endRuns(s, now);
      // A step's time box becomes the timer, ready to start; a private step switches private mode on.
      const durationMs = step.minutes * 60_000;
      s.timer = { status: 'idle', endsAt: null, remainingMs: durationMs, durationMs };
      if (step.private && !s.private.active) effects.push({ kind: 'privateStarted' });
      if (step.private) s.private.active = true;
      return done();
    }
    case 'timer.start':
      if (context.live) ensureCurrentRuns(s, now);
      s.timer = { status: 'running', endsAt: now + command.seconds * 1000, remainingMs: command.seconds * 1000, durationMs: command.seconds * 1000 };
      return done();
    case 'timer.pause':
      if (s.timer.status === 'running' && s.timer.endsAt !== null) {
        s.timer = { ...s.timer, status: 'paused', remainingMs: Math.max(0, s.timer.endsAt - now), endsAt: null };
      }
      return done();
    case 'timer.resume':
      if (s.timer.status !== 'running' && s.timer.remainingMs > 0) {
        s.timer = { ...s.timer, status: 'running', endsAt: now + s.timer.remainingMs };
      }
      return done();
    case 'timer.addMinute':
      s.timer.durationMs += 60_000;
      if (s.timer.status === 'running' && s.timer.endsAt !== null) s.timer.endsAt = Math.max(s.timer.endsAt, now) + 60_000;
      else s.timer.remainingMs += 60_000;
      return done();
    case 'timer.reset':
      s.timer = { status: 'idle', endsAt: null, remainingMs: s.timer.durationMs, durationMs: s.timer.durationMs };
      return done();
    case 'follow.start':
      s.follow = { active: true, leaderId: actor.memberId, viewport: command.viewport };
      effects.push({ kind: 'follow', viewport: command.viewport });
      return done();
    case 'follow.viewport':
      if (!s.follow.active) return done();
      s.follow.viewport = command.viewport;
      effects.push({ kind: 'follow', viewport: command.viewport });
      return done();
    case 'follow.stop':
      s.follow = { active: false, leaderId: null, viewport: null };
      return done();
    case 'follow.bringHere':
      effects.push({ kind: 'bringHere', viewport: command.viewport });
      return done();
    case 'lock.board':
      s.locks.board = command.locked;
      return done();
    case 'lock.frame':
      s.locks.frames = s.locks.frames.filter((f) => f.frameId !== command.frameId);
      if (command.locked) s.locks.frames.push({ frameId: command.frameId, contents: command.contents });
      return done();
    case 'private.start':
      if (!s.private.active) effects.push({ kind: 'privateStarted' });
      s.private = { active: true, reveal: command.reveal };
      return done();
    case 'private.stop':
      s.private.active = false;
      s.private.endedBy = 'stop';
      return done();
    case 'private.reveal':
      if (!s.private.active) return fail('not_private', 'Private mode is not on');
      effects.push({ kind: 'revealPrivate', mode: s.private.reveal });
      return done();
    case 'vote.start': {
      if (context.live) ensureCurrentRuns(s, now);
      if (s.vote?.status === 'revealed') s.pastVotes.push(s.vote);
      s.vote = {
        id: randomId(10),
        title: command.title ?? '',
        status: 'open',
        elementIds: [...new Set(command.elementIds)],
        dotsPerPerson: command.dotsPerPerson,
        allowMultiplePerElement: command.allowMultiplePerElement,
        ballots: {},
        results: null,
        startedAt: now,
        revealedAt: null,
        stepId: s.agenda[s.current]?.id ?? null,
      };
      return done();
    }
    case 'vote.place': {
      const vote = s.vote;
      if (!vote) return fail('no_vote', 'No vote is running');
      if (vote.status !== 'open') return fail('vote_closed', 'The vote is closed');
      if (!actor.memberId) return fail('forbidden', 'Only members can vote');
      if (!vote.elementIds.includes(command.elementId)) return fail('not_in_vote', 'That element is not part of the vote');
      const dots = vote.ballots[actor.memberId] ?? [];
      if (dots.length >= vote.dotsPerPerson) return fail('no_dots_left', 'You have used all your dots');
      if (!vote.allowMultiplePerElement && dots.includes(command.elementId)) return fail('one_dot_per_note', 'One dot per note');
      vote.ballots[actor.memberId] = [...dots, command.elementId];
      return done();
    }
    case 'vote.remove': {
      const vote = s.vote;
      if (!vote) return fail('no_vote', 'No vote is running');
      if (vote.status !== 'open') return fail('vote_closed', 'The vote is closed');
      if (!actor.memberId) return fail('forbidden', 'Only members can vote');
      const dots = vote.ballots[actor.memberId] ?? [];
      const at = dots.indexOf(command.elementId);
      if (at >= 0) vote.ballots[actor.memberId] = dots.filter((_, i) => i !== at);
      return done();
    }
    case 'vote.close':
      if (!s.vote) return fail('no_vote', 'No vote is running');
      if (s.vote.status === 'open') s.vote.status = 'closed';
      return done();
    case 'vote.reveal': {
      const vote = s.vote;
      if (!vote) return fail('no_vote', 'No vote is running');
      vote.status = 'revealed';
      vote.results = tally(vote);
      vote.revealedAt = now;
      effects.push({ kind: 'voteRevealed', vote });
      return done();
    }
    case 'hand.raise':
      if (actor.memberId && !s.hands.some((h) => h.memberId === actor.memberId)) s.hands.push({ memberId: actor.memberId, at: now });
      return done();
    case 'hand.lower': {
      const target = command.memberId ?? actor.memberId;
      if (target !== actor.memberId && !isFacilitatorRole(actor.role)) return fail('forbidden', "Only facilitators lower others' hands");
      s.hands = s.hands.filter((h) => h.memberId !== target);
      return done();
    }
    case 'react':
      effects.push({ kind: 'reaction', emoji: command.emoji });
      return done();
    case 'opinion.start':
    case 'opinion.mark':
    case 'opinion.suggest':
    case 'opinion.accept':
    case 'opinion.reject':
    case 'opinion.reveal':
    case 'opinion.end': {
      if (command.type === 'opinion.start' && context.live) ensureCurrentRuns(s, now);
      const outcome = applyOpinionCommand(s, actor.memberId, command, now, { elementTexts: context.elementTexts, stepId: s.agenda[s.current]?.id ?? null });
      if (!outcome.ok) return outcome;
      s.opinion = outcome.state.opinion;
      s.pastOpinions = outcome.state.pastOpinions;
      if (outcome.revealed) effects.push({ kind: 'opinionRevealed', round: outcome.revealed });
      return done();
    }
    case 'role.start':
    case 'role.place':
    case 'role.move':
    case 'role.reveal':
    case 'role.end': {
      if (command.type === 'role.start' && context.live) ensureCurrentRuns(s, now);
      const outcome = applyRoleCommand(s, actor.memberId, command, now, { stepId: s.agenda[s.current]?.id ?? null });
      if (!outcome.ok) return outcome;
      s.roleRound = outcome.state.roleRound;
      s.pastRoleRounds = outcome.state.pastRoleRounds;
      if (outcome.revealed) effects.push({ kind: 'roleRevealed', round: outcome.revealed });
      return done();
    }
    case 'project.move':
      // A locked board is locked for moves too; the move itself is made on the board by the service.
      if (s.locks.board && !isFacilitatorRole(actor.role)) return fail('forbidden', 'The board is locked');
      effects.push({ kind: 'projectMove', elementId: command.elementId, phase: command.phase });
      return done();
    case 'member.remove':
    case 'member.setRole':
    case 'links.renew':
      return fail('invalid', `${command.type} is handled by the workshop service`);
  }
}

/** Counts per element, highest first; ties keep the order in which elements were put to the vote. */
export function tally(vote: Pick<VoteRecord, 'ballots' | 'elementIds'>): Array<{ elementId: string; count: number }> {
  const counts = new Map<string, number>(vote.elementIds.map((id) => [id, 0]));
  for (const dots of Object.values(vote.ballots)) for (const id of dots) counts.set(id, (counts.get(id) ?? 0) + 1);
  const order = new Map(vote.elementIds.map((id, i) => [id, i]));
  return [...counts]
    .map(([elementId, count]) => ({ elementId, count }))
    .sort((a, b) => b.count - a.count || (order.get(a.elementId) ?? 0) - (order.get(b.elementId) ?? 0));
}
