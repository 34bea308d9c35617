import { useEffect, useId, useState } from 'react';
import type { OpinionMark } from '@sammen/shared';
import { useTranslation } from 'react-i18next';
import type { OpinionView } from '@sammen/shared';
import { MARK_ORDER, markedCount } from './opinionCards.js';
import { SuggestForm } from './SuggestForm.js';
import type { OpinionActions } from './useOpinionActions.js';

/** The choices without `id`'s if it is still `mark` (a newer choice stays). */
function dropChoice(c: Record<string, OpinionMark>, id: string, mark: OpinionMark): Record<string, OpinionMark> {
  if (c[id] !== mark) return c;
  const { [id]: _done, ...rest } = c;
  return rest;
}

/**
 * The opinion round as a list: every statement a group of three radio buttons (agree, disagree,
 * pass), so the keyboard (Tab to a statement, arrows to choose) and screen readers ("Agree, radio
 * button, 1 of 3", inside the statement's group) need nothing special. Used in the list view and
 * beside the board for participants on a computer.
 */
export function OpinionList({ round, actions, headingLevel = 3 }: { round: OpinionView; actions: OpinionActions; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  // What was chosen here shows at once: the radios stay native (arrows move and choose) while the
  // server's answer is on its way. A choice stays shown until the server's view carries it (the command's
  // answer can come before the view, and dropping the choice then made the radio flicker back to
  // unchecked, which moved keyboard focus out of the group); a refusal drops it at once.
  const [chosen, setChosen] = useState<Record<string, OpinionMark>>({});
  const markOf = (id: string): OpinionMark | undefined => chosen[id] ?? round.myMarks[id];
  const choose = (id: string, m: OpinionMark): void => {
    setChosen((c) => ({ ...c, [id]: m }));
    void actions.mark(id, m).then((ok) => {
      if (!ok) setChosen((c) => dropChoice(c, id, m));
    });
  };
  useEffect(() => {
    setChosen((c) => {
      let next = c;
      for (const [statementId, mark] of Object.entries(round.myMarks)) next = dropChoice(next, statementId, mark);
      return next;
    });
  }, [round.myMarks]);
  return (
    <section className="opinion-list" aria-labelledby={`${id}-h`} data-testid="opinion-list">
      <Heading id={`${id}-h`}>{round.title ? t('opinion.listHeadingTitled', { title: round.title }) : t('opinion.listHeading')}</Heading>
      <p className="opinion-meta">
        {t('opinion.marked', { done: number.format(markedCount(round)), total: number.format(round.statements.length) })} {t('opinion.privacy')}
      </p>
      <ol className="opinion-rows">
        {round.statements.map((s, i) => (
          <li key={s.id}>
            <fieldset className="opinion-row">
              <legend>
                <span className="visually-hidden">{t('opinion.cardOf', { n: number.format(i + 1), total: number.format(round.statements.length) })}: </span>
                {s.text}
              </legend>
              {MARK_ORDER.map((m) => (
                <label key={m} className={`opinion-radio opinion-radio-${m}`}>
                  <input type="radio" name={`${id}-${s.id}`} value={m} checked={markOf(s.id) === m} onChange={() => choose(s.id, m)} />
                  {t(`opinion.marks.${m}`)}
                </label>
              ))}
            </fieldset>
          </li>
        ))}
      </ol>
      {actions.error && (
        <p className="error" role="alert">
          {actions.error}
        </p>
      )}
      <SuggestForm round={round} onSuggest={actions.suggest} />
    </section>
  );
}
