import { describe, expect, it } from 'vitest';
import type { AgendaStep } from '@sammen/shared';
import type { Actor } from './commands.js';
import { type MemberRecord, type WorkshopRecord, initialWorkshopState } from './types.js';
import { viewFor } from './view.js';

const step = (id: string): AgendaStep => ({
  id, title: `Step ${id}`, participantText: 'Write one idea per note.', facilitatorNotes: 'Welcome everyone. Read the story aloud.',
  minutes: 5, frameId: null, level: 'consult', promise: '', private: true, vote: null,
});
const workshop = (): WorkshopRecord => ({
  id: 'w', boardId: 'b', title: 'W', language: 'en', joinCode: 'ABCDEF', observerToken: 'obs', createdAt: '', retentionDays: null, stateRevision: 0,
  state: { ...initialWorkshopState([step('s1'), step('s2')]), current: 1, reveals: [{ at: 1, stepIndex: 1, notes: 2, mode: 'anonymous' }] },
});
const member = (id: string, role: MemberRecord['role']): MemberRecord => ({ id, workshopId: 'w', role, name: id, tokenHash: id, createdAt: '', removed: false });
const members = [member('f', 'facilitator'), member('c', 'cofacilitator'), member('p', 'participant')];
const view = (recipient: Actor, w = workshop()) => viewFor(w, members, new Set(), recipient, { joinCode: 'ABCDEF', observerToken: 'obs' }, 0);

describe('viewFor', () => {
  it("gives facilitators and co-facilitators each step's notes, and participants and observers none", () => {
    for (const role of ['facilitator', 'cofacilitator'] as const) {
      expect(view({ memberId: role[0]!, role, name: role }).agenda.steps.map((s) => s.facilitatorNotes)).toEqual([
        'Welcome everyone. Read the story aloud.',
        'Welcome everyone. Read the story aloud.',
      ]);
    }
    for (const recipient of [{ memberId: 'p', role: 'participant' as const, name: 'p' }, { memberId: null, role: 'observer' as const, name: 'Observer' }]) {
      const steps = view(recipient).agenda.steps;
      for (const s of steps) expect(s).not.toHaveProperty('facilitatorNotes');
      expect(steps[0]!.participantText).toBe('Write one idea per note.');
      expect(JSON.stringify(view(recipient))).not.toContain('Read the story aloud');
    }
  });

  it('says whether the current step was revealed, and which step a vote belongs to', () => {
    const fac = { memberId: 'f', role: 'facilitator' as const, name: 'f' };
    expect(view(fac).private.revealedInStep).toBe(true);
    const earlier = workshop();
    earlier.state.current = 0;
    expect(view(fac, earlier).private.revealedInStep).toBe(false);
    const voting = workshop();
    voting.state.vote = { id: 'v', title: '', status: 'open', elementIds: ['n'], dotsPerPerson: 3, allowMultiplePerElement: false, ballots: {}, results: null, startedAt: 0, revealedAt: null, stepId: 's2' };
    expect(view(fac, voting).vote?.stepId).toBe('s2');
    delete voting.state.vote.stepId; // stored before votes recorded their step
    expect(view(fac, voting).vote?.stepId).toBeNull();
  });
});
