import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import da from './locales/da.json';
import en from './locales/en.json';
import nb from './locales/nb.json';
import nn from './locales/nn.json';

/**
 * Plurals come out right for 0, 1 and 2 in every language: i18next picks `_one` or `_other` through
 * Intl.PluralRules, so 1 is singular and 0 and 2 are plural in Danish, Bokmål, Nynorsk and English.
 */
const expected: Record<string, Record<string, [string, string, string]>> = {
  da: {
    'a11y.view.notes': ['0 sedler', '1 seddel', '2 sedler'],
    'a11y.announce.dots': ['0 prikker', '1 prik', '2 prikker'],
    'workshop.results.dots': ['0 prikker', '1 prik', '2 prikker'],
  },
  nb: {
    'a11y.view.notes': ['0 lapper', '1 lapp', '2 lapper'],
    'a11y.announce.dots': ['0 prikker', '1 prikk', '2 prikker'],
  },
  nn: {
    'a11y.view.notes': ['0 lappar', '1 lapp', '2 lappar'],
    'a11y.announce.dots': ['0 prikkar', '1 prikk', '2 prikkar'],
  },
  en: {
    'a11y.view.notes': ['0 notes', '1 note', '2 notes'],
    'a11y.view.frames': ['0 frames', '1 frame', '2 frames'],
    'a11y.announce.dots': ['0 dots', '1 dot', '2 dots'],
  },
};

describe('plurals for 0, 1 and 2', async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { da: { translation: da }, nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
    lng: 'en',
    interpolation: { escapeValue: false },
  });
  for (const [lng, keys] of Object.entries(expected)) {
    it(`${lng}`, () => {
      const t = i18n.getFixedT(lng);
      for (const [key, forms] of Object.entries(keys)) {
        expect([0, 1, 2].map((count) => t(key, { count })), key).toEqual(forms);
      }
    });
  }

  it('every _one key has its _other, in every language, and the same keys hold a {{count}}', () => {
    for (const locale of [da, nb, nn, en]) {
      const flat = JSON.stringify(locale);
      for (const m of flat.matchAll(/"(\w+)_one":/g)) expect(flat, m[1]).toContain(`"${m[1]}_other":`);
    }
  });
});
