import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestError, saveWorkshopAsTemplate } from '../../ui/templateApi.js';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'saved'; title: string } | { kind: 'error'; message: string };

/**
 * Save this board and its agenda as one of this browser's templates (shown under "your templates"
 * when creating the next workshop here). The server copies the board as it is now.
 */
export function SaveTemplateSection({ workshopId, token, defaultTitle }: { workshopId: string; token: string; defaultTitle: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(defaultTitle);
  const [description, setDescription] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = title.trim();
    if (!trimmed || status.kind === 'busy') return;
    setStatus({ kind: 'busy' });
    try {
      await saveWorkshopAsTemplate(workshopId, token, { title: trimmed, description: description.trim() });
      setStatus({ kind: 'saved', title: trimmed });
    } catch (err) {
      setStatus({ kind: 'error', message: err instanceof RequestError && err.status ? err.message : t('newWorkshop.networkError') });
    }
  };

  return (
    <form className="fac-save" onSubmit={(e) => void onSubmit(e)}>
      <label htmlFor={`${id}-title`}>{t('facilitator.save.title')}</label>
      <input id={`${id}-title`} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor={`${id}-description`}>{t('facilitator.save.description')}</label>
      <input id={`${id}-description`} maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
      <button type="submit" className="primary" disabled={status.kind === 'busy' || !title.trim()}>
        {status.kind === 'busy' ? t('facilitator.save.saving') : t('facilitator.save.submit')}
      </button>
      <p role="status" className={status.kind === 'error' ? 'error' : 'fac-meta'}>
        {status.kind === 'saved' ? t('facilitator.save.saved', { title: status.title }) : status.kind === 'error' ? status.message : ''}
      </p>
    </form>
  );
}
