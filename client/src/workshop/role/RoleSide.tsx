import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '../../editor/Editor.js';
import { useCovering } from '../ui/useCovering.js';
import type { WorkshopApi } from '../WorkshopContext.js';
import { RoleList } from './RoleList.js';
import { RoleResultPanel } from './RoleResultPanel.js';
import { useRoleActions } from './useRoleActions.js';

/**
 * Beside the board during a self-assessment: a participant's radio groups while it is open (on a
 * computer and on a phone), and the revealed heat map for everyone (closable, it comes back with the
 * next reveal).
 */
export function RoleSide({ api, participant, editor }: { api: WorkshopApi; participant: boolean; editor: Editor }) {
  const { t } = useTranslation();
  const round = api.view?.roleRound ?? null;
  const actions = useRoleActions(api, round);
  const [closed, setClosed] = useState<string | null>(null);
  const listRef = useRef<HTMLElement>(null);
  // The grid the markers are about stays in view beside the list.
  useCovering(listRef, editor, !!round && round.status !== 'revealed' && participant, 'role-side');
  if (!round) return null;
  if (round.status === 'revealed') {
    return round.result && closed !== round.id ? <RoleResultPanel key={round.id} result={round.result} onClose={() => setClosed(round.id)} /> : null;
  }
  if (!participant) return null;
  return (
    <aside ref={listRef} className="role-side" aria-label={t('role.title')}>
      <RoleList round={round} actions={actions} />
    </aside>
  );
}
