import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTORS, type ActionCard, type Actor } from '@sammen/shared';
import { updateActionCard, type ActionCardFields } from '../editor/actionCommands.js';
import type { Editor } from '../editor/Editor.js';
import { sourceLabel } from '../geometry/actionCard.js';
import { ModalDialog } from './ModalDialog.js';

/**
 * Edits an action card: what, who (actor checkboxes and named people), first step, when. Opened by
 * double-click or Enter on the card (the editor's `editingId`); saving is one undoable change.
 */
export function ActionCardDialog({ editor, card }: { editor: Editor; card: ActionCard }) {
  const { t } = useTranslation();
  const id = useId();
  const [fields, setFields] = useState<ActionCardFields>(() => ({
    what: card.what,
    who: [...card.who],
    whoDetail: card.whoDetail,
    firstStep: card.firstStep,
    when: card.when,
  }));
  const source = card.sourceId ? sourceLabel(editor.store.get(card.sourceId)) : null;
  const close = () => {
    editor.stopEditing();
    editor.select([card.id]);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    updateActionCard(editor, card.id, fields);
    close();
  };
  const toggle = (actor: Actor, on: boolean) =>
    setFields((f) => ({ ...f, who: ACTORS.filter((a) => (a === actor ? on : f.who.includes(a))) }));
  const set = (key: 'what' | 'whoDetail' | 'firstStep' | 'when') => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));
  return (
    <ModalDialog labelledBy={`${id}-title`} onClose={close} className="action-dialog">
      <form onSubmit={onSubmit} data-testid="action-dialog">
        <h2 id={`${id}-title`}>{t('actions.dialog.title')}</h2>
        {source !== null && <p className="muted">{t('actions.from', { label: source })}</p>}
        <label htmlFor={`${id}-what`}>{t('actions.field.what')}</label>
        <textarea id={`${id}-what`} rows={3} maxLength={500} value={fields.what} onChange={set('what')} autoFocus />
        <fieldset>
          <legend>{t('actions.field.who')}</legend>
          <div className="actor-choices">
            {ACTORS.map((actor) => (
              <label key={actor} className="check">
                <input type="checkbox" checked={fields.who.includes(actor)} onChange={(e) => toggle(actor, e.target.checked)} />
                {t(`actions.actor.${actor}`)}
              </label>
            ))}
          </div>
          <label htmlFor={`${id}-who-detail`}>{t('actions.field.whoDetail')}</label>
          <input id={`${id}-who-detail`} maxLength={200} value={fields.whoDetail} onChange={set('whoDetail')} placeholder={t('actions.dialog.whoDetailHint')} />
        </fieldset>
        <label htmlFor={`${id}-first`}>{t('actions.field.firstStep')}</label>
        <textarea id={`${id}-first`} rows={2} maxLength={500} value={fields.firstStep} onChange={set('firstStep')} />
        <label htmlFor={`${id}-when`}>{t('actions.field.when')}</label>
        <input id={`${id}-when`} maxLength={100} value={fields.when} onChange={set('when')} placeholder={t('actions.dialog.whenHint')} />
        <div className="dialog-buttons">
          <button type="button" onClick={close}>
            {t('actions.dialog.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('actions.dialog.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
