import { describe, expect, it } from 'vitest';
import type { ActionCard, Element, Frame, StickyNote } from '@sammen/shared';
import { initialWorkshopState, type WorkshopRecord } from '../workshops/types.js';
import { buildLetter } from './letter.js';
import { letterOutline } from './letterPdf.js';
import { type PaperBlock, paperOutline } from './paperOutline.js';
import { buildReport } from './reportModel.js';

const frame = (id: string, title: string, extra: Partial<Frame> = {}): Frame => ({
  id, type: 'frame', index: `a${id}`, frameId: null, x: 0, y: 0, width: 900, height: 700, title, fill: 'white', ...extra,
});
const note = (id: string, text: string, frameId: string, x: number): StickyNote => ({
  id, type: 'note', index: `b${id}`, frameId, x, y: 100, width: 150, height: 150, color: 'yellow', text,
});
const card = (id: string, what: string, extra: Partial<ActionCard> = {}): ActionCard => ({
  id, type: 'action', index: `c${id}`, frameId: null, x: 0, y: 1000, width: 400, height: 200, color: 'white',
  what, who: [], whoDetail: '', firstStep: '', when: '', sourceId: null, ...extra,
});

function model(opts: { place?: string; actions?: boolean } = {}) {
  const elements: Element[] = [
    frame('f1', 'Hvad er vigtigt for dig?'),
    frame('c1', 'Natur', { variant: 'cluster', frameId: 'f1', x: 20, y: 80, width: 400, height: 300 }),
    note('n1', 'Flere træer', 'c1', 30),
    note('n2', 'Bænke', 'c1', 200),
    note('n3', 'Legeplads', 'f1', 600),
    ...(opts.actions === false ? [] : [card('a1', 'Plant træer', { who: ['municipality'], sourceId: 'c1' }), card('e1', '  ', { y: 1300 })]),
  ];
  const state = {
    ...initialWorkshopState([{ id: 's1', title: 'Idéer', participantText: '', facilitatorNotes: '', minutes: 10, frameId: 'f1', level: 'consult' as const, promise: 'Byrådet læser dem', private: false }]),
    place: opts.place ?? '',
    pastVotes: [{
      id: 'v1', title: 'Prioritering', status: 'revealed' as const, elementIds: ['n1', 'n2', 'n3'], dotsPerPerson: 3, allowMultiplePerElement: true,
      ballots: {}, results: [{ elementId: 'n1', count: 4 }, { elementId: 'n2', count: 0 }, { elementId: 'n3', count: 0 }], startedAt: 0, revealedAt: 0, stepId: 's1',
    }],
  };
  const workshop: WorkshopRecord = { id: 'w', boardId: 'b', title: 'Borgerpanel', language: 'da', joinCode: null, observerToken: null, state, createdAt: '2026-11-01T10:00:00Z', retentionDays: 0, stateRevision: 0 };
  return buildReport(workshop, [], elements);
}
const texts = (blocks: PaperBlock[]): string[] =>
  blocks.flatMap((b) => (b.kind === 'list' ? b.items : b.kind === 'table' ? [...b.head, ...b.rows.flat()] : b.kind === 'facts' ? b.rows.flat() : b.kind === 'figure' ? [b.caption] : [b.text]));

describe('paper outline (PDF and Word)', () => {
  it('holds every note, the filled action once and nothing of the empty card', () => {
    const blocks = paperOutline(model());
    const all = texts(blocks).join('\n');
    for (const n of ['Flere træer (4 prikker)', 'Bænke', 'Legeplads']) expect(all).toContain(n);
    const actions = blocks.find((b): b is Extract<PaperBlock, { kind: 'table' }> => b.kind === 'table' && b.head[0] === 'Hvad');
    expect(actions?.rows.map((r) => r[0])).toEqual(['Plant træer']);
    expect(all).not.toContain('()');
  });

  it('lists only what got dots and says how many got none', () => {
    const blocks = paperOutline(model());
    const vote = blocks.find((b): b is Extract<PaperBlock, { kind: 'table' }> => b.kind === 'table' && b.head[0] === '#');
    expect(vote?.rows).toEqual([['1', 'Flere træer', '4']]);
    expect(texts(blocks)).toContain('2 punkter mere fik ingen prikker.');
  });

  it('leaves out what is empty: no place, no parking lot; says plainly when no action was agreed', () => {
    const blocks = paperOutline(model({ actions: false }));
    const facts = blocks.find((b): b is Extract<PaperBlock, { kind: 'facts' }> => b.kind === 'facts');
    expect(facts?.rows.map(([k]) => k)).not.toContain('Sted');
    expect(texts(blocks)).not.toContain('Parkeringsplads');
    expect(texts(blocks)).toContain('Der blev ikke aftalt handlinger.');
    const withPlace = paperOutline(model({ place: 'Rådhuset' })).find((b): b is Extract<PaperBlock, { kind: 'facts' }> => b.kind === 'facts');
    expect(withPlace?.rows).toContainEqual(['Sted', 'Rådhuset']);
  });

  it('has a figure with alt text for each board picture', () => {
    const figures = paperOutline(model()).filter((b): b is Extract<PaperBlock, { kind: 'figure' }> => b.kind === 'figure');
    expect(figures.map((f) => f.caption)).toEqual(['Hvad er vigtigt for dig?']);
    expect(figures[0]!.picture.alt).toMatch(/3 sedler/);
  });

  it('letter: the promise, the theme and the action, and the sentence for no actions', () => {
    expect(texts(letterOutline(buildLetter(model()))).join('\n')).toMatch(/Byrådet læser dem[\s\S]*Natur[\s\S]*Plant træer/);
    expect(letterOutline(buildLetter(model({ actions: false }))).some((b) => b.kind === 'list' && b.items.some((i) => i.includes('Plant')))).toBe(false);
  });
});
