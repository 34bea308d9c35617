import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importBackup } from '../outputs/api.js';
import { ApiError } from './api.js';
import { boardPath, navigate } from './router.js';
import './outputs.css';

/**
 * "Import a workshop backup" on the home page: sends the file to the server, which checks it
 * completely before writing anything; on success opens the copy as its facilitator, on a damaged or
 * foreign file shows the server's explanation.
 */
export function ImportBackup() {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onFile = async (file: File | undefined) => {
    if (!file || busy) return;
    setBusy(true);
    setError(null);
    try {
      const result = await importBackup(file);
      navigate(`${boardPath(result.boardId)}#token=${encodeURIComponent(result.facilitatorToken)}`);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 400 ? t('outputs.import.refused', { message: e.message }) : t('outputs.import.failed'));
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="home-import">
      <h2 id={`${id}-heading`}>{t('outputs.import.heading')}</h2>
      <p className="home-intro" id={`${id}-help`}>
        {t('outputs.import.help')}
      </p>
      <input
        id={`${id}-file`}
        type="file"
        accept="application/json,.json"
        className="visually-hidden-file"
        aria-describedby={`${id}-help`}
        disabled={busy}
        data-testid="import-backup"
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <label htmlFor={`${id}-file`} className="button-link">
        {busy ? t('outputs.import.busy') : t('outputs.import.choose')}
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
