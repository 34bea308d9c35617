import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getElement, initBoardDoc, insertElement } from './doc.js';
import { getProjectMoves, moveProjectCard } from './projectLog.js';
import { portfolioCellAt, portfolioLayout } from './portfolio.js';
import { projectCardDefaults, type ProjectCard } from './schema/ProjectCard.js';

const card = (id: string, over: Partial<ProjectCard> = {}): ProjectCard => ({
  ...projectCardDefaults, effects: [], learnings: [], id, type: 'project', index: 'a1', frameId: null, x: 0, y: 0, createdAt: 1, title: id, area: 'staff', ...over,
});

describe('moving a project card', () => {
  it('sets the phase, puts the card into the portfolio cell and records who and when', () => {
    const doc = new Y.Doc();
    initBoardDoc(doc);
    insertElement(doc, { id: 'pf', type: 'frame', variant: 'portfolio', index: 'a0', frameId: null, x: 0, y: 0, width: 2400, height: 900, title: 'Portefølje', fill: 'white' });
    insertElement(doc, card('p1'));
    expect(moveProjectCard(doc, 'p1', 'consolidate', 'Anna', 5000)).toEqual({ ok: true, moved: true });
    const moved = getElement(doc, 'p1') as ProjectCard;
    expect(moved).toMatchObject({ phase: 'consolidate', frameId: 'pf' });
    const frame = getElement(doc, 'pf')!;
    if (frame.type !== 'frame') throw new Error('frame');
    expect(portfolioCellAt(portfolioLayout(frame, [moved]), moved.x + 1, moved.y + 1)).toEqual({ area: 'staff', phase: 'consolidate' });
    expect(getProjectMoves(doc).get('p1')).toEqual([{ at: 5000, by: 'Anna', from: 'mobilise', to: 'consolidate' }]);
  });

  it('records nothing for a move to the phase it is in, and refuses what is not a card', () => {
    const doc = new Y.Doc();
    insertElement(doc, card('p1'));
    expect(moveProjectCard(doc, 'p1', 'mobilise', 'Anna', 1)).toEqual({ ok: true, moved: false });
    expect(moveProjectCard(doc, 'nope', 'realise', 'Anna', 1)).toEqual({ ok: false, reason: 'no_card' });
    expect(getProjectMoves(doc).size).toBe(0);
  });
});
