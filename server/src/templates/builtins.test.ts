import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, completeLanguages, instantiateTemplate, validateElement } from '@sammen/shared';
import { loadBuiltInTemplates } from './TemplateLibrary.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../templates');
const templates = loadBuiltInTemplates(dir); // throws, naming the file and field, if one is invalid

const EXPECTED = [
  'active-citizens', 'budget-workshop', 'citizen-conversation', 'innovation-lab',
  'participation-ladder', 'politician-role', 'politicians-inspiration', 'strategic-dialogue',
];

describe('built-in templates', () => {
  it('are the eight formats from the sources', () => {
    expect(templates.map((t) => t.id).sort()).toEqual(EXPECTED);
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
      expect(template.title.da).not.toBe(template.title.en);
      expect(template.title.nn).toBeTruthy();
    });
  }
});
