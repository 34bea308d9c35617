import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '@sammen/shared';
import type { WorkshopApi } from '../WorkshopContext.js';

/** Runs a control command and reports whether it worked. */
export type Runner = (command: Command) => Promise<boolean>;

/**
 * One runner for the whole panel: commands go to the server, and a refusal (or a lost connection)
 * becomes one translated message in the panel's status line instead of failing silently.
 */
export function useCommand(api: WorkshopApi | null): { run: Runner; error: string | null; clearError: () => void } {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  // The latest api without re-creating `run` (and re-rendering every section) on each new view.
  const apiRef = useRef(api);
  apiRef.current = api;
  const run = useCallback<Runner>(
    async (command) => {
      setError(null);
      try {
        const current = apiRef.current;
        if (!current) throw new Error('no workshop');
        const result = await current.run(command);
        if (result.ok) return true;
        setError(t(`facilitator.errors.${result.error}`, { defaultValue: result.message }));
      } catch {
        setError(t('facilitator.errors.network'));
      }
      return false;
    },
    [t],
  );
  return { run, error, clearError: useCallback(() => setError(null), []) };
}
