import { useTranslation } from 'react-i18next';
import { AUDIENCES, type Audience } from '@sammen/shared';
import { DURATION_BANDS, type DurationBand, EMPTY_QUERY, type TemplateQuery, isFiltering } from './templateFilter.js';

/**
 * Search box and filters above the template gallery: a labelled search field, audience, length and
 * number of people, and a live count of the templates shown (announced politely to screen readers).
 */
export function TemplateFilters({ query, onChange, shown }: { query: TemplateQuery; onChange: (q: TemplateQuery) => void; shown: number }) {
  const { t } = useTranslation();
  const set = (patch: Partial<TemplateQuery>) => onChange({ ...query, ...patch });
  return (
    <div className="template-filters" role="search" aria-label={t('newWorkshop.searchLabel')}>
      <div className="field template-search">
        <label htmlFor="template-search">{t('newWorkshop.search')}</label>
        <input
          id="template-search"
          type="search"
          value={query.text}
          placeholder={t('newWorkshop.searchPlaceholder')}
          onChange={(e) => set({ text: e.target.value })}
          autoComplete="off"
          aria-describedby="template-count"
        />
      </div>
      <div className="field">
        <label htmlFor="template-audience">{t('newWorkshop.audience')}</label>
        <select id="template-audience" value={query.audience} onChange={(e) => set({ audience: e.target.value as Audience | '' })}>
          <option value="">{t('newWorkshop.audienceAny')}</option>
          {AUDIENCES.map((a) => (
            <option key={a} value={a}>
              {t(`newWorkshop.audience_${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="template-duration">{t('newWorkshop.duration')}</label>
        <select id="template-duration" value={query.duration} onChange={(e) => set({ duration: e.target.value as DurationBand | '' })}>
          <option value="">{t('newWorkshop.durationAny')}</option>
          {DURATION_BANDS.map((b) => (
            <option key={b} value={b}>
              {t(`newWorkshop.duration_${b}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field template-people">
        <label htmlFor="template-people">{t('newWorkshop.people')}</label>
        <input
          id="template-people"
          type="number"
          inputMode="numeric"
          min={1}
          max={10000}
          value={query.people ?? ''}
          onChange={(e) => {
            const n = Number.parseInt(e.target.value, 10);
            set({ people: Number.isFinite(n) && n > 0 ? n : null });
          }}
        />
      </div>
      <p id="template-count" className="template-count" role="status" aria-live="polite" data-testid="template-count" data-count={shown}>
        {t('newWorkshop.shown', { count: shown })}
        {isFiltering(query) && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={() => onChange(EMPTY_QUERY)}>
              {t('newWorkshop.clearFilters')}
            </button>
          </>
        )}
      </p>
    </div>
  );
}
