import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { navigate } from '../../ui/router.js';

/**
 * Deletes the workshop with everything it holds (the board, names, private notes, votes, versions):
 * what a facilitator does when a citizen asks for their data to be erased, or when the work is done
 * and the report is out. Everyone connected is disconnected at once.
 */
export function DeleteSection({ workshopId, token }: { workshopId: string; token: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState(false);
  const remove = async () => {
    setError(false);
    try {
      const res = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 204) throw new Error(String(res.status));
      navigate('/');
    } catch {
      setError(true);
    }
  };
  return (
    <div className="fac-delete">
      <p className="fac-meta">{t('facilitator.delete.explain')}</p>
      <ConfirmButton
        className="danger"
        label={t('facilitator.delete.button')}
        question={t('facilitator.delete.question')}
        confirmLabel={t('facilitator.delete.confirm')}
        onConfirm={() => void remove()}
      />
      {error && (
        <p role="alert" className="error">
          {t('facilitator.delete.error')}
        </p>
      )}
    </div>
  );
}
