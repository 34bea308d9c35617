import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '@sammen/shared';
import { LANGUAGES } from '../i18n/index.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { loadName, saveName } from './localProfile.js';
import { OwnTemplates } from './OwnTemplates.js';
import { navigate } from './router.js';
import { BlankCard, TemplateCard } from './TemplateCard.js';
import { TemplateFilters } from './TemplateFilters.js';
import { EMPTY_QUERY, matchesQuery, type TemplateQuery } from './templateFilter.js';
import { RequestError, createWorkshop, listTemplates, type TemplateEntry } from './templateApi.js';
import './controls.css';
import './newWorkshop.css';
import { BrandLink } from './BrandLink.js';

/** Retention a facilitator can pick (days after the board's last change); the server may cap it. */
const RETENTION_CHOICES = [7, 30, 90, 365] as const;

type Listing = { status: 'loading' } | { status: 'ok'; templates: TemplateEntry[] } | { status: 'error' };

const uiLanguage = (lng: string | undefined): Language =>
  (LANGUAGES as readonly string[]).includes(lng ?? '') ? (lng as Language) : 'en';

/**
 * `/new`: a facilitator sets up a workshop (title, language, their name, a template) and lands on the
 * board as its facilitator. The facilitator token travels in the URL fragment (never sent to a
 * server in a request line), where the board page picks it up and keeps it.
 */
