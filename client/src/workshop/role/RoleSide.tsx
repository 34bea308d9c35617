import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopApi } from '../WorkshopContext.js';
import { RoleList } from './RoleList.js';
import { RoleResultPanel } from './RoleResultPanel.js';
import { useRoleActions } from './useRoleActions.js';

/**
 * Beside the board during a self-assessment: a participant's radio groups while it is open (on a
 * computer and on a phone), and the revealed heat map for everyone (closable, it comes back with the
 * next reveal).
 */
export function RoleSide({ api, participant }: { api: WorkshopApi; participant: boolean }) {
  const { t } = useTranslation();
  const round = api.view?.roleRound ?? null;
  const actions = useRoleActions(api, round);
  const [closed, setClosed] = useState<string | null>(null);
  if (!round) return null;
  if (round.status === 'revealed') {
    return round.result && closed !== round.id ? <RoleResultPanel key={round.id} result={round.result} onClose={() => setClosed(round.id)} /> : null;
  }
  if (!participant) return null;
  return (
    <aside className="role-side" aria-label={t('role.title')}>
      <RoleList round={round} actions={actions} />
    </aside>
  );
}
