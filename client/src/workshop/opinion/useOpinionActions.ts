import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpinionMark } from '@sammen/shared';
import { useAnnounce } from '../Announcer.js';
import type { WorkshopApi } from '../WorkshopContext.js';
import { useAnnouncedCommand } from '../useAnnouncedCommand.js';

/** Marking and suggesting, with the latest refusal as a translated message (for the phone card and the list). */
export function useOpinionActions(api: WorkshopApi | null) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const { run: send, error } = useAnnouncedCommand(api);
  const mark = useCallback((statementId: string, mark: OpinionMark) => send({ type: 'opinion.mark', statementId, mark }), [send]);
  const suggest = useCallback(async (text: string) => {
    const ok = await send({ type: 'opinion.suggest', text });
    if (ok) announce(t('opinion.suggestSent'));
    return ok;
  }, [send, announce, t]);
  return { mark, suggest, error };
}

export type OpinionActions = ReturnType<typeof useOpinionActions>;
