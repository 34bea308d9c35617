import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionMark } from '@sammen/shared';
import { useAnnounce } from '../Announcer.js';
import type { WorkshopApi } from '../WorkshopContext.js';

/** Marking and suggesting, with the latest refusal as a translated message (for the phone card and the list). */
export function useOpinionActions(api: WorkshopApi | null) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const send = useCallback(
    async (command: Parameters<WorkshopApi['run']>[0]): Promise<boolean> => {
      setError(null);
      try {
        const result = api ? await api.run(command) : null;
        if (result?.ok) return true;
        const message = result ? t(`facilitator.errors.${result.error}`, { defaultValue: result.message }) : t('facilitator.errors.network');
        setError(message);
        announce(message);
      } catch {
        setError(t('facilitator.errors.network'));
      }
      return false;
    },
    [api, t, announce],
  );
  const mark = useCallback((statementId: string, mark: OpinionMark) => send({ type: 'opinion.mark', statementId, mark }), [send]);
  const suggest = useCallback(async (text: string) => {
    const ok = await send({ type: 'opinion.suggest', text });
    if (ok) announce(t('opinion.suggestSent'));
    return ok;
  }, [send, announce, t]);
  return { mark, suggest, error };
}

export type OpinionActions = ReturnType<typeof useOpinionActions>;
