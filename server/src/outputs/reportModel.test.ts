import { describe, expect, it } from 'vitest';
import type { ActionCard, AgendaStep, Element, Frame, StickyNote } from '@sammen/shared';
import { initialWorkshopState, type MemberRecord, type WorkshopRecord } from '../workshops/types.js';
import { buildLetter, renderLetterHtml } from './letter.js';
import { renderCsv } from './renderCsv.js';
import { renderHtml } from './renderHtml.js';
import { renderMarkdown } from './renderMarkdown.js';
import { buildReport } from './reportModel.js';

const frame = (id: string, x: number, title: string, extra: Partial<Frame> = {}): Frame => ({
  id, type: 'frame', index: `a${id}`, frameId: null, x, y: 0, width: 900, height: 700, title, fill: 'white', ...extra,
});
const note = (id: string, text: string, frameId: string | null, x: number, y = 100): StickyNote => ({
  id, type: 'note', index: `b${id}`, frameId, x, y, width: 150, height: 150, color: 'yellow', text,
});
const step = (id: string, title: string, extra: Partial<AgendaStep> = {}): AgendaStep => ({
  id, title, participantText: '', facilitatorNotes: '', minutes: 10, frameId: 'f1', level: 'consult', promise: `Løfte ${id}`, private: false, ...extra,
});
const card = (id: string, what: string, extra: Partial<ActionCard> = {}): ActionCard => ({
  id, type: 'action', index: `c${id}`, frameId: null, x: 0, y: 1000, width: 400, height: 200, color: 'white',
  what, who: [], whoDetail: '', firstStep: '', when: '', sourceId: null, ...extra,
});
const T0 = Date.parse('2026-11-30T09:00:00Z');
const member = (id: string, role: MemberRecord['role']): MemberRecord => ({ id, workshopId: 'w', role, name: id, tokenHash: 'x', createdAt: '', removed: false });

/** A workshop: collect and vote on one frame (two steps), an action step that never ran, six empty cards. */
function scripted(runsRecorded = true) {
  const elements: Element[] = [
    frame('f1', 0, 'Hvad er vigtigt for dig?'),
    frame('c1', 0, 'Hverdagsliv og mobilitet', { variant: 'cluster', frameId: 'f1', x: 20, y: 80, width: 400, height: 300 }),
    frame('c2', 0, 'Natur', { variant: 'cluster', frameId: 'f1', x: 450, y: 80, width: 400, height: 300 }),
    frame('c3', 0, 'Tom gruppe', { variant: 'cluster', frameId: 'f1', x: 20, y: 400, width: 200, height: 200 }),
    note('n1', 'Cykelsti til skolen', 'c1', 30),
    note('n2', 'Bus om aftenen', 'c1', 200),
    note('n3', 'Flere træer', 'c2', 460),
    note('n4', 'Legeplads', 'f1', 600, 450),
    frame('p1', 2000, 'Parkeringsplads', { variant: 'parking-lot' }),
    note('n5', 'Hvad med skatten?', 'p1', 2050),
    frame('f2', 4000, 'Tom ramme'),
    card('a1', ' Sikker skolevej ', { who: ['municipality'], whoDetail: 'Vejafdelingen', firstStep: 'Trafiktælling', when: 'Marts 2027', sourceId: 'c1' }),
    ...[2, 3, 4, 5, 6, 7].map((i) => card(`e${i}`, '  ', { y: 1000 + i * 250 })),
  ];
  const state = {
    ...initialWorkshopState([step('s1', 'Idéer'), step('s2', 'Prioritering', { level: 'decide' }), step('s3', 'Handlinger', { level: 'cocreate', frameId: null })]),
    runsRecorded,
    place: 'Rådhuset, Aarhus',
    question: 'Hvad er vigtigt for dig i din bydel?',
    stepRuns: (runsRecorded ? { s1: [{ start: T0, end: T0 + 25 * 60_000 }], s2: [{ start: T0 + 25 * 60_000, end: T0 + 110 * 60_000 }] } : {}) as Record<string, Array<{ start: number; end: number | null }>>,
    pastVotes: [{
      id: 'v1', title: 'Prioritering', status: 'revealed' as const, elementIds: ['n1', 'n2', 'n3', 'n4'], dotsPerPerson: 3, allowMultiplePerElement: true,
      ballots: {}, results: [{ elementId: 'n1', count: 5 }, { elementId: 'n3', count: 3 }, { elementId: 'n2', count: 1 }, { elementId: 'n4', count: 0 }],
      startedAt: T0, revealedAt: T0, stepId: 's2',
    }],
  };
  const workshop: WorkshopRecord = { id: 'w', boardId: 'b', title: 'Borgerpanel', language: 'da', joinCode: null, observerToken: null, state, createdAt: '2026-11-01T10:00:00Z', retentionDays: 0, stateRevision: 0 };
  const members = [member('f', 'facilitator'), member('a', 'participant'), member('b', 'participant')];
  return buildReport(workshop, members, elements);
}

