import { describe, expect, it } from 'vitest';
import type { WorkshopView } from '@sammen/shared';
import { viewChanges } from './WorkshopAnnouncements.js';

const step = (id: string, title: string) => ({ id, title, participantText: '', facilitatorNotes: '', minutes: 5, frameId: null, level: 'consult', promise: '', private: false });
const base = {
  me: { memberId: 'm', name: 'Olga', role: 'participant' },
  agenda: { steps: [step('a', 'What matters to you?'), step('b', 'What can we do together?')], current: 0 },
  vote: null,
} as unknown as WorkshopView;
const vote = (status: string) => ({ id: 'v1', title: 'Top', status, dotsPerPerson: 3, myDots: ['x'], elementIds: ['x'], allowMultiplePerElement: false, voters: 1, results: null });

describe('viewChanges', () => {
  it('says nothing for the first view or an unchanged one', () => {
    expect(viewChanges(null, base)).toEqual([]);
    expect(viewChanges(base, { ...base })).toEqual([]);
  });

  it('announces the next agenda step, a vote that opens (with the dots left) and one that is revealed', () => {
    const next = { ...base, agenda: { ...base.agenda, current: 1 } };
    expect(viewChanges(base, next)).toEqual([{ key: 'a11y.announce.step', values: { n: 2, total: 2, title: 'What can we do together?' } }]);
    const open = { ...base, vote: vote('open') } as unknown as WorkshopView;
    expect(viewChanges(base, open)).toEqual([{ key: 'a11y.announce.voteStarted', values: { title: 'Top', dots: 2 } }]);
    expect(viewChanges(open, open)).toEqual([]);
    const revealed = { ...base, vote: vote('revealed') } as unknown as WorkshopView;
    expect(viewChanges(open, revealed)).toEqual([{ key: 'a11y.announce.voteRevealed', values: { title: 'Top' } }]);
  });

  it('does not tell observers to vote', () => {
    const observer = { ...base, me: { ...base.me, role: 'observer' } } as unknown as WorkshopView;
    expect(viewChanges(observer, { ...observer, vote: vote('open') } as unknown as WorkshopView)).toEqual([]);
  });
});
