import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '@sammen/shared';
import { firstLine, pickLocalized } from './localized.js';
import { previewUrl, type TemplateEntry } from './templateApi.js';

/** "90 min", "1–30 people": numbers through Intl in the UI language. */
export function useTemplateFacts() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const minutes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  const count = new Intl.NumberFormat(locale);
  return (entry: TemplateEntry) => ({
    duration: minutes.format(entry.durationMinutes),
    group: t('newWorkshop.groupSize', { min: count.format(entry.groupSize.min), max: count.format(entry.groupSize.max) }),
  });
}

/**
 * One template in the gallery: a radio button whose label is the whole card (preview, title, one
 * line of description, duration and group size), so a tap anywhere on the card chooses it.
 * `children` are the card's own actions (rename, export, delete), outside the label.
 */
export function TemplateCard({
  entry,
  language,
  checked,
  onChoose,
  children,
}: {
  entry: TemplateEntry;
  language: Language;
  checked: boolean;
  onChoose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const facts = useTemplateFacts()(entry);
  const title = pickLocalized(entry.title, language) || entry.id;
  const description = firstLine(pickLocalized(entry.description, language));
  const inputId = `template-${entry.id}`;
  return (
    <li className={`template-card${checked ? ' chosen' : ''}`}>
      <input type="radio" name="template" id={inputId} value={entry.id} checked={checked} onChange={onChoose} className="template-radio" />
      <label htmlFor={inputId} className="template-label">
        <img
          src={previewUrl(entry.id, language)}
          alt={t('newWorkshop.previewAlt', { title })}
          className="template-preview"
          width={320}
          height={200}
          loading="lazy"
        />
        <span className="template-title">{title}</span>
        {description && <span className="template-description">{description}</span>}
        <span className="template-facts">
          <span>{facts.duration}</span>
          <span aria-hidden="true"> · </span>
          <span>{facts.group}</span>
        </span>
      </label>
      {children && <div className="template-actions">{children}</div>}
    </li>
  );
}

/** The "blank board" choice: no template, an empty board and an empty agenda. */
export function BlankCard({ checked, onChoose }: { checked: boolean; onChoose: () => void }) {
  const { t } = useTranslation();
  return (
    <li className={`template-card${checked ? ' chosen' : ''}`}>
      <input type="radio" name="template" id="template-blank" value="" checked={checked} onChange={onChoose} className="template-radio" />
      <label htmlFor="template-blank" className="template-label">
        <span className="template-preview template-blank" aria-hidden="true" />
        <span className="template-title">{t('newWorkshop.blank')}</span>
        <span className="template-description">{t('newWorkshop.blankDescription')}</span>
      </label>
    </li>
  );
}
