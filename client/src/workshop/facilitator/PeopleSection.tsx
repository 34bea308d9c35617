import { Hand } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { MemberView, WorkshopView } from '@sammen/shared';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { LucideGlyph } from '../../ui/icons.js';
import type { Runner } from './useCommand.js';

const ROLE_ORDER = { facilitator: 0, cofacilitator: 1, participant: 2, observer: 3 } as const;

/** Online first, then by role, then by name (in the UI language's order). */
const byPresence = (locale: string) => (a: MemberView, b: MemberView) =>
  Number(b.online) - Number(a.online) || ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, locale);

/**
 * Who is here: every member with their role and whether they are online, in words (not colour
 * alone); raised hands first, with "lower"; and, for the facilitator, roles and removal.
 */
export function PeopleSection({ view, run }: { view: WorkshopView; run: Runner }) {
  const { t, i18n } = useTranslation();
  const me = view.me;
  const isLead = me.role === 'facilitator';
  const members = [...view.members].sort(byPresence(i18n.resolvedLanguage ?? 'en'));
  const online = members.filter((m) => m.online).length;

  return (
    <div className="fac-people">
      {view.hands.length > 0 && (
        <>
          <h3 className="fac-subheading">{t('facilitator.people.hands', { count: view.hands.length })}</h3>
          <ul className="fac-list">
            {view.hands.map((h) => (
              <li key={h.memberId} className="fac-list-row">
                <span className="fac-person">
                  <LucideGlyph icon={Hand} size={16} />
                  {h.name}
                </span>
                <button type="button" aria-label={t('facilitator.people.lowerNamed', { name: h.name })} onClick={() => void run({ type: 'hand.lower', memberId: h.memberId })}>
                  {t('facilitator.people.lower')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <h3 className="fac-subheading">{t('facilitator.people.here', { online, count: members.length })}</h3>
      <ul className="fac-list">
        {members.map((m) => {
          const self = m.id === me.memberId;
          const canManage = !self && m.role !== 'facilitator';
          return (
            <li key={m.id} className={`fac-list-row${m.online ? '' : ' offline'}`}>
              <span className="fac-person">
                <span className={`fac-dot ${m.online ? 'on' : 'off'}`} aria-hidden="true" />
                <span>
                  {self ? t('presence.you', { name: m.name }) : m.name}
                  <span className="fac-meta">
                    {' '}
                    · {t(`facilitator.roles.${m.role}`)} · {t(m.online ? 'facilitator.people.online' : 'facilitator.people.offline')}
                  </span>
                </span>
              </span>
              {canManage && (
                <span className="fac-row">
                  {isLead && m.role === 'participant' && (
                    <button type="button" aria-label={t('facilitator.people.makeCoNamed', { name: m.name })} onClick={() => void run({ type: 'member.setRole', memberId: m.id, role: 'cofacilitator' })}>
                      {t('facilitator.people.makeCo')}
                    </button>
                  )}
                  {isLead && m.role === 'cofacilitator' && (
                    <button type="button" aria-label={t('facilitator.people.makeParticipantNamed', { name: m.name })} onClick={() => void run({ type: 'member.setRole', memberId: m.id, role: 'participant' })}>
                      {t('facilitator.people.makeParticipant')}
                    </button>
                  )}
                  <ConfirmButton
                    label={t('facilitator.people.remove')}
                    ariaLabel={t('facilitator.people.removeNamed', { name: m.name })}
                    question={t('facilitator.people.removeQuestion', { name: m.name })}
                    confirmLabel={t('facilitator.people.removeConfirm')}
                    onConfirm={() => void run({ type: 'member.remove', memberId: m.id })}
                  />
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
