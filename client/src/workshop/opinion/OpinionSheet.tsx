import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Check, CircleSlash, ThumbsDown, ThumbsUp } from 'lucide-react';
import type { OpinionMark, OpinionView } from '@sammen/shared';
import { PhoneSheet } from '../phone/PhoneSheet.js';
import { MARK_ORDER, markedCount, nextUnmarked } from './opinionCards.js';
import { SuggestForm } from './SuggestForm.js';
import type { OpinionActions } from './useOpinionActions.js';

const ICONS = { agree: ThumbsUp, disagree: ThumbsDown, pass: CircleSlash } as const;

/**
 * The opinion round on a phone: one statement at a time as a big card, and three buttons under the
 * thumb; a tap marks and moves on to the next unmarked card. Back and forth to change a mark; when
 * all are marked, a short "done" with the way back to every card.
 */
export function OpinionSheet({ round, actions, onClose }: { round: OpinionView; actions: OpinionActions; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const total = round.statements.length;
  const [at, setAt] = useState(() => Math.max(0, nextUnmarked(round, -1)));
  const [reviewing, setReviewing] = useState(false);
  const done = markedCount(round);
  const allDone = done === total && !reviewing;
  const index = Math.min(at, total - 1);
  const statement = round.statements[index];

  const mark = (m: OpinionMark): void => {
    if (!statement) return;
    const next = nextUnmarked({ statements: round.statements, myMarks: { ...round.myMarks, [statement.id]: m } }, index);
    void actions.mark(statement.id, m).then((ok) => {
      if (!ok) return;
      if (next === -1) setReviewing(false);
      else setAt(next);
    });
  };

  return (
    <PhoneSheet title={round.title || t('opinion.title')} onClose={onClose} testId="opinion-sheet">
      <p className="opinion-meta" aria-live="polite">
        {t('opinion.marked', { done: number.format(done), total: number.format(total) })}
      </p>
      {allDone || !statement ? (
        <div className="opinion-done" data-testid="opinion-done">
          <Check size={28} aria-hidden="true" />
          <p>{t('opinion.allDone')}</p>
          <button type="button" onClick={() => { setAt(0); setReviewing(true); }}>
            {t('opinion.review')}
          </button>
        </div>
      ) : (
        <div className="opinion-card" data-testid="opinion-card">
          <p className="opinion-card-n">{t('opinion.cardOf', { n: number.format(index + 1), total: number.format(total) })}</p>
          <p className="opinion-card-text" data-testid="opinion-statement">{statement.text}</p>
          <div className="opinion-marks" role="group" aria-label={t('opinion.markGroup')}>
            {MARK_ORDER.map((m) => {
              const Icon = ICONS[m];
              return (
                <button key={m} type="button" className={`opinion-mark opinion-mark-${m}`} aria-pressed={round.myMarks[statement.id] === m} onClick={() => mark(m)} data-testid={`opinion-${m}`}>
                  <Icon size={22} aria-hidden="true" />
                  <span>{t(`opinion.marks.${m}`)}</span>
                </button>
              );
            })}
          </div>
          <div className="opinion-nav">
            <button type="button" disabled={index === 0} onClick={() => setAt(index - 1)}>
              {t('opinion.previous')}
            </button>
            <button type="button" disabled={index >= total - 1} onClick={() => setAt(index + 1)}>
              {t('opinion.next')}
            </button>
          </div>
        </div>
      )}
      {actions.error && (
        <p className="error" role="alert">
          {actions.error}
        </p>
      )}
      <p className="opinion-meta">{t('opinion.privacy')}</p>
      <SuggestForm round={round} onSuggest={actions.suggest} />
    </PhoneSheet>
  );
}
