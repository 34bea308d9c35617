import { describe, expect, it } from 'vitest';
import { LANGUAGES, type OpinionMark } from '@sammen/shared';
import { computeOpinionMap } from '../workshops/opinionMap.js';
import { opinionBlocks, reportOpinionRound } from './opinionSection.js';
import { paperOutline } from './paperOutline.js';
import { REPORT_STRINGS } from './reportStrings.js';
import type { ReportModel } from './types.js';

const statements = [
  { id: 's0', text: 'Flere bænke ved søen' },
  { id: 's1', text: 'Bilfri gader' },
  { id: 's2', text: 'Flere p-pladser' },
];
const marks: Record<string, Record<string, OpinionMark>> = {};
for (let i = 0; i < 12; i++) marks[`member${i}`] = { s0: 'agree', s1: i < 7 ? 'agree' : 'disagree', s2: i < 7 ? 'disagree' : 'agree' };
marks.loner = { s0: 'disagree' };
const result = computeOpinionMap({ statements, marks }, { id: 'r', title: 'Trafik', revealedAt: 1 });

describe('the opinion round in the report', () => {
  it('carries groups by letter, the three lists, and nothing that names anyone', () => {
    const round = reportOpinionRound(result);
    expect(round.groups).toEqual([{ letter: 'A', size: 7 }, { letter: 'B', size: 5 }]);
    expect(round.consensus.map((c) => c.text)).toEqual(['Flere bænke ved søen']);
    expect(round.divisive.map((d) => d.text).sort()).toEqual(['Bilfri gader', 'Flere p-pladser']);
    expect(round.participants).toBe(13);
    expect(round.grouped).toBe(12);
    expect(JSON.stringify(round)).not.toMatch(/member|loner/);
  });

  it('is a section in every language and in the paper outline (PDF and Word)', () => {
    const round = reportOpinionRound(result);
    for (const lang of LANGUAGES) {
      const blocks = opinionBlocks(REPORT_STRINGS[lang].opinion, [round]);
      expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: REPORT_STRINGS[lang].opinion.heading });
      expect(JSON.stringify(blocks)).toContain('Flere bænke ved søen');
    }
    expect(opinionBlocks(REPORT_STRINGS.da.opinion, [])).toEqual([]);
    const text = JSON.stringify(opinionBlocks(REPORT_STRINGS.da.opinion, [round]));
    expect(text).toContain('Gruppe A: 7 personer');
    expect(text).toContain('Flere bænke ved søen (alle er enige)');
    // The paper outline places it after the priorities.
    const outline = paperOutline({ ...minimalModel(), opinions: [round] });
    const headings = outline.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text);
    expect(headings.indexOf('Meningsrunder')).toBeGreaterThan(headings.indexOf('Prioriteringer'));
  });
});

function minimalModel(): ReportModel {
  return {
    language: 'da', title: 'T', createdAt: '2026-01-01T00:00:00.000Z', plannedMinutes: 0, roles: { facilitator: 1, cofacilitator: 0, participant: 0 },
    steps: [], votes: [], opinions: [], actions: [], parkingLot: [], notes: [], frames: [], timeZone: 'Europe/Copenhagen',
    front: { title: 'T', date: '2026-01-01T00:00:00.000Z', held: null, place: null, question: null, participants: [], plannedMinutes: 0 },
    summary: [], clusters: [], unclustered: [], pictures: [],
  } as ReportModel;
}
