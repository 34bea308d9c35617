import { afterEach, describe, expect, it, vi } from 'vitest';
import { LateReveals } from './lateReveals.js';
import { LATE_REVEAL_QUIET_MS, privateDocId } from './reveal.js';
import { type WorkshopState, initialWorkshopState } from './types.js';

const NOW = 5_000_000;
const revealed = (): WorkshopState => {
  const s = initialWorkshopState();
  s.private = { active: false, reveal: 'named', endedBy: 'reveal' };
  s.reveals = [{ at: NOW - 1000, stepIndex: 0, notes: 2, mode: 'named' }];
  return s;
};

function setUp(state: WorkshopState | null, loaded: string[] = []) {
  const reveals: string[] = [];
  const forgets: Array<{ memberIds: string[]; round: number }> = [];
  const current = { state };
  const late = new LateReveals({
    state: () => current.state,
    loadedIds: () => loaded,
    reveal: async (_w, _b, memberId) => void reveals.push(memberId),
    forget: async (_w, _b, memberIds, round) => void forgets.push({ memberIds: memberIds.sort(), round }),
    now: () => NOW,
  });
  late.noteBoard('b1', 'w1');
  return { late, reveals, forgets, current };
}

afterEach(() => vi.useRealTimers());

describe('LateReveals', () => {
  it('reveals a private document stored to after a reveal once it has been quiet, once', async () => {
    vi.useFakeTimers();
    const { late, reveals } = setUp(revealed());
    late.stored(privateDocId('b1', 'alice'));
    vi.advanceTimersByTime(LATE_REVEAL_QUIET_MS - 1);
    late.stored(privateDocId('b1', 'alice')); // another keystroke: wait again
    vi.advanceTimersByTime(LATE_REVEAL_QUIET_MS - 1);
    expect(reveals).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(reveals).toEqual(['alice']);
  });

  it('ignores stores during a round, to other documents, and to boards it has no session of', () => {
    vi.useFakeTimers();
    const during = initialWorkshopState();
    during.private = { active: true, reveal: 'named' };
    const { late, reveals } = setUp(during);
    late.stored(privateDocId('b1', 'alice'));
    const other = setUp(revealed());
    other.late.stored('b1');
    other.late.stored(privateDocId('b2', 'alice'));
    vi.advanceTimersByTime(LATE_REVEAL_QUIET_MS * 2);
    expect([...reveals, ...other.reveals]).toEqual([]);
  });

  it('after hearing of a reveal, looks at the loaded private documents of that board once per reveal', async () => {
    vi.useFakeTimers();
    const { late, reveals } = setUp(revealed(), ['b1', privateDocId('b1', 'alice'), privateDocId('b1', 'bent'), privateDocId('b2', 'carl')]);
    late.changed('w1', 'b1');
    late.changed('w1', 'b1'); // the same reveal again (another change of the workshop): nothing more
    await vi.advanceTimersByTimeAsync(LATE_REVEAL_QUIET_MS);
    expect(reveals.sort()).toEqual(['alice', 'bent']);
  });

  it('at shutdown runs what waits at once', async () => {
    vi.useFakeTimers();
    const { late, reveals } = setUp(revealed());
    late.stored(privateDocId('b1', 'alice'));
    await late.now();
    expect(reveals).toEqual(['alice']);
  });

  it('when it learns that a round started, clears the loaded private documents of that board once per round', () => {
    const round = (): WorkshopState => {
      const s = revealed();
      s.private = { active: true, reveal: 'named' };
      return s;
    };
    const { late, forgets, current } = setUp(round(), ['b1', privateDocId('b1', 'alice'), privateDocId('b1', 'bent'), privateDocId('b2', 'carl')]);
    late.changed('w1', 'b1');
    late.changed('w1', 'b1'); // the same round (a timer, a vote): nothing more
    expect(forgets).toEqual([{ memberIds: ['alice', 'bent'], round: 1 }]);
    // The round is revealed, and the next one starts.
    current.state = revealed();
    late.changed('w1', 'b1');
    const next = round();
    next.reveals.push({ at: NOW, stepIndex: 1, notes: 1, mode: 'named' });
    current.state = next;
    late.changed('w1', 'b1');
    expect(forgets).toEqual([
      { memberIds: ['alice', 'bent'], round: 1 },
      { memberIds: ['alice', 'bent'], round: 2 },
    ]);
  });
});
