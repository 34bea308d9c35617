import { describe, expect, it } from 'vitest';
import { DAY_MS, WEEK_MS, previousMeeting, sinceLastTime } from './projectHistory.js';
import type { ProjectMove } from './projectLog.js';
import type { ProjectCard } from './schema/ProjectCard.js';

const now = Date.UTC(2026, 10, 30, 14, 0);
const card = (id: string, createdAt: number, learnings: ProjectCard['learnings'] = []) => ({ id, title: id, phase: 'mobilise' as const, learnings, createdAt });
const move = (at: number, to: ProjectMove['to'] = 'consolidate'): ProjectMove => ({ at, by: 'Anna', from: 'mobilise', to });

describe('since last time', () => {
  it('takes the previous meeting as the last day before today on which a card moved or learnt', () => {
    const cards = [card('a', now - 90 * DAY_MS, [{ at: now - 20 * DAY_MS, turn: 'learn', text: 'x' }]), card('b', now - 90 * DAY_MS)];
    const moves = new Map([['b', [move(now - 14 * DAY_MS - 3600_000), move(now - 1000)]]]);
    // Today's move does not count: the meeting going on now is not the previous one.
    expect(previousMeeting(cards, moves, now)).toBe(Math.floor((now - 14 * DAY_MS - 3600_000) / DAY_MS) * DAY_MS);
    expect(previousMeeting([card('c', now)], new Map(), now)).toBeNull();
  });

  it('lists moves and new learnings since the date, and cards standing still for N weeks', () => {
    const since = now - 14 * DAY_MS;
    const cards = [
      card('moved', now - 100 * DAY_MS),
      card('learnt', now - 100 * DAY_MS, [{ at: now - 20 * DAY_MS, turn: 'need', text: 'old' }, { at: now - 2 * DAY_MS, turn: 'test', text: 'new' }]),
      card('new', now - 3 * DAY_MS),
      card('stale', now - 100 * DAY_MS),
    ];
    const moves = new Map([
      ['moved', [move(now - 60 * DAY_MS), move(now - DAY_MS, 'realise')]],
      ['stale', [move(now - 5 * WEEK_MS)]],
    ]);
    const result = sinceLastTime(cards, moves, since, now, 4);
    expect(result.moved.map((m) => [m.card.id, m.moves.map((x) => x.to)])).toEqual([['moved', ['realise']]]);
    expect(result.learned.map((l) => [l.card.id, l.learnings.map((x) => x.text)])).toEqual([['learnt', ['new']]]);
    // 'learnt' never moved and was made 100 days ago; 'stale' last moved 5 weeks ago; 'new' is 3 days old.
    expect(result.still.map((s) => s.card.id).sort()).toEqual(['learnt', 'stale']);
    expect(sinceLastTime(cards, moves, since, now, 6).still.map((s) => s.card.id)).toEqual(['learnt']);
  });
});
