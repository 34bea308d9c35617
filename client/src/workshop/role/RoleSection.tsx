import { useTranslation } from 'react-i18next';
import type { WorkshopView } from '@sammen/shared';
import type { Runner } from '../facilitator/useCommand.js';

/** The facilitator's controls for the self-assessment: start, see how far the room is (counts only), reveal, end. */
export function RoleSection({ view, run }: { view: WorkshopView; run: Runner }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const round = view.roleRound;
  const participants = view.members.filter((m) => m.role === 'participant').length;
  if (!round) {
    return (
      <div className="fac-role">
        <p className="fac-meta">{t('role.fac.intro')}</p>
        <button type="button" className="primary" onClick={() => void run({ type: 'role.start' })} data-testid="role-start">
          {t('role.fac.start')}
        </button>
      </div>
    );
  }
  return (
    <div className="fac-role" data-testid="fac-role">
      <div className="fac-current" aria-live="polite">
        <p className="fac-current-title">{round.status === 'open' ? t('role.fac.statusOpen') : t('role.fac.statusRevealed')}</p>
        <p className="fac-meta" data-testid="role-progress">
          {t('role.fac.progress', { people: number.format(round.progress.people), participants: number.format(participants), markers: number.format(round.progress.markers) })}
        </p>
      </div>
      <div className="fac-row">
        {round.status === 'open' && (
          <button type="button" className="primary" onClick={() => void run({ type: 'role.reveal' })} data-testid="role-reveal">
            {t('role.fac.reveal')}
          </button>
        )}
        <button type="button" onClick={() => void run({ type: 'role.end' })} data-testid="role-end">
          {t('role.fac.end')}
        </button>
      </div>
    </div>
  );
}
