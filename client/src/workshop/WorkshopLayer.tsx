import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { getVoteResults, isFacilitatorRole, observeVoteResults, type Role, type VoteResult } from '@sammen/shared';
import type { BlockedReason, Editor } from '../editor/Editor.js';
import { policyFor } from '../editor/permissions.js';
import type { Viewport } from '../geometry/viewport.js';
import { AnnouncerProvider, useAnnounce } from './Announcer.js';
import { FacilitatorPanel } from './facilitator/FacilitatorPanel.js';
import { useControlChannel } from './useControlChannel.js';
import { useFollow, type FollowState } from './useFollow.js';
import { stepFrameBox, useStepFocus } from './phone/useStepFocus.js';
import { usePrivateNotes, useWaitingPrivateNotes, type PrivateNotes } from './usePrivateNotes.js';
import { shownResults } from './votes.js';
import { AgendaBar } from './ui/AgendaBar.js';
import { BoardOverlays } from './ui/BoardOverlays.js';
import { FloatingReactions, HandsAndReactions } from './ui/HandsAndReactions.js';
import { ResultsPanel } from './ui/ResultsPanel.js';
import { useCovering } from './ui/useCovering.js';
import { StatusStrip } from './ui/StatusStrip.js';
import { TimerAlerts } from './ui/Timer.js';
import { useVoteActions, type VoteActions } from './ui/useVoteActions.js';
import { VoteBar } from './ui/VoteBar.js';
import { OpinionList } from './opinion/OpinionList.js';
import { OpinionMapPanel, useStoredOpinions } from './opinion/OpinionMapPanel.js';
import { useOpinionActions } from './opinion/useOpinionActions.js';
import { RoleSide } from './role/RoleSide.js';
import { useNarrowScreen } from './phone/useNarrowScreen.js';
import { WorkshopContext, type WorkshopApi, type WorkshopSessionInfo } from './WorkshopContext.js';
import './workshop.css';

/** Everything the board page needs from the workshop, and the pieces it places around the canvas. */
export interface WorkshopBoard {
  api: WorkshopApi | null;
  role: Role | null;
  /** The private notes document and its editor, while this participant brainstorms privately. */
  privateNotes: PrivateNotes | null;
  follow: FollowState;
  boardEditor: Editor | null;
  /** Why the editor just refused a gesture, as an i18n key (a locked frame, a read-only board). */
  blocked: BlockedReason | null;
  dismissBlocked(): void;
  /** Placing and taking back dots, with the latest refusal (shared by the vote bar and the buttons on notes). */
  voteActions: VoteActions;
}

interface Options {
  boardId: string;
  workshop: WorkshopSessionInfo | null;
  boardEditor: Editor | null;
  revoked: boolean;
  onRemoved(): void;
  /** The board has synced once (its frames are there to look at). */
  synced?: boolean;
}

/** Revealed votes stored in the board document (the server writes them at each reveal). */
function useStoredResults(doc: Y.Doc | null): VoteResult[] {
  const [results, setResults] = useState<{ doc: Y.Doc | null; value: VoteResult[] }>({ doc: null, value: [] });
  useEffect(() => {
    if (!doc) return;
    const read = (): void => setResults({ doc, value: getVoteResults(doc) });
    read();
    return observeVoteResults(doc, read);
  }, [doc]);
  return results.doc === doc ? results.value : [];
}

/**
 * The workshop side of a board page: control channel, role and locks applied to the editor,
 * private notes, follow me. Returns inert values on an open board (no session).
 */
export function useWorkshopBoard({ boardId, workshop, boardEditor, revoked, onRemoved, synced = false }: Options): WorkshopBoard {
  const api = useControlChannel(revoked ? null : workshop);
  const view = api?.view ?? null;
  const role: Role | null = view?.me.role ?? workshop?.role ?? null;
  const privateActive = role === 'participant' && !!view?.private.active;
  const privateNotes = usePrivateNotes(boardId, workshop?.token ?? null, privateActive, boardEditor);
  const activeEditor = privateNotes?.editor ?? boardEditor;
  const isFacilitator = role !== null && isFacilitatorRole(role);
  const viewRef = useRef(view);
  viewRef.current = view;
  const follow = useFollow(api, activeEditor, isFacilitator, () => stepFrameBox(viewRef.current, boardEditor));
  // Participants and observers open on the current step's frame, and move with the steps.
  useStepFocus(view, boardEditor, activeEditor, synced, role !== null && !isFacilitator, follow.offered && follow.following);
  const [blocked, setBlocked] = useState<BlockedReason | null>(null);
  const voteActions = useVoteActions(api);

  const locksKey = JSON.stringify(view?.locks ?? null);
  useEffect(() => {
    if (!boardEditor || !role) return;
    const base = policyFor(role, view?.locks ?? null);
    // Behind one's private notes the board is only a backdrop: nothing there changes meanwhile.
    boardEditor.setPolicy(privateNotes ? { ...base, readOnly: true } : base);
    privateNotes?.editor.setPolicy({ ...base, notesOnly: true });
    // `locksKey` stands for view.locks by value: a new view with the same locks changes nothing.
  }, [boardEditor, role, locksKey, privateNotes]);

  useEffect(() => {
    const editors = [boardEditor, privateNotes?.editor].filter((e): e is Editor => !!e);
    for (const e of editors) e.onBlocked = (reason) => setBlocked(reason === 'readOnly' && role === 'observer' ? null : reason);
    return () => {
      for (const e of editors) e.onBlocked = null;
    };
  }, [boardEditor, privateNotes, role]);

  const on = api?.on;
  useEffect(() => (on ? on('removed', onRemoved) : undefined), [on, onRemoved]);

  return { api, role, privateNotes, follow, boardEditor, blocked, dismissBlocked: () => setBlocked(null), voteActions };
}