export function NewWorkshopPage() {
  const { t, i18n } = useTranslation();
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<Language>(() => uiLanguage(i18n.resolvedLanguage));
  const [name, setName] = useState(() => loadName() ?? '');
  const [template, setTemplate] = useState('');
  // '' = the server's default; '0' = kept until the facilitator deletes it; otherwise days.
  const [retention, setRetention] = useState('');
  const [place, setPlace] = useState('');
  const [question, setQuestion] = useState('');
  const [listing, setListing] = useState<Listing>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState<TemplateQuery>(EMPTY_QUERY);

  const load = useCallback((choose?: string) => {
    listTemplates().then(
      (templates) => {
        setListing({ status: 'ok', templates });
        // A deleted template cannot stay chosen; an imported one is chosen at once.
        setTemplate((current) => choose ?? (templates.some((x) => x.id === current) ? current : ''));
      },
      () => setListing({ status: 'error' }),
    );
  }, []);
  useEffect(() => load(), [load]);

  useEffect(() => {
    document.title = `${t('newWorkshop.title')} – Sammen`;
  }, [t]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !title.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const trimmedName = name.trim();
      if (trimmedName) saveName(trimmedName);
      const created = await createWorkshop({
        title: title.trim(),
        language,
        ...(template ? { template } : {}),
        ...(trimmedName ? { facilitatorName: trimmedName } : {}),
        ...(retention ? { retentionDays: Number(retention) } : {}),
        ...(place.trim() ? { place: place.trim() } : {}),
        ...(question.trim() ? { question: question.trim() } : {}),
      });
      navigate(`/b/${encodeURIComponent(created.boardId)}#token=${encodeURIComponent(created.facilitatorToken)}`);
    } catch (err) {
      setError(err instanceof RequestError && err.status === 400 ? t('newWorkshop.invalid', { message: err.message }) : t('newWorkshop.createError'));
      setBusy(false);
    }
  };

  const all = listing.status === 'ok' ? listing.templates : [];
  // Search in the language the cards are shown in and in the page's own language.
  const searchLanguages = [...new Set([language, uiLanguage(i18n.resolvedLanguage)])];
  const matches = (x: TemplateEntry) => matchesQuery(x, query, searchLanguages);
  const builtIn = all.filter((x) => x.builtIn && matches(x));
  // The facilitator's own templates are always listed in full (their section also imports and renames).
  const own = all.filter((x) => x.own);
  // Saved on this server by other browsers (colleagues): usable, but only their owner can change them.
  const shared = all.filter((x) => !x.builtIn && !x.own && matches(x));

  return (
    <div className="home">
      <header className="home-header">
        <BrandLink />
        <LanguageSwitcher />
      </header>
      <main className="home-main new-workshop">
        <h1>{t('newWorkshop.title')}</h1>
        <p className="home-intro">{t('newWorkshop.intro')}</p>
        <form onSubmit={(e) => void onSubmit(e)} className="new-workshop-form">
          <div className="field">
            <label htmlFor="workshop-title">{t('newWorkshop.workshopTitle')}</label>
            <input
              id="workshop-title"
              required
              maxLength={200}
              value={title}
              placeholder={t('newWorkshop.workshopTitlePlaceholder')}
              onChange={(e) => setTitle(e.target.value)}
              autoComplete="off"
            />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="workshop-language">{t('newWorkshop.language')}</label>
              <select id="workshop-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {t(`language.${l}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="facilitator-name">{t('newWorkshop.yourName')}</label>
              <input id="facilitator-name" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
            </div>
          </div>

          <div className="field">
            <label htmlFor="workshop-question">{t('newWorkshop.question')}</label>
            <input
              id="workshop-question"
              maxLength={500}
              value={question}
              placeholder={t('newWorkshop.questionPlaceholder')}
              onChange={(e) => setQuestion(e.target.value)}
              autoComplete="off"
              aria-describedby="workshop-report-help"
            />
          </div>
          <div className="field">
            <label htmlFor="workshop-place">{t('newWorkshop.place')}</label>
            <input
              id="workshop-place"
              maxLength={200}
              value={place}
              placeholder={t('newWorkshop.placePlaceholder')}
              onChange={(e) => setPlace(e.target.value)}
              autoComplete="off"
              aria-describedby="workshop-report-help"
            />
            <p id="workshop-report-help" className="field-help">
              {t('newWorkshop.reportHelp')}
            </p>
          </div>

          <div className="field">
            <label htmlFor="workshop-retention">{t('newWorkshop.retention')}</label>
            <select id="workshop-retention" value={retention} onChange={(e) => setRetention(e.target.value)} aria-describedby="workshop-retention-help">
              <option value="">{t('newWorkshop.retentionDefault')}</option>
              {RETENTION_CHOICES.map((days) => (
                <option key={days} value={String(days)}>
                  {t('newWorkshop.retentionDays', { count: days })}
                </option>
              ))}
              <option value="0">{t('newWorkshop.retentionKeep')}</option>
            </select>
            <p id="workshop-retention-help" className="field-help">
              {t('newWorkshop.retentionHelp')}
            </p>
          </div>

          <fieldset className="template-gallery">
            <legend>{t('newWorkshop.template')}</legend>
            {listing.status === 'loading' && <p role="status">{t('newWorkshop.loadingTemplates')}</p>}
            {listing.status === 'error' && (
              <p role="alert" className="error">
                {t('newWorkshop.templatesError')}{' '}
                <button type="button" onClick={() => load()}>
                  {t('board.retry')}
                </button>
              </p>
            )}
            {listing.status === 'ok' && <TemplateFilters query={query} onChange={setQuery} shown={builtIn.length + shared.length} />}
            <ul className="template-grid" data-testid="template-gallery">
              <BlankCard checked={template === ''} onChoose={() => setTemplate('')} />
              {builtIn.map((entry) => (
                <TemplateCard key={entry.id} entry={entry} language={language} checked={template === entry.id} onChoose={() => setTemplate(entry.id)} />
              ))}
            </ul>
            {shared.length > 0 && (
              <section aria-labelledby="shared-templates-heading">
                <h3 id="shared-templates-heading">{t('newWorkshop.sharedTemplates')}</h3>
                <ul className="template-grid">
                  {shared.map((entry) => (
                    <TemplateCard key={entry.id} entry={entry} language={language} checked={template === entry.id} onChoose={() => setTemplate(entry.id)} />
                  ))}
                </ul>
              </section>
            )}
            {listing.status === 'ok' && (
              <OwnTemplates
                templates={own}
                language={language}
                chosen={template}
                onChoose={setTemplate}
                onChanged={load}
              />
            )}
          </fieldset>

          <div className="form-actions">
            <button type="submit" className="primary big" disabled={busy || !title.trim()}>
              {busy ? t('newWorkshop.creating') : t('newWorkshop.create')}
            </button>
          </div>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </form>
      </main>
    </div>
  );
}