describe('report model', () => {
  it('front page: date of the first run, place, question, who took part by role (nobody in a role: left out)', () => {
    const m = scripted();
    expect(m.front).toMatchObject({ title: 'Borgerpanel', date: new Date(T0).toISOString(), place: 'Rådhuset, Aarhus', question: 'Hvad er vigtigt for dig i din bydel?' });
    expect(m.front.held).toEqual({ start: new Date(T0).toISOString(), end: new Date(T0 + 110 * 60_000).toISOString() });
    expect(m.front.participants).toEqual([{ role: 'facilitator', count: 1 }, { role: 'participant', count: 2 }]);
  });

  it('clusters once each, ranked by dots; empty clusters and empty frames are no content', () => {
    const m = scripted();
    expect(m.clusters.map((c) => [c.rank, c.label, c.votes, c.notes.map((n) => n.id)])).toEqual([
      [1, 'Hverdagsliv og mobilitet', 6, ['n1', 'n2']],
      [2, 'Natur', 3, ['n3']],
    ]);
    // Both steps work on f1: its clusters are listed under the first only.
    expect(m.steps.map((st) => st.clusters.length)).toEqual([2, 0, 0]);
    expect(m.unclustered.map((n) => n.id)).toEqual(['n4']);
    expect(m.parkingLot.map((n) => n.id)).toEqual(['n5']);
    // The parking lot is a section of its own; the empty frame f2 has no picture.
    expect(m.pictures.map((p) => p.frameId)).toEqual(['f1']);
    const f1 = m.pictures[0]!;
    expect(f1.items.filter((i) => i.kind === 'note').map((i) => i.text)).toEqual(['Cykelsti til skolen', 'Bus om aftenen', 'Flere træer', 'Legeplads']);
    expect(f1.items[0]!.kind).toBe('cluster');
    expect(f1.alt).toContain('4 sedler');
    expect(f1.stepIndexes).toEqual([0, 1]);
  });

  it('summary: the things with most dots, at most five, with their dots', () => {
    expect(scripted().summary.map((t) => [t.text, t.votes])).toEqual([['Hverdagsliv og mobilitet', 6], ['Natur', 3]]);
  });

  it('only filled action cards, trimmed, traced to their cluster and its dots', () => {
    const m = scripted();
    expect(m.actions).toHaveLength(1);
    expect(m.actions[0]).toMatchObject({ what: 'Sikker skolevej', whoDetail: 'Vejafdelingen', source: { kind: 'cluster', label: 'Hverdagsliv og mobilitet', votes: 6 } });
  });

  it('a step that never ran is "not run", never kept; a step that ran has its times', () => {
    const m = scripted();
    expect(m.steps.map((st) => [st.ran, st.outcome, st.kept])).toEqual([['yes', 'kept', true], ['yes', 'kept', true], ['no', 'not-run', false]]);
    expect(m.steps[1]!.runs).toEqual([{ start: new Date(T0 + 25 * 60_000).toISOString(), end: new Date(T0 + 110 * 60_000).toISOString(), minutes: 85 }]);
    const old = scripted(false);
    expect(old.steps.map((st) => [st.ran, st.outcome, st.kept])).toEqual([['unknown', 'unknown', false], ['unknown', 'unknown', false], ['unknown', 'unknown', false]]);
  });

  it('HTML, Markdown, CSV and the letter print every note, cluster, vote count and filled action, and no empty card', () => {
    const m = scripted();
    // The board pictures draw the board as it was (an empty cluster too): the text is checked without them.
    const html = renderHtml(m).replace(/<figure[\s\S]*?<\/figure>/g, '');
    const md = renderMarkdown(m, { images: false });
    const csv = renderCsv(m);
    const letter = renderLetterHtml(buildLetter(m));
    for (const out of [html, md, csv]) {
      for (const text of ['Cykelsti til skolen', 'Bus om aftenen', 'Flere træer', 'Legeplads', 'Hvad med skatten?', 'Hverdagsliv og mobilitet', 'Natur', 'Sikker skolevej', 'Vejafdelingen', 'Trafiktælling', 'Marts 2027']) {
        expect(out).toContain(text);
      }
      expect(out).not.toContain('()');
      expect(out).not.toMatch(/\.\./);
    }
    for (const out of [html, md]) {
      expect(out).toContain('5 prikker');
      expect(out).not.toContain('Tom gruppe');
      // One heading per cluster.
      expect(out.match(/Hverdagsliv og mobilitet<\/h3>|### 1\. Hverdagsliv og mobilitet/g)).toHaveLength(1);
      expect(out).toContain('Ikke gennemført');
      // Run times in the municipality's zone (09:00 UTC is 10:00 in Copenhagen).
      expect(out).toMatch(/10[.:]25–11[.:]50 \(85 min\.\)/);
      expect(out).toContain('Rådhuset, Aarhus');
    }
    expect(html.match(/<h3 class="note">/g)).toHaveLength(1);
    expect(md.match(/^### Sikker skolevej$/gm)).toHaveLength(1);
    expect(letter).toContain('Sikker skolevej (Kommunen, Vejafdelingen)');
    expect(letter).toContain('Vi nåede ikke dette punkt');
    expect(letter).toContain('Hverdagsliv og mobilitet (2 sedler)');
    expect(letter).toContain('Løfte s1');
  });
});
