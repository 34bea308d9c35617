import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n/index.js';

/** A native select: keyboard and screen-reader friendly, and each language named in itself. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = (LANGUAGES as readonly string[]).includes(i18n.resolvedLanguage ?? '') ? i18n.resolvedLanguage : 'en';
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('language.label')}</span>
      <select value={current} onChange={(e) => void i18n.changeLanguage(e.target.value)} aria-label={t('language.label')}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
