import { useCallback, useRef } from 'react';
import type { RoleKind, RoleRoundView, RoleScaleId } from '@sammen/shared';
import type { WorkshopApi } from '../WorkshopContext.js';
import { useAnnouncedCommand } from '../useAnnouncedCommand.js';

/** How long a move waits for the server's view to carry the marker it just placed. */
const PLACED_WAIT_MS = 3000;

/**
 * Choosing a column for one marker: the first choice places it, later ones move the person's own
 * marker (the server checks both). Choices run one after another, and a move right after a place
 * waits until the view names the new marker: quick arrow presses must not place a second one (the
 * server would refuse it). A refusal becomes one translated message, also announced.
 */
export function useRoleActions(api: WorkshopApi | null, round: RoleRoundView | null) {
  const { run, error, clearError } = useAnnouncedCommand(api);
  const latest = useRef(round);
  latest.current = round;
  const placed = useRef(new Set<string>());
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const markerOf = (scale: RoleScaleId, row: string, kind: RoleKind) => latest.current?.myMarkers.find((m) => m.scale === scale && m.row === row && m.kind === kind);

  const send = useCallback(
    async (scale: RoleScaleId, row: string, kind: RoleKind, column: number): Promise<boolean> => {
      clearError();
      const key = `${latest.current?.id}/${scale}/${row}/${kind}`;
      let mine = markerOf(scale, row, kind);
      for (let waited = 0; !mine && placed.current.has(key) && waited < PLACED_WAIT_MS; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        mine = markerOf(scale, row, kind);
      }
      const ok = await run(mine ? { type: 'role.move', markerId: mine.id, column } : { type: 'role.place', scale, row, kind, column });
      if (ok && !mine) placed.current.add(key);
      return ok;
    },
    [run, clearError],
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
