import { Hand, ListOrdered, PanelRightClose, PanelRightOpen, Play, Share2, Users, Wrench, type LucideIcon } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type Frame, type WorkshopView, isFacilitatorRole } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import { LucideGlyph } from '../../ui/icons.js';
import { useWorkshop } from '../WorkshopContext.js';
import { AgendaSection } from './AgendaSection.js';
import { ClusterSection } from './ClusterSection.js';
import { DeleteSection } from './DeleteSection.js';
import { DeviceSection } from './DeviceSection.js';
import { FollowSection } from './FollowSection.js';
import { LinksSection } from './LinksSection.js';
import { LocksSection } from './LocksSection.js';
import { PanelSection } from './PanelSection.js';
import { PeopleSection } from './PeopleSection.js';
import { PrivateSection } from './PrivateSection.js';
import { type PanelTab, RunSheet } from './RunSheet.js';
import { SaveTemplateSection } from './SaveTemplateSection.js';
import { SuggestGroupsSection } from './SuggestGroupsSection.js';
import { showFrameAfterLayout } from './showFrame.js';
import { Timer } from '../ui/Timer.js';
import { TimerSection } from './TimerSection.js';
import { useBoardFrames } from './useBoardFrames.js';
import { useCommand } from './useCommand.js';
import { VoteSection } from './VoteSection.js';
import { OpinionSection } from '../opinion/OpinionSection.js';
import { RoleSection } from '../role/RoleSection.js';
import './facilitator.css';
import './runSheet.css';

const OPEN_KEY = 'sammen.facilitator.panelOpen';

const TABS: ReadonlyArray<{ id: PanelTab; icon: LucideIcon }> = [
  { id: 'now', icon: Play },
  { id: 'agenda', icon: ListOrdered },
  { id: 'people', icon: Users },
  { id: 'share', icon: Share2 },
  { id: 'tools', icon: Wrench },
];

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

/** Raised hands as a badge: the count drawn (the words are read from `HandsSpoken`). */
function HandsBadge({ count }: { count: number }) {
  const { i18n } = useTranslation();
  return (
    <span className="fac-tab-badge" aria-hidden="true">
      <LucideGlyph icon={Hand} size={12} /> {new Intl.NumberFormat(i18n.resolvedLanguage).format(count)}
    </span>
  );
}

/** The raised hands in words, part of the name of the button or tab that shows the badge. */
function HandsSpoken({ count }: { count: number }) {
  const { t, i18n } = useTranslation();
  const formatted = new Intl.NumberFormat(i18n.resolvedLanguage).format(count);
  return <span className="visually-hidden">, {t('facilitator.tabs.handsBadge', { count, formatted })}</span>;
}

/**
 * Once, when the board and the workshop are there: the facilitator's own screen shows the current
 * step's frame (after a reload or on a second device they land where the room is, beside the panel).
 */
function useFocusCurrentStep(editor: Editor, view: WorkshopView | null, frames: Frame[]): void {
  const done = useRef(false);
  const frameId = view?.agenda.steps[view.agenda.current]?.frameId ?? null;
  const ready = !!frameId && frames.some((f) => f.id === frameId);
  useEffect(() => {
    if (done.current || !ready || !frameId) return;
    done.current = true;
    showFrameAfterLayout(editor, frameId);
  }, [editor, frameId, ready]);
}

/**
 * The facilitator's panel, beside the board (the board shrinks to the space left, so the step's
 * frame is never under it). It opens on the run sheet — what to do now — and keeps the agenda,
 * people, links and tools one tab away. Nothing for participants, observers or an open board.
 */
