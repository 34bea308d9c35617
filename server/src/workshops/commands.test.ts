import { describe, expect, it } from 'vitest';
import { applyCommand, tally } from './commands.js';
import { initialWorkshopState } from './types.js';

const fac = { memberId: 'f', role: 'facilitator' as const, name: 'F' };
const alice = { memberId: 'a', role: 'participant' as const, name: 'A' };
const observer = { memberId: null, role: 'observer' as const, name: 'O' };

describe('workshop commands', () => {
  it('project.move: anyone with a seat asks the service to move a card, not on a locked board; observers never', () => {
    const move = { type: 'project.move' as const, elementId: 'p1', phase: 'consolidate' as const };
    expect(applyCommand(initialWorkshopState(), alice, move, 1)).toMatchObject({ ok: true, effects: [{ kind: 'projectMove', elementId: 'p1', phase: 'consolidate' }] });
    expect(applyCommand(initialWorkshopState(), observer, move, 1)).toMatchObject({ ok: false, error: 'forbidden' });
    const locked = { ...initialWorkshopState(), locks: { ...initialWorkshopState().locks, board: true } };
    expect(applyCommand(locked, alice, move, 1)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(applyCommand(locked, fac, move, 1)).toMatchObject({ ok: true });
  });

  it('timer: start, pause, resume and add a minute on the server clock', () => {
    let s = initialWorkshopState();
    const run = (cmd: Parameters<typeof applyCommand>[2], now: number) => {
      const out = applyCommand(s, fac, cmd, now);
      if (!out.ok) throw new Error(out.message);
      s = out.state;
    };
    run({ type: 'timer.start', seconds: 60 }, 1000);
    expect(s.timer).toEqual({ status: 'running', endsAt: 61_000, remainingMs: 60_000, durationMs: 60_000 });
    run({ type: 'timer.pause' }, 21_000);
    expect(s.timer).toMatchObject({ status: 'paused', remainingMs: 40_000, endsAt: null });
    run({ type: 'timer.addMinute' }, 30_000);
    expect(s.timer).toMatchObject({ remainingMs: 100_000, durationMs: 120_000 });
    run({ type: 'timer.resume' }, 50_000);
    expect(s.timer).toMatchObject({ status: 'running', endsAt: 150_000 });
    run({ type: 'timer.reset' }, 60_000);
    expect(s.timer).toEqual({ status: 'idle', endsAt: null, remainingMs: 120_000, durationMs: 120_000 });
  });

  it('a vote remembers the agenda step it was started in (the run sheet tells its own vote from an earlier one)', () => {
    const step = { id: 'vote-step', title: 'Stem', participantText: '', facilitatorNotes: '', minutes: 5, frameId: null, level: 'consult' as const, promise: '', private: false };
    const s = initialWorkshopState([{ ...step, id: 'first' }, step]);
    const out = applyCommand({ ...s, current: 1 }, fac, { type: 'vote.start', elementIds: ['n1'], dotsPerPerson: 3, allowMultiplePerElement: false }, 0);
    expect(out.ok && out.state.vote?.stepId).toBe('vote-step');
  });

  it('records when each step ran: from going to it (or starting work in the opening step) until moving on', () => {
    const step = { title: 'T', participantText: '', facilitatorNotes: '', minutes: 5, frameId: null, level: 'consult' as const, promise: '', private: false };
    let s = initialWorkshopState([{ ...step, id: 'a' }, { ...step, id: 'b' }, { ...step, id: 'c' }]);
    const run = (cmd: Parameters<typeof applyCommand>[2], now: number) => {
      const out = applyCommand(s, fac, cmd, now);
      if (!out.ok) throw new Error(out.message);
      s = out.state;
    };
    // Opening the workshop on step 1 is not running it; starting its timer is.
    expect(s.stepRuns).toEqual({});
    run({ type: 'timer.start', seconds: 300 }, 1_000);
    run({ type: 'timer.start', seconds: 300 }, 2_000);
    expect(s.stepRuns).toEqual({ a: [{ start: 1_000, end: null }] });
    run({ type: 'agenda.next' }, 60_000);
    run({ type: 'agenda.goto', index: 1 }, 70_000);
    expect(s.stepRuns).toEqual({ a: [{ start: 1_000, end: 60_000 }], b: [{ start: 60_000, end: null }] });
    run({ type: 'agenda.prev' }, 120_000);
    run({ type: 'agenda.goto', index: 1 }, 180_000);
    expect(s.stepRuns).toEqual({ a: [{ start: 1_000, end: 60_000 }, { start: 120_000, end: 180_000 }], b: [{ start: 60_000, end: 120_000 }, { start: 180_000, end: null }] });
    // Step c never ran; removing the running step b from the agenda ends its run.
    run({ type: 'agenda.set', steps: [{ ...step, id: 'a' }, { ...step, id: 'c' }] }, 200_000);
    expect(s.stepRuns.b?.at(-1)).toEqual({ start: 180_000, end: 200_000 });
    expect(s.stepRuns.c).toBeUndefined();
    // A vote started in a step that is not running yet starts its run.
    run({ type: 'vote.start', elementIds: ['n1'], dotsPerPerson: 1, allowMultiplePerElement: false }, 210_000);
    expect(s.stepRuns.c).toEqual([{ start: 210_000, end: null }]);
  });

  it('records no run while nobody takes part (the facilitator preparing alone), but moving on still ends one', () => {
    const step = { title: 'T', participantText: '', facilitatorNotes: '', minutes: 5, frameId: null, level: 'consult' as const, promise: '', private: false };
    const s = { ...initialWorkshopState([{ ...step, id: 'a' }, { ...step, id: 'b' }]), stepRuns: { a: [{ start: 0, end: null }] } };
    const alone = { live: false };
    const next = applyCommand(s, fac, { type: 'agenda.next' }, 5_000, alone);
    if (!next.ok) throw new Error(next.message);
    expect(next.state.stepRuns).toEqual({ a: [{ start: 0, end: 5_000 }] });
    const timer = applyCommand(next.state, fac, { type: 'timer.start', seconds: 60 }, 6_000, alone);
    expect(timer.ok && timer.state.stepRuns).toEqual({ a: [{ start: 0, end: 5_000 }] });
  });

  it('never mutates the state it is given', () => {
    const s = initialWorkshopState();
    const frozen = JSON.stringify(s);
    applyCommand(s, fac, { type: 'lock.board', locked: true }, 0);
    expect(JSON.stringify(s)).toBe(frozen);
  });

  it('roles: observers run nothing, participants only their own things', () => {
    const s = initialWorkshopState();
    expect(applyCommand(s, observer, { type: 'hand.raise' }, 0)).toMatchObject({ ok: false, error: 'forbidden' });
    expect(applyCommand(s, alice, { type: 'timer.start', seconds: 5 }, 0)).toMatchObject({ ok: false, error: 'forbidden' });
    const raised = applyCommand(s, alice, { type: 'hand.raise' }, 0);
    expect(raised.ok && raised.state.hands).toEqual([{ memberId: 'a', at: 0 }]);
    const other = raised.ok ? applyCommand(raised.state, { ...alice, memberId: 'b' }, { type: 'hand.lower', memberId: 'a' }, 0) : null;
    expect(other).toMatchObject({ ok: false, error: 'forbidden' });
  });

  it('tally ranks by count and keeps the ballot order for ties', () => {
    expect(tally({ elementIds: ['x', 'y', 'z'], ballots: { a: ['z', 'y'], b: ['y'], c: ['x', 'z'] } })).toEqual([
      { elementId: 'y', count: 2 },
      { elementId: 'z', count: 2 },
      { elementId: 'x', count: 1 },
    ]);
  });
});

describe('private mode', () => {
  it('can be stopped without a reveal, and a reveal needs it on', () => {
    const on = applyCommand(initialWorkshopState(), fac, { type: 'private.start', reveal: 'anonymous' }, 0);
    if (!on.ok) throw new Error(on.message);
    const off = applyCommand(on.state, fac, { type: 'private.stop' }, 0);
    expect(off.ok && off.state.private.active).toBe(false);
    expect(off.ok && applyCommand(off.state, fac, { type: 'private.reveal' }, 0)).toMatchObject({ ok: false, error: 'not_private' });
  });
});
