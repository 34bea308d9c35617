import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '@sammen/shared';
import type { WorkshopApi } from '../WorkshopContext.js';

/** The i18n key for a refused or failed command (shared by the vote and hand buttons). */
export function commandErrorKey(error: string | null): string {
  switch (error) {
    case 'no_dots_left':
    case 'one_dot_per_note':
    case 'vote_closed':
    case 'not_in_vote':
    case 'no_vote':
    case 'forbidden':
      return `workshop.error.${error}`;
    case null:
      return 'workshop.error.offline';
    default:
      return 'workshop.error.other';
  }
}

/** Runs a command and turns a refusal or a timeout into a translated message (or null on success). */
export function useCommand(api: WorkshopApi | null) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  // A message stays a few seconds, then the bar is quiet again.
  useEffect(() => {
    if (!error) return;
    const id = window.setTimeout(() => setError(null), 6000);
    return () => window.clearTimeout(id);
  }, [error]);
  const run = useCallback(
    async (command: Command): Promise<boolean> => {
      try {
        if (!api) throw new Error('no workshop');
        const result = await api.run(command);
        if (result.ok) {
          setError(null);
          return true;
        }
        setError(t(commandErrorKey(result.error)));
      } catch {
        setError(t(commandErrorKey(null)));
      }
      return false;
    },
    [api, t],
  );
  return { run, error };
}

export interface VoteActions {
  place(elementId: string): Promise<boolean>;
  remove(elementId: string): Promise<boolean>;
  /** The latest refusal, translated, or null. */
  error: string | null;
}

export function useVoteActions(api: WorkshopApi | null): VoteActions {
  const { run, error } = useCommand(api);
  return {
    place: (elementId: string) => run({ type: 'vote.place', elementId }),
    remove: (elementId: string) => run({ type: 'vote.remove', elementId }),
    error,
  };
}
