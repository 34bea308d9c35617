import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY, durationBand, fold, matchesQuery, matchesText } from './templateFilter.js';
import type { TemplateEntry } from './templateApi.js';

const entry = (over: Partial<TemplateEntry> = {}): TemplateEntry => ({
  id: 'do-together',
  builtIn: true,
  title: { da: 'Hvad kan vi gøre sammen? Samskabelsesværksted', nb: 'Hva kan vi gjøre sammen? Samskapingsverksted', en: 'What can we do together? Co-creation workshop' },
  description: { da: 'Borgere og foreninger laver handlingskort.', en: 'Citizens and associations make action cards.' },
  durationMinutes: 90,
  groupSize: { min: 8, max: 40 },
  audience: ['citizens', 'politicians'],
  languages: ['da', 'nb', 'en'],
  ...over,
});

describe('template search', () => {
  it('folds case, accents, ø and æ', () => {
    expect(fold('Gøre SAMMEN')).toBe('gore sammen');
    expect(fold('Værksted – Kva')).toBe('vaerksted – kva');
    expect(fold('Førehand på')).toBe('forehand pa');
  });

  it('finds a word of the title or description with or without its accents, in the languages asked', () => {
    expect(matchesText(entry(), 'gøre', ['da'])).toBe(true);
    expect(matchesText(entry(), 'gore', ['da'])).toBe(true);
    expect(matchesText(entry(), 'samskabelsesvaerksted', ['da'])).toBe(true);
    expect(matchesText(entry(), 'handlingskort', ['da'])).toBe(true);
    expect(matchesText(entry(), 'sammen gøre', ['da'])).toBe(true);
    expect(matchesText(entry(), 'gjøre', ['da'])).toBe(false);
    expect(matchesText(entry(), 'gjøre', ['nb'])).toBe(true);
    expect(matchesText(entry(), 'budget', ['da', 'en'])).toBe(false);
    expect(matchesText(entry(), '  ', ['da'])).toBe(true);
  });

  it('filters by audience, duration band and number of people', () => {
    const q = EMPTY_QUERY;
    expect(matchesQuery(entry(), { ...q, audience: 'politicians' }, ['en'])).toBe(true);
    expect(matchesQuery(entry(), { ...q, audience: 'staff' }, ['en'])).toBe(false);
    expect(matchesQuery(entry({ audience: [] }), { ...q, audience: 'staff' }, ['en'])).toBe(true);
    expect(durationBand(60)).toBe('short');
    expect(durationBand(90)).toBe('medium');
    expect(durationBand(121)).toBe('long');
    expect(matchesQuery(entry(), { ...q, duration: 'medium' }, ['en'])).toBe(true);
    expect(matchesQuery(entry(), { ...q, duration: 'short' }, ['en'])).toBe(false);
    expect(matchesQuery(entry(), { ...q, people: 8 }, ['en'])).toBe(true);
    expect(matchesQuery(entry(), { ...q, people: 41 }, ['en'])).toBe(false);
    expect(matchesQuery(entry(), { ...q, people: 5 }, ['en'])).toBe(false);
  });
});
