import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopView } from '@sammen/shared';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { tokenLink } from '../tokens.js';
import { groupJoinCode, participantLink } from './links.js';
import { ProjectorView } from './ProjectorView.js';
import type { Runner } from './useCommand.js';

/** A link in a read-only field (easy to select on a tablet) with a copy button. */
function LinkField({ label, value, help }: { label: string; value: string; help?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // No clipboard permission: select the text so Ctrl+C / long-press copies it.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="fac-link">
      <label htmlFor={id}>{label}</label>
      {help && (
        <p className="fac-warning" id={`${id}-help`}>
          {help}
        </p>
      )}
      <div className="fac-row">
        <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} aria-describedby={help ? `${id}-help` : undefined} />
        <button type="button" aria-label={t('facilitator.links.copyNamed', { label })} onClick={() => void copy()}>
          {copied ? t('facilitator.links.copied') : t('facilitator.links.copy')}
        </button>
      </div>
    </div>
  );
}

/**
 * Links: the join code (grouped to read aloud), the participant and observer links, renewing them,
 * and the projector view. The facilitator's own link is in `DeviceSection` (never shown as text).
 */
export function LinksSection({ view, run }: { view: WorkshopView; run: Runner }) {
  const { t } = useTranslation();
  const [projecting, setProjecting] = useState(false);
  const links = view.links;
  if (!links) return <p className="fac-meta">{t('facilitator.links.none')}</p>;
  const origin = window.location.origin;
  const join = participantLink(origin, links.joinCode);
  const boardId = view.workshop.boardId;

  return (
    <div className="fac-links">
      <p className="fac-joincode-label">{t('facilitator.links.joinCode')}</p>
      <p className="fac-joincode" aria-label={t('facilitator.links.joinCodeSpelled', { code: links.joinCode.split('').join(' ') })}>
        {groupJoinCode(links.joinCode)}
      </p>
      <button type="button" className="primary" onClick={() => setProjecting(true)}>
        {t('facilitator.links.projector')}
      </button>
      <LinkField label={t('facilitator.links.participant')} value={join} />
      <LinkField label={t('facilitator.links.observer')} value={tokenLink(origin, boardId, links.observerToken)} />
      <div className="fac-row">
        <ConfirmButton
          label={t('facilitator.links.renewParticipant')}
          question={t('facilitator.links.renewParticipantQuestion')}
          confirmLabel={t('facilitator.links.renewConfirm')}
          onConfirm={() => void run({ type: 'links.renew', link: 'participant' })}
        />
        <ConfirmButton
          label={t('facilitator.links.renewObserver')}
          question={t('facilitator.links.renewObserverQuestion')}
          confirmLabel={t('facilitator.links.renewConfirm')}
          onConfirm={() => void run({ type: 'links.renew', link: 'observer' })}
        />
      </div>
      {projecting && <ProjectorView joinCode={links.joinCode} link={join} title={view.workshop.title} onClose={() => setProjecting(false)} />}
    </div>
  );
}
