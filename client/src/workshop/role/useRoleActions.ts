import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleKind, RoleRoundView, RoleScaleId } from '@sammen/shared';
import { useAnnounce } from '../Announcer.js';
import type { WorkshopApi } from '../WorkshopContext.js';

/**
 * Choosing a column for one marker: the first choice places it, later ones move the person's own
 * marker (the server checks both). A refusal becomes one translated message, also announced.
 */
export function useRoleActions(api: WorkshopApi | null, round: RoleRoundView | null) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const choose = useCallback(
    async (scale: RoleScaleId, row: string, kind: RoleKind, column: number): Promise<boolean> => {
      setError(null);
      const mine = round?.myMarkers.find((m) => m.scale === scale && m.row === row && m.kind === kind);
      try {
        const result = api
          ? await api.run(mine ? { type: 'role.move', markerId: mine.id, column } : { type: 'role.place', scale, row, kind, column })
          : null;
        if (result?.ok) return true;
        const message = result ? t(`facilitator.errors.${result.error}`, { defaultValue: result.message }) : t('facilitator.errors.network');
        setError(message);
        announce(message);
      } catch {
        setError(t('facilitator.errors.network'));
      }
      return false;
    },
    [api, round, t, announce],
  );
  return { choose, error };
}

export type RoleActions = ReturnType<typeof useRoleActions>;
