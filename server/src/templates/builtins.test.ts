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
