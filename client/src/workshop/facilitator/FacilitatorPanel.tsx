import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFacilitatorRole } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import { useWorkshop } from '../WorkshopContext.js';
import { AgendaSection } from './AgendaSection.js';
import { ClusterSection } from './ClusterSection.js';
import { FollowSection } from './FollowSection.js';
import { LinksSection } from './LinksSection.js';
import { LocksSection } from './LocksSection.js';
import { PanelSection } from './PanelSection.js';
import { PeopleSection } from './PeopleSection.js';
import { PrivateSection } from './PrivateSection.js';
import { DeleteSection } from './DeleteSection.js';
import { SaveTemplateSection } from './SaveTemplateSection.js';
import { TimerSection } from './TimerSection.js';
import { useBoardFrames } from './useBoardFrames.js';
import { useCommand } from './useCommand.js';
import { VoteSection } from './VoteSection.js';
import './facilitator.css';

const OPEN_KEY = 'sammen.facilitator.panelOpen';

/** Open unless this person closed it; closed at first on a phone-sized screen, where it would cover the board. */
function initiallyOpen(): boolean {
  try {
    const saved = window.localStorage.getItem(OPEN_KEY);
    if (saved !== null) return saved === '1';
  } catch {
    // no storage: decide by the screen
  }
  return window.matchMedia?.('(min-width: 700px)').matches ?? true;
}

/**
 * The facilitator's side panel: every control of a running workshop, one click away, in sections
 * (agenda, timer, private brainstorming, voting, clustering, follow me, locks, people, links, save
 * as template). It shows nothing on an open board or for participants.
 */
export function FacilitatorPanel({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const api = useWorkshop();
  const [open, setOpen] = useState(initiallyOpen);
  const frames = useBoardFrames(editor);
  const { run, error, clearError } = useCommand(api);
  const view = api?.view ?? null;
  if (!api || (view && !isFacilitatorRole(view.me.role))) return null;

  const toggle = () => {
    try {
      window.localStorage.setItem(OPEN_KEY, open ? '0' : '1');
    } catch {
      // not remembered
    }
    setOpen(!open);
  };

  return (
    <aside className={`fac-panel${open ? ' open' : ''}`} aria-label={t('facilitator.panel')}>
      <button type="button" className="fac-toggle" aria-expanded={open} aria-controls="fac-panel-body" onClick={toggle}>
        {open ? t('facilitator.hidePanel') : t('facilitator.showPanel')}
      </button>
      <div id="fac-panel-body" className="fac-body" hidden={!open}>
        {!api.connected && <p className="fac-warning" role="status">{t('facilitator.disconnected')}</p>}
        {error && (
          <p className="error fac-error" role="alert">
            {error}{' '}
            <button type="button" onClick={clearError}>
              {t('facilitator.dismiss')}
            </button>
          </p>
        )}
        {!view ? (
          <p role="status">{t('facilitator.connecting')}</p>
        ) : (
          <>
            <PanelSection id="agenda" title={t('facilitator.sections.agenda')}>
              <AgendaSection view={view} editor={editor} frames={frames} run={run} />
            </PanelSection>
            <PanelSection id="timer" title={t('facilitator.sections.timer')}>
              <TimerSection view={view} clockOffset={api.clockOffset} run={run} />
            </PanelSection>
            <PanelSection id="private" title={t('facilitator.sections.private')}>
              <PrivateSection view={view} run={run} />
            </PanelSection>
            <PanelSection id="vote" title={t('facilitator.sections.vote')}>
              <VoteSection view={view} editor={editor} run={run} />
            </PanelSection>
            <PanelSection id="cluster" title={t('facilitator.sections.cluster')}>
              <ClusterSection editor={editor} />
            </PanelSection>
            <PanelSection id="follow" title={t('facilitator.sections.follow')}>
              <FollowSection view={view} editor={editor} run={run} />
            </PanelSection>
            <PanelSection id="locks" title={t('facilitator.sections.locks')}>
              <LocksSection view={view} editor={editor} frames={frames} run={run} />
            </PanelSection>
            <PanelSection id="people" title={t('facilitator.sections.people')}>
              <PeopleSection view={view} run={run} />
            </PanelSection>
            <PanelSection id="links" title={t('facilitator.sections.links')}>
              <LinksSection view={view} token={api.session.token} run={run} />
            </PanelSection>
            <PanelSection id="save" title={t('facilitator.sections.save')}>
              <SaveTemplateSection workshopId={view.workshop.id} token={api.session.token} defaultTitle={view.workshop.title} />
            </PanelSection>
            {view.me.role === 'facilitator' && (
              <PanelSection id="delete" title={t('facilitator.sections.delete')}>
                <DeleteSection workshopId={view.workshop.id} token={api.session.token} />
              </PanelSection>
            )}
          </>
        )}
      </div>
    </aside>
  );
}
