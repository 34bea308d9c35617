import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Ellipsis } from 'lucide-react';
import type { WorkshopView } from '@sammen/shared';
import { Timer } from '../ui/Timer.js';
import { useDismiss } from '../ui/useDismiss.js';
import { PhoneSheet } from './PhoneSheet.js';
import { participantText } from './stepText.js';
import './phone.css';

interface Props {
  title: string;
  view: WorkshopView | null;
  clockOffset: number;
  /** The connection indicator. */
  status: ReactNode;
  /** What the desktop header holds besides the title (list view, language, about), in a menu here. */
  menu: ReactNode;
  /** The step's text for participants under the header (a facilitator has it in the run sheet). */
  instruction?: boolean;
}

/**
 * The header on a phone, for every role: one line with the step (number and title), its timer, the
 * connection and a menu; for participants under it the step's text in one line, with "More" for all
 * of it. The board's title is the page's heading (read out, shown in the menu); an open board shows it.
 */
export function PhoneHeader({ title, view, clockOffset, status, menu, instruction = true }: Props) {
  const { t } = useTranslation();
  const [sheet, setSheet] = useState<'step' | 'menu' | null>(null);
  const close = useCallback(() => setSheet(null), []);
  const steps = view?.agenda.steps ?? [];
  const current = view?.agenda.current ?? 0;
  const step = steps[current] ?? null;
  const text = step ? participantText(step) || step.promise : '';
  const hasTimer = !!view && (view.timer.status !== 'idle' || view.timer.durationMs > 0);
  return (
    <>
      <header className="phone-header" data-testid="phone-header">
        <h1 className="visually-hidden">{title}</h1>
        {step ? (
          <h2 className="phone-step-title">
            <span className="phone-step-n" aria-hidden="true">
              {current + 1}/{steps.length}
            </span>
            <span className="visually-hidden">{t('workshop.agenda.step', { n: current + 1, total: steps.length })}</span>{' '}
            {step.title}
          </h2>
        ) : (
          <p className="phone-step-title" aria-hidden="true">
            {title}
          </p>
        )}
        {view && hasTimer && <Timer timer={view.timer} clockOffset={clockOffset} />}
        {status}
        <PhoneMenu>{menu}</PhoneMenu>
      </header>
      {instruction && step && text && (
        <div className="phone-instruction" data-testid="phone-instruction">
          <p className="phone-instruction-text">{text}</p>
          <button type="button" className="phone-more" onClick={() => setSheet('step')} aria-haspopup="dialog">
            {t('workshop.phone.more')}
          </button>
        </div>
      )}
      {sheet === 'step' && step && (
        <PhoneSheet title={step.title} onClose={close} testId="step-sheet">
          {view && hasTimer && <Timer timer={view.timer} clockOffset={clockOffset} />}
          {participantText(step) && <p className="phone-step-text">{participantText(step)}</p>}
          <p>
            <span className={`level-badge level-${step.level}`}>
              {t('workshop.level.label')}: {t(`workshop.level.${step.level}`)}
            </span>
          </p>
          {step.promise && <p>{t('workshop.agenda.promise', { promise: step.promise })}</p>}
        </PhoneSheet>
      )}
    </>
  );
}

/** The "…" menu: a popover with the rest of the header. */
function PhoneMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, rootRef, buttonRef);
  return (
    <div className="phone-menu" ref={rootRef}>
      <button ref={buttonRef} type="button" className="touch-icon-button" aria-expanded={open} aria-label={t('workshop.phone.menu')} onClick={() => setOpen(!open)}>
        <Ellipsis size={22} aria-hidden="true" />
      </button>
      {open && (
        <div className="phone-menu-panel" data-testid="phone-menu">
          {children}
        </div>
      )}
    </div>
  );
}
