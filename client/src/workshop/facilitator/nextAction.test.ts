import { describe, expect, it } from 'vitest';
import type { AgendaStep } from '@sammen/shared';
import { type RunState, nextAction } from './nextAction.js';

const step = (patch: Partial<AgendaStep> = {}): AgendaStep => ({
  id: 's2', title: 'Hvad er vigtigt?', participantText: '', facilitatorNotes: '', minutes: 7, frameId: 'f1', level: 'consult', promise: '', private: false, vote: null, ...patch,
});
const state = (patch: Partial<RunState> = {}): RunState => ({
  current: 1, stepCount: 4, private: { active: false, revealedInStep: false }, timer: { status: 'idle' }, vote: null, ...patch,
});
const dots = { dotsPerPerson: 3, allowMultiplePerElement: false };

describe('nextAction', () => {
  it('a plain step goes on to the next step; the last step is the end', () => {
    expect(nextAction(step(), state())).toEqual({ kind: 'nextStep', index: 2 });
    expect(nextAction(step(), state({ current: 3 }))).toEqual({ kind: 'finished' });
    expect(nextAction(undefined, state({ stepCount: 0, current: 0 }))).toEqual({ kind: 'none' });
  });

  it('a private step: start the round (private mode and the clock), then reveal, then next', () => {
    const s = step({ private: true });
    // Just arrived: the server switched private mode on, the clock has not started.
    expect(nextAction(s, state({ private: { active: true } }))).toEqual({ kind: 'startPrivate', minutes: 7 });
    // Private mode was stopped without a reveal: start it again.
    expect(nextAction(s, state({ private: { active: false }, timer: { status: 'running' } }))).toEqual({ kind: 'startPrivate', minutes: 7 });
    expect(nextAction(s, state({ private: { active: true }, timer: { status: 'running' } }))).toEqual({ kind: 'reveal' });
    expect(nextAction(s, state({ private: { active: true }, timer: { status: 'paused' } }))).toEqual({ kind: 'reveal' });
    // A private step without a time box starts straight on to the reveal once private mode is on.
    expect(nextAction(step({ private: true, minutes: 0 }), state({ private: { active: true } }))).toEqual({ kind: 'reveal' });
    expect(nextAction(s, state({ private: { active: false, revealedInStep: true } }))).toEqual({ kind: 'nextStep', index: 2 });
  });

  it('a private round left on from an earlier step is revealed before anything else', () => {
    expect(nextAction(step({ vote: dots }), state({ private: { active: true } }))).toEqual({ kind: 'reveal' });
    expect(nextAction(step(), state({ private: { active: true, revealedInStep: true } }))).toEqual({ kind: 'reveal' });
  });

  it("a voting step: start its vote, show the results, then next; another step's vote does not count", () => {
    const s = step({ vote: dots });
    const startVote = { kind: 'startVote', frameId: 'f1', ...dots };
    expect(nextAction(s, state())).toEqual(startVote);
    expect(nextAction(s, state({ vote: { status: 'revealed', stepId: 'other' } }))).toEqual(startVote);
    expect(nextAction(s, state({ vote: { status: 'revealed' } }))).toEqual(startVote); // stored before steps were recorded
    expect(nextAction(s, state({ vote: { status: 'open', stepId: 's2' } }))).toEqual({ kind: 'showResults' });
    expect(nextAction(s, state({ vote: { status: 'closed', stepId: 's2' } }))).toEqual({ kind: 'showResults' });
    expect(nextAction(s, state({ vote: { status: 'revealed', stepId: 's2' } }))).toEqual({ kind: 'nextStep', index: 2 });
  });

  it('a vote started from the tools in a step without one: show its results, then next', () => {
    expect(nextAction(step(), state({ vote: { status: 'open', stepId: 's2' } }))).toEqual({ kind: 'showResults' });
    expect(nextAction(step(), state({ vote: { status: 'revealed', stepId: 's2' } }))).toEqual({ kind: 'nextStep', index: 2 });
    expect(nextAction(step(), state({ vote: { status: 'open', stepId: 'other' } }))).toEqual({ kind: 'nextStep', index: 2 });
  });

  it('a private step with a vote runs the whole chain in order', () => {
    const s = step({ private: true, vote: dots });
    const chain = [
      nextAction(s, state({ private: { active: true } })).kind,
      nextAction(s, state({ private: { active: true }, timer: { status: 'running' } })).kind,
      nextAction(s, state({ private: { active: false, revealedInStep: true }, timer: { status: 'running' } })).kind,
      nextAction(s, state({ private: { active: false, revealedInStep: true }, vote: { status: 'open', stepId: 's2' } })).kind,
      nextAction(s, state({ private: { active: false, revealedInStep: true }, vote: { status: 'revealed', stepId: 's2' } })).kind,
    ];
    expect(chain).toEqual(['startPrivate', 'reveal', 'startVote', 'showResults', 'nextStep']);
  });
});
