import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleKind, RoleRoundView, RoleScaleId } from '@sammen/shared';
import { useAnnounce } from '../Announcer.js';
import type { WorkshopApi } from '../WorkshopContext.js';

/** How long a move waits for the server's view to carry the marker it just placed. */
const PLACED_WAIT_MS = 3000;

/**
 * Choosing a column for one marker: the first choice places it, later ones move the person's own
 * marker (the server checks both). Choices run one after another, and a move right after a place
 * waits until the view names the new marker: quick arrow presses must not place a second one (the
 * server would refuse it). A refusal becomes one translated message, also announced.
 */
export function useRoleActions(api: WorkshopApi | null, round: RoleRoundView | null) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(round);
  latest.current = round;
  const placed = useRef(new Set<string>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const markerOf = (scale: RoleScaleId, row: string, kind: RoleKind) => latest.current?.myMarkers.find((m) => m.scale === scale && m.row === row && m.kind === kind);

  const send = useCallback(
    async (scale: RoleScaleId, row: string, kind: RoleKind, column: number): Promise<boolean> => {
      setError(null);
      const key = `${latest.current?.id}/${scale}/${row}/${kind}`;
      let mine = markerOf(scale, row, kind);
      for (let waited = 0; !mine && placed.current.has(key) && waited < PLACED_WAIT_MS; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        mine = markerOf(scale, row, kind);
      }
      try {
        const result = api
          ? await api.run(mine ? { type: 'role.move', markerId: mine.id, column } : { type: 'role.place', scale, row, kind, column })
          : null;
        if (result?.ok) {
          if (!mine) placed.current.add(key);
          return true;
        }
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
  const choose = useCallback(
    (scale: RoleScaleId, row: string, kind: RoleKind, column: number): Promise<boolean> => {
      const next = queue.current.then(() => send(scale, row, kind, column));
      queue.current = next.catch(() => false);
      return next;
    },
    [send],
  );
  return { choose, error };
}

export type RoleActions = ReturnType<typeof useRoleActions>;
