import { expect, it } from 'vitest';
import { initialWorkshopState } from '../workshops/types.js';
import type { VoteRecord } from '../workshops/types.js';
import { shareableState } from './backup.js';

const vote = (status: VoteRecord['status']): VoteRecord => ({
  id: 'v', title: 'Prioritering', status, elementIds: ['n1', 'n2'], dotsPerPerson: 3, allowMultiplePerElement: true,
  ballots: { alice: ['n1', 'n1'], bent: ['n2'] }, results: status === 'revealed' ? [{ elementId: 'n1', count: 2 }, { elementId: 'n2', count: 1 }] : null,
  startedAt: 1, revealedAt: status === 'revealed' ? 2 : null,
});

it('a backup holds no ballots: revealed votes keep their counts, an unrevealed vote starts again with no dots', () => {
  for (const status of ['open', 'closed'] as const) {
    const s = shareableState({ ...initialWorkshopState(), vote: vote(status), pastVotes: [vote('revealed')] });
    expect(s.vote).toMatchObject({ status: 'open', ballots: {}, results: null, elementIds: ['n1', 'n2'] });
    expect(s.pastVotes[0]).toMatchObject({ ballots: {}, results: [{ elementId: 'n1', count: 2 }, { elementId: 'n2', count: 1 }] });
    expect(JSON.stringify(s)).not.toMatch(/alice|bent/);
  }
  const revealed = shareableState({ ...initialWorkshopState(), vote: vote('revealed') });
  expect(revealed.vote).toMatchObject({ status: 'revealed', ballots: {}, results: [{ elementId: 'n1', count: 2 }, { elementId: 'n2', count: 1 }] });
});

it('drops who placed which politician role marker; a revealed self-assessment keeps its counts, an unrevealed one restarts empty', () => {
  const markers = [{ id: 'm1', owner: 'member-1', scale: 'kommune' as const, row: 'task', kind: 'today' as const, column: 1 }];
  const round = (status: 'open' | 'revealed') => ({
    id: 'r', status, markers, startedAt: 1, revealedAt: status === 'revealed' ? 2 : null, stepId: null,
    result: status === 'revealed' ? { id: 'r', revealedAt: 2, people: 1, scales: [] } : null,
  });
  const open = shareableState({ ...initialWorkshopState(), roleRound: round('open'), pastRoleRounds: [round('revealed')] });
  expect(JSON.stringify(open)).not.toContain('member-1');
  expect(open.roleRound).toMatchObject({ status: 'open', markers: [], result: null });
  const revealed = shareableState({ ...initialWorkshopState(), roleRound: round('revealed') });
  expect(revealed.roleRound).toMatchObject({ status: 'revealed', markers: [], result: { people: 1 } });
});
