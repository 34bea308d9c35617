import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import da from './locales/da.json';
import en from './locales/en.json';
import nb from './locales/nb.json';
import nn from './locales/nn.json';

/** The UI languages, in the order the switcher lists them. */
export const LANGUAGES = ['da', 'nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'sammen.language';

/**
 * Browsers report Norwegian as `no`, `nb` or `nn` (with or without a region); plain `no` means
 * Bokmål for most people, so it maps there.
 */
export function normaliseLanguage(code: string): string {
  const base = code.toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === 'no') return 'nb';
  return base;
}

/** Starts i18next: language from a saved choice, else the browser; `<html lang>` follows it. */
export function initI18n(): typeof i18n {
  const setHtmlLang = (lng: string): void => {
    document.documentElement.lang = lng;
  };
  i18n.on('languageChanged', setHtmlLang);
  void i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { da: { translation: da }, nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
      supportedLngs: [...LANGUAGES],
      nonExplicitSupportedLngs: false,
      load: 'languageOnly',
      fallbackLng: { nn: ['nb', 'en'], nb: ['nn', 'en'], da: ['nb', 'en'], default: ['en'] },
      interpolation: { escapeValue: false }, // React escapes.
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
        convertDetectedLanguage: normaliseLanguage,
      },
      returnNull: false,
    });
  setHtmlLang(i18n.resolvedLanguage ?? i18n.language ?? 'en');
  return i18n;
}

export default i18n;
