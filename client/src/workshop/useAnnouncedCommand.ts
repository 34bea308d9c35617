import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnnounce } from './Announcer.js';
import type { WorkshopApi } from './WorkshopContext.js';

/**
 * A participant's command (an opinion mark, a role marker) sent to the server: a refusal becomes one
 * translated message, kept as `error` and announced to screen readers; a lost connection becomes the
 * network message. `run` resolves to whether the server took it.
 */
export function useAnnouncedCommand(api: WorkshopApi | null) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
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
  const clearError = useCallback(() => setError(null), []);
  return { run, error, clearError };
}
