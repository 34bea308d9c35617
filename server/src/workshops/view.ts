import { PROTOCOL_VERSION, type WorkshopView, isFacilitatorRole, participantStep } from '@sammen/shared';
import type { Actor } from './commands.js';
import { opinionViewFor } from './opinionRound.js';
import { roleViewFor } from './roleRound.js';
import type { MemberRecord, WorkshopRecord } from './types.js';

/**
 * What one recipient may know: the single place where secrets are filtered out. Ballots never leave
 * the server; a participant sees only their own dots (and opinion marks), and counts only after the reveal; the
 * facilitator's notes on each agenda step go to facilitators only.
 */
export function viewFor(
  workshop: WorkshopRecord,
  members: MemberRecord[],
  online: ReadonlySet<string>,
  recipient: Actor,
  links: { joinCode: string; observerToken: string } | null,
  now: number,
): WorkshopView {
  const s = workshop.state;
  const active = members.filter((m) => !m.removed);
  const nameOf = new Map(active.map((m) => [m.id, m.name]));
  const facilitator = isFacilitatorRole(recipient.role);
  return {
    protocol: PROTOCOL_VERSION,
    serverNow: now,
    workshop: { id: workshop.id, title: workshop.title, language: workshop.language, boardId: workshop.boardId },
    me: { memberId: recipient.memberId, name: recipient.name, role: recipient.role },
    agenda: { steps: facilitator ? s.agenda : s.agenda.map(participantStep), current: s.current },
    timer: s.timer,
    follow: { active: s.follow.active, leaderId: s.follow.leaderId, viewport: s.follow.viewport },
    locks: s.locks,
    private: { active: s.private.active, reveal: s.private.reveal, revealedInStep: s.reveals.some((r) => r.stepIndex === s.current) },
    vote: s.vote && {
      id: s.vote.id,
      title: s.vote.title,
      status: s.vote.status,
      elementIds: s.vote.elementIds,
      dotsPerPerson: s.vote.dotsPerPerson,
      allowMultiplePerElement: s.vote.allowMultiplePerElement,
      myDots: recipient.memberId ? (s.vote.ballots[recipient.memberId] ?? []) : [],
      voters: Object.values(s.vote.ballots).filter((d) => d.length > 0).length,
      results: s.vote.status === 'revealed' ? s.vote.results : null,
      stepId: s.vote.stepId ?? null,
    },
    opinion: opinionViewFor(s.opinion, recipient.memberId, facilitator),
    roleRound: roleViewFor(s.roleRound, recipient.memberId),
    pastVotes: s.pastVotes.filter((v) => v.results).map((v) => ({ id: v.id, title: v.title, results: v.results! })),
    hands: s.hands.filter((h) => nameOf.has(h.memberId)).map((h) => ({ memberId: h.memberId, name: nameOf.get(h.memberId)! })),
    members: active.map((m) => ({ id: m.id, name: m.name, role: m.role, online: online.has(m.id) })),
    links: facilitator ? links : null,
  };
}
