import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, completeLanguages, instantiateTemplate, validateElement } from '@sammen/shared';
import { loadBuiltInTemplates } from './TemplateLibrary.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');
const templates = loadBuiltInTemplates(dir); // throws, naming the file and field, if one is invalid

const EXPECTED = [
  'active-citizens', 'budget-workshop', 'citizen-conversation', 'do-together', 'innovation-lab',
  'participation-ladder', 'politician-role', 'politicians-inspiration', 'strategic-dialogue', 'what-matters',
];

describe('built-in templates', () => {
  it('the politician\'s role shows Kommune 1.0/2.0/3.0 as one table: a header once, three columns, a label per row, eight rows', () => {
    const t = templates.find((x) => x.id === 'politician-role')!;
    const frames = t.elements.filter((e) => e.type === 'frame');
    // One frame holds the table; no grid of frames each titled with a column.
    expect(frames.filter((f) => /^Kommunen? [123]\.0$/.test(f.title.da ?? '') || !f.title.da?.trim()).map((f) => f.id)).toEqual([]);
    expect(frames.map((f) => f.id)).toContain('grid');
    const cells = new Map(t.elements.filter((e) => e.type === 'shape').filter((e) => e.frameId === 'grid').map((e) => [e.id, e]));
    const heads = [1, 2, 3].map((c) => cells.get(`head-${c}`)!);
    expect(heads.map((h) => h.text.da?.split('\n')[0])).toEqual(['Kommunen 1.0', 'Kommunen 2.0', 'Kommunen 3.0']);
    for (let r = 1; r <= 8; r++) {
      const label = cells.get(`row-${r}-label`)!;
      expect(label.text.en?.trim()).toBeTruthy();
      for (let c = 1; c <= 3; c++) {
        const cell = cells.get(`cell-${r}-${c}`)!;
        // In its row (same top as the label) and in its column (same left as the header).
        expect([cell.y, cell.x]).toEqual([label.y, heads[c - 1]!.x]);
        expect(cell.text.da?.trim()).toBeTruthy();
      }
    }
    // Every step about the grid shows the whole table.
    expect(t.agenda.filter((s) => s.frameId === 'grid').length).toBeGreaterThanOrEqual(2);
  });

  it('are the eight formats from the sources and the two named questions', () => {
    expect(templates.map((t) => t.id).sort()).toEqual(EXPECTED);
  });

  it('the two named templates carry their question in their title, in every language', () => {
    const byId = new Map(templates.map((t) => [t.id, t]));
    const questions = {
      'what-matters': { da: 'Hvad er vigtigt for dig?', nb: 'Hva er viktig for deg?', nn: 'Kva er viktig for deg?', en: 'What matters to you?' },
      'do-together': { da: 'Hvad kan vi gøre sammen?', nb: 'Hva kan vi gjøre sammen?', nn: 'Kva kan vi gjere saman?', en: 'What can we do together?' },
    } as const;
    for (const [id, question] of Object.entries(questions)) {
      for (const language of LANGUAGES) expect(byId.get(id)?.title[language], `${id} ${language}`).toContain(question[language]);
    }
    // The co-creation workshop ends in action cards.
    expect(byId.get('do-together')?.elements.filter((e) => e.type === 'action').length).toBeGreaterThanOrEqual(3);
  });

  for (const template of templates) {
    it(`${template.id}: v2, every string in every language, and valid elements in each`, () => {
      // The files themselves are current: built-ins never lean on the migration.
      expect(JSON.parse(fs.readFileSync(path.join(dir, `${template.id}.json`), 'utf8')).version).toBe(2);
      expect(completeLanguages(template)).toEqual([...LANGUAGES]);
      for (const language of LANGUAGES) {
        const { elements, agenda } = instantiateTemplate(template, language);
        for (const el of elements) expect(validateElement(el), `${language} ${el.id}`).toMatchObject({ ok: true });
        expect(agenda.length).toBeGreaterThan(0);
        for (const step of agenda) {
          expect(step.title.trim(), `${language} step ${step.id}`).not.toBe('');
          expect(step.participantText.trim(), `${language} step ${step.id}`).not.toBe('');
          expect(step.facilitatorNotes.trim(), `${language} step ${step.id}`).not.toBe('');
          // Participant text is short and plain (one or two sentences on a phone), and never the script.
          expect(step.participantText.length, `${language} step ${step.id}`).toBeLessThanOrEqual(180);
          expect(step.participantText, `${language} step ${step.id}`).not.toBe(step.facilitatorNotes);
          expect(step.promise.trim(), `${language} step ${step.id}`).not.toBe('');
          expect(step.minutes).toBeGreaterThan(0);
        }
      }
      // The gallery filters by audience: every built-in says who it is for.
      expect(template.audience?.length, 'audience').toBeGreaterThan(0);
      expect(template.title.da).not.toBe(template.title.en);
      expect(template.title.nn).toBeTruthy();
    });
  }
});
