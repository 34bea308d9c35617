import type { Language, Localized } from '@sammen/shared';

/**
 * The order in which to fall back when a template lacks the chosen language: the neighbouring
 * Scandinavian written languages first (a Nynorsk reader reads Bokmål more easily than English),
 * English last for Scandinavians and first for English readers.
 */
const FALLBACK: Record<Language, readonly Language[]> = {
  da: ['da', 'nb', 'nn', 'en'],
  nb: ['nb', 'nn', 'da', 'en'],
  nn: ['nn', 'nb', 'da', 'en'],
  en: ['en', 'da', 'nb', 'nn'],
};

/** A template string in `language`, or the nearest language it has; '' when it has none. */
export function pickLocalized(text: Localized, language: Language): string {
  for (const l of FALLBACK[language]) {
    const value = text[l];
    if (value !== undefined && value.trim() !== '') return value;
  }
  return '';
}

/** The first line of a text (descriptions on a gallery card are one line). */
export const firstLine = (text: string): string => text.split('\n', 1)[0]!.trim();