/** Provides the workshop to everything inside (the facilitator panel among them) and one live region. */
export function WorkshopLayer({ ws, children }: { ws: WorkshopBoard; children: ReactNode }) {
  return (
    <WorkshopContext.Provider value={ws.api}>
      <AnnouncerProvider>
        {children}
        {ws.api && <RevealAnnouncer api={ws.api} />}
      </AnnouncerProvider>
    </WorkshopContext.Provider>
  );
}

function RevealAnnouncer({ api }: { api: WorkshopApi }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const on = api.on;
  useEffect(() => on('revealed', ({ count }) => announce(t('workshop.private.revealed', { count }))), [on, announce, t]);
  return <FloatingReactions api={api} />;
}

/**
 * Above the board: the agenda with its timer, what limits this person now, and the open vote. The
 * facilitator gets neither agenda nor vote bar here: the run sheet beside the board shows both (and
 * the chime switch); they would only push the board down by a sixth of the screen.
 */
export function WorkshopTop({ ws, notice, onDismissNotice, phone = false }: { ws: WorkshopBoard; notice: string | null; onDismissNotice(): void; phone?: boolean }) {
  const { t } = useTranslation();
  const { api, role, boardEditor } = ws;
  const waitingNotes = useWaitingPrivateNotes();
  const view = api?.view ?? null;
  if (!api || !role) return null;
  const blockedText = ws.blocked ? t(`workshop.blocked.${ws.blocked}`) : null;
  const facilitator = isFacilitatorRole(role);
  return (
    <div className={phone ? 'workshop-top workshop-top-phone' : 'workshop-top'}>
      {view && <TimerAlerts timer={view.timer} clockOffset={api.clockOffset} />}
      {/* On a phone the agenda is in the header and the vote in the bottom bar. */}
      {view && !phone && !facilitator && <AgendaBar view={view} clockOffset={api.clockOffset} />}
      <StatusStrip
        role={role}
        view={view}
        privateNotes={!!ws.privateNotes}
        waitingNotes={waitingNotes}
        follow={ws.follow}
        notice={notice ?? blockedText}
        onDismissNotice={notice ? onDismissNotice : ws.dismissBlocked}
      />
      {view?.vote && role !== 'observer' && !facilitator && boardEditor && !phone && <VoteBar vote={view.vote} editor={boardEditor} actions={ws.voteActions} />}
    </div>
  );
}

/** Over the canvas: lock labels, vote buttons, result badges, private markers. */
export function WorkshopOverlays({ ws, viewport, phone = false }: { ws: WorkshopBoard; viewport: Viewport; phone?: boolean }) {
  const { api, role, boardEditor } = ws;
  const view = api?.view ?? null;
  const stored = useStoredResults(boardEditor?.doc ?? null);
  if (!api || !boardEditor || !view) return null;
  const canVote = role !== 'observer' && view.vote?.status === 'open';
  return (
    <>
    {!phone && <HandsAndReactions api={api} view={view} />}
    <BoardOverlays
      board={boardEditor}
      privateEditor={ws.privateNotes?.editor ?? null}
      viewport={viewport}
      lockedFrames={view.locks.frames}
      vote={canVote ? view.vote : null}
      results={shownResults(view.vote, stored)}
      actions={canVote ? ws.voteActions : null}
      phone={phone}
    />
    </>
  );
}

/**
 * Beside the board: the revealed results, the opinion round (its list for participants on a
 * computer; on a phone the bottom bar has the cards), the revealed opinion map, and the facilitator
 * panel for facilitators.
 */
export function WorkshopSide({ ws, listView = false }: { ws: WorkshopBoard; listView?: boolean }) {
  const { t } = useTranslation();
  const { api, role, boardEditor } = ws;
  const stored = useStoredResults(boardEditor?.doc ?? null);
  const opinions = useStoredOpinions(boardEditor?.doc ?? null);
  const opinionActions = useOpinionActions(api);
  const narrow = useNarrowScreen();
  if (!api || !boardEditor) return null;
  const results = api.view ? shownResults(api.view.vote, stored) : null;
  const round = api.view?.opinion ?? null;
  // The map the server wrote on the board, while its round is the current one.
  const map = round?.status === 'revealed' ? (opinions.find((o) => o.id === round.id) ?? round.result) : null;
  // In the list view the round is part of the list; on a phone the bottom bar has its cards.
  const marking = round?.status === 'open' && role === 'participant' && !narrow && !listView;
  return (
    <>
      {results && !map && <ResultsPanel results={results} editor={boardEditor} />}
      {map && <OpinionMapPanel key={map.id} result={map} editor={boardEditor} />}
      {marking && (
        <OpinionSide editor={boardEditor} label={t('opinion.title')}>
          <OpinionList round={round} actions={opinionActions} headingLevel={2} />
        </OpinionSide>
      )}
      {!listView && <RoleSide api={api} participant={role === 'participant'} editor={boardEditor} />}
      {role && isFacilitatorRole(role) && <FacilitatorPanel editor={boardEditor} />}
    </>
  );
}

/** A participant's opinion list beside the board on a computer; the statements on the board stay in view beside it. */
function OpinionSide({ editor, label, children }: { editor: Editor; label: string; children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  useCovering(ref, editor, true, 'opinion-side');
  return (
    <aside ref={ref} className="opinion-side" aria-label={label}>
      {children}
    </aside>
  );
}
