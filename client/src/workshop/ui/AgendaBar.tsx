import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopView } from '@sammen/shared';
import { Timer } from './Timer.js';
import { WIcon } from './workshopIcons.js';

/**
 * The agenda as participants see it: which step of how many, its title and instructions, its
 * participation level and its promise ("Your input will be used to: …"), and the timer. The details
 * fold away (phones have little room); the step title and the timer always stay visible.
 */
export function AgendaBar({ view, clockOffset }: { view: WorkshopView; clockOffset: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const detailsId = useId();
  const { steps, current } = view.agenda;
  const step = steps[current];
  const hasTimer = view.timer.status !== 'idle' || view.timer.durationMs > 0;
  if (!step && !hasTimer) return null;

  return (
    <section className="agenda-bar" aria-label={t('workshop.agenda.label')} data-testid="agenda-bar">
      <div className="agenda-row">
        {step ? (
          <h2 className="agenda-title">
            <span className="agenda-step">{t('workshop.agenda.step', { n: current + 1, total: steps.length })}</span>{' '}
            <span>{step.title}</span>
          </h2>
        ) : (
          <span className="spacer" />
        )}
        {hasTimer && <Timer timer={view.timer} clockOffset={clockOffset} />}
        {step && (
          <button
            type="button"
            className="icon-button"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={open ? t('workshop.agenda.hideDetails') : t('workshop.agenda.showDetails')}
            title={open ? t('workshop.agenda.hideDetails') : t('workshop.agenda.showDetails')}
            onClick={() => setOpen(!open)}
          >
            <WIcon name={open ? 'chevronUp' : 'chevronDown'} />
          </button>
        )}
      </div>
      {step && (
        <div id={detailsId} className="agenda-details" hidden={!open}>
          {step.participantText && <p className="agenda-instructions">{step.participantText}</p>}
          <p className="agenda-promise">
            <span className={`level-badge level-${step.level}`}>
              {t('workshop.level.label')}: {t(`workshop.level.${step.level}`)}
            </span>{' '}
            {step.promise && <span>{t('workshop.agenda.promise', { promise: step.promise })}</span>}
          </p>
        </div>
      )}
    </section>
  );
}
