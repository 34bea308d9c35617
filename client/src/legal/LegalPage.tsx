import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../ui/LanguageSwitcher.js';
import { BrandLink } from '../ui/BrandLink.js';
import '../a11y/a11y.css';

/** When the statement and the notice were last reviewed (shown through Intl in the reader's language). */
export const LEGAL_REVIEWED = '2026-11-22';

/** One section of a legal page: a heading, then paragraphs or a list, all from `legal.<page>.*`. */
export interface LegalSection {
  heading: string;
  paragraphs?: readonly string[];
  list?: readonly string[];
}

/** A legal page: the site header, the page's title and sections, and the review date. */
export function LegalPage({ page, sections }: { page: 'accessibility' | 'privacy'; sections: readonly LegalSection[] }) {
  const { t, i18n } = useTranslation();
  const title = t(`legal.${page}.title`);
  useEffect(() => {
    document.title = `${title} – Sammen`;
  }, [title]);
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(LEGAL_REVIEWED));
  return (
    <div className="legal">
      <header className="home-header">
        <BrandLink />
        <LanguageSwitcher />
      </header>
      <main className="legal-main">
        <h1>{title}</h1>
        <p>{t(`legal.${page}.intro`)}</p>
        {sections.map((s) => (
          <section key={s.heading} aria-labelledby={`legal-${s.heading}`}>
            <h2 id={`legal-${s.heading}`}>{t(`legal.${page}.${s.heading}`)}</h2>
            {s.paragraphs?.map((p) => <p key={p}>{t(`legal.${page}.${p}`)}</p>)}
            {s.list && (
              <ul>
                {s.list.map((p) => (
                  <li key={p}>{t(`legal.${page}.${p}`)}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
        <p className="legal-updated">
          <time dateTime={LEGAL_REVIEWED}>{t('legal.updated', { date })}</time>
        </p>
      </main>
    </div>
  );
}

const range = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/** `/accessibility`: what conforms and what does not yet (EN 301 549 / WCAG 2.1 AA). */
export function AccessibilityStatement() {
  return (
    <LegalPage
      page="accessibility"
      sections={[
        { heading: 'statusHeading', paragraphs: ['status'] },
        { heading: 'worksHeading', list: range('works', 7) },
        { heading: 'notYetHeading', list: range('notYet', 6) },
        { heading: 'feedbackHeading', paragraphs: ['feedback'] },
        { heading: 'enforcementHeading', paragraphs: ['enforcement'] },
      ]}
    />
  );
}

/** `/privacy`: what Sammen keeps, for how long, and what it never does. */
export function PrivacyNotice() {
  return (
    <LegalPage
      page="privacy"
      sections={[
        { heading: 'keptHeading', list: range('kept', 5) },
        { heading: 'howLongHeading', paragraphs: ['howLong'] },
        { heading: 'notHeading', list: range('not', 3) },
        { heading: 'browserHeading', paragraphs: ['browser'] },
        { heading: 'rightsHeading', paragraphs: ['rights'] },
      ]}
    />
  );
}