export function FacilitatorPanel({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const api = useWorkshop();
  const [open, setOpen] = useState(initiallyOpen);
  const [tab, setTab] = useState<PanelTab>('now');
  const tabRefs = useRef(new Map<PanelTab, HTMLButtonElement>());
  const frames = useBoardFrames(editor);
  const { run, error, clearError } = useCommand(api);
  const view = api?.view ?? null;
  useFocusCurrentStep(editor, view && isFacilitatorRole(view.me.role) ? view : null, frames);
  if (!api || (view && !isFacilitatorRole(view.me.role))) return null;

  const toggle = () => {
    try {
      window.localStorage.setItem(OPEN_KEY, open ? '0' : '1');
    } catch {
      // not remembered
    }
    setOpen(!open);
  };
  const choose = (next: PanelTab, focus = false) => {
    setTab(next);
    if (focus) tabRefs.current.get(next)?.focus();
  };
  // The tab pattern: arrows move between tabs, Home/End to the ends (one Tab stop for the list).
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.findIndex((x) => x.id === tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    choose(TABS[(to + TABS.length) % TABS.length]!.id, true);
  };
  const hands = view?.hands.length ?? 0;

  return (
    <aside className={`fac-panel${open ? ' open' : ''}`} aria-label={t('facilitator.panel')}>
      <div className="fac-top">
        {/* Closed, the panel still shows the clock: the facilitator's only one above the board. */}
        {!open && view && <Timer timer={view.timer} clockOffset={api.clockOffset} />}
        <button
          type="button"
          className={open ? 'fac-toggle icon-button' : 'fac-toggle'}
          aria-expanded={open}
          aria-controls="fac-panel-body"
          aria-label={open ? t('facilitator.hidePanel') : undefined}
          title={open ? t('facilitator.hidePanel') : undefined}
          onClick={toggle}
        >
          <LucideGlyph icon={open ? PanelRightClose : PanelRightOpen} size={18} />
          {!open && t('facilitator.showPanel')}
          {!open && hands > 0 && (
            <>
              <HandsBadge count={hands} />
              <HandsSpoken count={hands} />
            </>
          )}
        </button>
        {open && (
          <div className="fac-tabs" role="tablist" aria-label={t('facilitator.panel')} onKeyDown={onTabKey}>
            {TABS.map(({ id, icon }) => (
              <button
                key={id}
                ref={(el) => {
                  if (el) tabRefs.current.set(id, el);
                  else tabRefs.current.delete(id);
                }}
                type="button"
                role="tab"
                id={`fac-tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`fac-tabpanel-${id}`}
                tabIndex={tab === id ? 0 : -1}
                className="fac-tab"
                onClick={() => choose(id)}
              >
                <span className="fac-tab-icon">
                  <LucideGlyph icon={icon} size={18} />
                  {id === 'people' && hands > 0 && <HandsBadge count={hands} />}
                </span>
                <span className="fac-tab-label">{t(`facilitator.tabs.${id}`)}</span>
                {id === 'people' && hands > 0 && <HandsSpoken count={hands} />}
              </button>
            ))}
          </div>
        )}
      </div>
      <div id="fac-panel-body" className="fac-body" hidden={!open}>
        {!api.connected && (
          <p className="fac-warning" role="status">
            {t('facilitator.disconnected')}
          </p>
        )}
        {error && (
          <p className="error fac-error" role="alert">
            {error}{' '}
            <button type="button" onClick={clearError}>
              {t('facilitator.dismiss')}
            </button>
          </p>
        )}
        <div className="fac-tabpanel" role="tabpanel" id={`fac-tabpanel-${tab}`} aria-labelledby={`fac-tab-${tab}`} tabIndex={-1}>
          {!view ? (
            <p role="status">{t('facilitator.connecting')}</p>
          ) : tab === 'now' ? (
            <RunSheet view={view} editor={editor} frames={frames} clockOffset={api.clockOffset} run={run} onOpenTab={(next) => choose(next, true)} />
          ) : tab === 'agenda' ? (
            <AgendaSection view={view} editor={editor} frames={frames} run={run} />
          ) : tab === 'people' ? (
            <PeopleSection view={view} run={run} />
          ) : tab === 'share' ? (
            <>
              <LinksSection view={view} run={run} />
              <DeviceSection boardId={view.workshop.boardId} token={api.session.token} />
            </>
          ) : (
            <>
              <PanelSection id="follow" title={t('facilitator.sections.follow')}>
                <FollowSection view={view} editor={editor} run={run} />
              </PanelSection>
              <PanelSection id="locks" title={t('facilitator.sections.locks')}>
                <LocksSection view={view} editor={editor} frames={frames} run={run} />
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
              <PanelSection id="opinion" title={t('facilitator.sections.opinion')}>
                <OpinionSection view={view} editor={editor} run={run} />
              </PanelSection>
              <PanelSection id="role" title={t('facilitator.sections.role')}>
                <RoleSection view={view} run={run} />
              </PanelSection>
              <PanelSection id="cluster" title={t('facilitator.sections.cluster')}>
                <ClusterSection editor={editor} />
              </PanelSection>
              <PanelSection id="suggest" title={t('facilitator.sections.suggest')}>
                <SuggestGroupsSection
                  editor={editor}
                  workshopId={view.workshop.id}
                  token={api.session.token}
                  frames={frames}
                  stepFrameId={view.agenda.steps[view.agenda.current]?.frameId ?? null}
                />
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
      </div>
    </aside>
  );
}
