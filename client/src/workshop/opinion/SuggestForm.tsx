import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { OPINION_STATEMENT_MAX_CHARS, type OpinionView } from '@sammen/shared';

/** "Suggest a statement": sent to the facilitator, who may accept it into the round. */
export function SuggestForm({ round, onSuggest }: { round: OpinionView; onSuggest(text: string): Promise<boolean> }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const value = text.trim();
    if (!value) return;
    void onSuggest(value).then((ok) => {
      if (ok) {
        setText('');
        setOpen(false);
      }
    });
  };
  const pending = round.mySuggestions.length;
  return (
    <div className="opinion-suggest">
      {pending > 0 && <p className="opinion-meta">{t('opinion.pending', { count: pending })}</p>}
      {!open ? (
        <button type="button" className="opinion-suggest-open" onClick={() => setOpen(true)}>
          {t('opinion.suggest')}
        </button>
      ) : (
        <form onSubmit={submit} className="opinion-suggest-form">
          <label htmlFor={`${id}-text`}>{t('opinion.suggestLabel')}</label>
          <textarea id={`${id}-text`} data-autofocus value={text} maxLength={OPINION_STATEMENT_MAX_CHARS} rows={3} onChange={(e) => setText(e.target.value)} />
          <p className="opinion-meta">{t('opinion.suggestHelp')}</p>
          <div className="opinion-suggest-buttons">
            <button type="button" onClick={() => setOpen(false)}>
              {t('opinion.cancel')}
            </button>
            <button type="submit" className="primary" disabled={!text.trim()}>
              {t('opinion.suggestSend')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
