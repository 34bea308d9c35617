import { describe, expect, it } from 'vitest';
import { firstLine, pickLocalized } from './localized.js';

describe('pickLocalized', () => {
  it('picks the language asked for', () => {
    expect(pickLocalized({ da: 'Borgermøde', en: 'Citizen meeting' }, 'da')).toBe('Borgermøde');
  });

  it('falls back to the nearest Scandinavian language before English', () => {
    expect(pickLocalized({ nb: 'Innbyggermøte', en: 'Citizen meeting' }, 'nn')).toBe('Innbyggermøte');
    expect(pickLocalized({ nb: 'Innbyggermøte', en: 'Citizen meeting' }, 'da')).toBe('Innbyggermøte');
    expect(pickLocalized({ da: 'Borgermøde', nb: 'Innbyggermøte' }, 'en')).toBe('Borgermøde');
  });

  it('skips empty strings and gives an empty string when there is nothing', () => {
    expect(pickLocalized({ da: ' ', en: 'Meeting' }, 'da')).toBe('Meeting');
    expect(pickLocalized({}, 'da')).toBe('');
  });
});

describe('firstLine', () => {
  it('keeps only the first line', () => {
    expect(firstLine('  One line\nand more')).toBe('One line');
  });
});
