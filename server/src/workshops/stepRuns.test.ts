import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '@sammen/shared';
import { applyCommand } from './commands.js';
import { RUN_RESUME_MS, endRuns, ensureCurrentRuns } from './stepRuns.js';
import { initialWorkshopState, type WorkshopState } from './types.js';

const fac = { memberId: 'f', role: 'facilitator' as const, name: 'F' };
const step = (id: string) => ({ id, title: id, participantText: '', facilitatorNotes: '', minutes: 5, frameId: null, level: 'consult' as const, promise: '', private: false });

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.constant<Command>({ type: 'agenda.next' }),
  fc.constant<Command>({ type: 'agenda.prev' }),
  fc.nat(4).map((index): Command => ({ type: 'agenda.goto', index })),
  fc.constant<Command>({ type: 'timer.start', seconds: 60 }),
  fc.constant<Command>({ type: 'vote.start', elementIds: ['n1'], dotsPerPerson: 1, allowMultiplePerElement: false }),
  fc.subarray(['a', 'b', 'c', 'd'], { minLength: 1 }).map((ids): Command => ({ type: 'agenda.set', steps: ids.map(step) })),
);

describe('step runs (property)', () => {
  it('whatever the facilitator does, live or not: at most one open run, on the current step; runs never overlap and run forward', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(command, fc.boolean(), fc.nat(600_000)), { maxLength: 40 }), (script) => {
        let s: WorkshopState = initialWorkshopState(['a', 'b', 'c'].map(step));
        let now = 0;
        for (const [cmd, live, dt] of script) {
          now += dt;
          const out = applyCommand(s, fac, cmd, now, { live });
          if (out.ok) s = out.state;
        }
        const all = Object.entries(s.stepRuns).flatMap(([id, runs]) => runs.map((r) => ({ id, ...r })));
        const open = all.filter((r) => r.end === null);
        expect(open.length).toBeLessThanOrEqual(1);
        if (open[0]) expect(open[0].id).toBe(s.agenda[s.current]?.id);
        const sorted = [...all].sort((x, y) => x.start - y.start || (x.end ?? Infinity) - (y.end ?? Infinity));
        sorted.forEach((r, i) => {
          if (r.end !== null) expect(r.end).toBeGreaterThanOrEqual(r.start);
          const next = sorted[i + 1];
          if (next) expect(r.end ?? Infinity).toBeLessThanOrEqual(next.start);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('step runs across reconnects', () => {
  const live = { live: true };
  const goto = (s: WorkshopState, index: number, now: number, isLive = true): WorkshopState => {
    const out = applyCommand(s, fac, { type: 'agenda.goto', index }, now, { live: isLive });
    if (!out.ok) throw new Error(out.error);
    return out.state;
  };

  it('a step that goes live again within RUN_RESUME_MS continues its run; later, or after another step, it starts a new one', () => {
    let s = initialWorkshopState(['a', 'b'].map(step));
    s = goto(s, 0, 0);
    endRuns(s, 60_000); // the last participant's phone dropped off
    ensureCurrentRuns(s, 90_000); // and came back half a minute later
    expect(s.stepRuns['a']).toEqual([{ start: 0, end: null }]);

    endRuns(s, 120_000);
    ensureCurrentRuns(s, 120_000 + RUN_RESUME_MS + 1);
    expect(s.stepRuns['a']).toHaveLength(2);

    s = goto(s, 1, 1_000_000);
    s = goto(s, 0, 1_010_000, live.live); // back to a after b ran: a new run, never overlapping b's
    expect(s.stepRuns['a']).toHaveLength(3);
  });
});
