import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks once for the name others see by one's pointer; remembered on this device. */
export function NamePrompt({ onSubmit }: { onSubmit: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed) onSubmit(trimmed.slice(0, 60));
  };
  return (
    <div className="modal-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="name-title" aria-describedby="name-help" className="modal">
        <form onSubmit={submit}>
          <h2 id="name-title">{t('name.title')}</h2>
          <p id="name-help">{t('name.help')}</p>
          <label htmlFor="display-name">{t('name.label')}</label>
          <input
            id="display-name"
            autoFocus
            required
            maxLength={60}
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('name.submit')}
          </button>
        </form>
      </div>
    </div>
  );
}
