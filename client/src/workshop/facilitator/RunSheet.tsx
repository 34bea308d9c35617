import { ChevronLeft, Eye, Hand, Pause, Play, Plus, RotateCcw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Frame, WorkshopView } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import { notesInFrame, zoomToElement } from '../../editor/clusterCommands.js';
import { LucideGlyph } from '../../ui/icons.js';
import { formatClock, remainingMs } from '../timer.js';
import { frameViewport } from './agendaEdit.js';
import { type NextAction, nextAction, runStateOf } from './nextAction.js';
import { SoundToggle } from '../ui/Timer.js';
import { useNow } from './TimerSection.js';
import { useStoreVersion } from './useBoardFrames.js';
import { showFrameAfterLayout } from './showFrame.js';
import type { Runner } from './useCommand.js';
import { rankResults } from './voteRanking.js';
import { OpinionSection } from '../opinion/OpinionSection.js';

export type PanelTab = 'now' | 'agenda' | 'people' | 'share' | 'tools';

interface Props {
  view: WorkshopView;
  editor: Editor;
  frames: Frame[];
  clockOffset: number;
  run: Runner;
  onOpenTab(tab: PanelTab): void;
}

/**
 * The run sheet: what the facilitator needs *now*, in the order they need it — the step, its clock,
 * the one next action the step's settings call for (`nextAction`), raised hands, their own notes,
 * and what comes next. Everything else is one tab away.
 */
export function RunSheet({ view, editor, frames, clockOffset, run, onOpenTab }: Props) {
  const { t, i18n } = useTranslation();
  useStoreVersion(editor); // the vote button counts the notes in the step's frame
  const { steps, current } = view.agenda;
  const step = steps[current];
  const upcoming = steps[current + 1];
  const frame = step?.frameId ? frames.find((f) => f.id === step.frameId) : undefined;
  const action = nextAction(step, runStateOf(view));
  const now = useNow(view.timer.status === 'running') + clockOffset;
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const minutes = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'unit', unit: 'minute', unitDisplay: 'short' });

  // A running opinion round belongs on the run sheet, with or without an agenda: progress, suggestions, reveal, end.
  const opinion = view.opinion && (
    <section className="rs-results" aria-labelledby="rs-opinion-heading">
      <h3 id="rs-opinion-heading" className="rs-label">
        {t('facilitator.sections.opinion')}
      </h3>
      <OpinionSection view={view} editor={editor} run={run} compact />
    </section>
  );

  if (!step) {
    return (
      <div className="rs">
        {opinion}
        <p className="fac-meta">{t('facilitator.agenda.empty')}</p>
        <button type="button" onClick={() => onOpenTab('agenda')}>
          {t('facilitator.tabs.agenda')}
        </button>
      </div>
    );
  }

  /** Goes to a step and shows its frame on this screen (the board fits beside the panel). */
  const goTo = async (command: { type: 'agenda.next' } | { type: 'agenda.prev' }, target: number) => {
    const ok = await run(command);
    const targetFrame = steps[target]?.frameId;
    if (ok && targetFrame) showFrameAfterLayout(editor, targetFrame);
  };

  const showEveryone = (f: Frame) => {
    zoomToElement(editor, f.id);
    void run({ type: 'follow.bringHere', viewport: frameViewport(f) });
  };

  const perform = async (a: NextAction) => {
    switch (a.kind) {
      case 'startPrivate':
        if (!view.private.active && !(await run({ type: 'private.start', reveal: view.private.reveal }))) return;
        if (a.minutes > 0 && view.timer.status === 'idle') await run({ type: 'timer.start', seconds: Math.round(a.minutes * 60) });
        return;
      case 'reveal':
        await run({ type: 'private.reveal' });
        return;
      case 'startVote': {
        const ids = a.frameId ? notesInFrame(editor, a.frameId).map((n) => n.id) : [];
        if (!ids.length) return;
        const started = await run({ type: 'vote.start', elementIds: ids, dotsPerPerson: a.dotsPerPerson, allowMultiplePerElement: a.allowMultiplePerElement, title: step.title });
        // The step's time box is the voting time: one click starts both.
        if (started && step.minutes > 0 && view.timer.status === 'idle') await run({ type: 'timer.start', seconds: step.minutes * 60 });
        return;
      }
      case 'showResults':
        await run({ type: 'vote.reveal' });
        return;
      case 'nextStep':
        await goTo({ type: 'agenda.next' }, a.index);
        return;
      case 'finished':
      case 'none':
        return;
    }
  };

  const participants = view.members.filter((m) => m.role === 'participant' && m.online).length;
  const voteNotes = action.kind === 'startVote' && action.frameId ? notesInFrame(editor, action.frameId).length : 0;
  const actionLabel = (): string | null => {
    switch (action.kind) {
      case 'startPrivate':
        return action.minutes > 0 ? t('facilitator.run.startPrivateFor', { count: action.minutes }) : t('facilitator.run.startPrivate');
      case 'reveal':
        return t('facilitator.private.reveal');
      case 'startVote':
        return t('facilitator.run.startVote', { count: action.dotsPerPerson });
      case 'showResults':
        return t('facilitator.vote.reveal');
      case 'nextStep':
        return t('facilitator.agenda.next');
      default:
        return null;
    }
  };
  const actionHint = (): string | null => {
    switch (action.kind) {
      case 'startPrivate':
        return t('facilitator.run.hintStartPrivate');
      case 'reveal':
        return step.private ? t('facilitator.run.hintReveal') : t('facilitator.run.hintRevealLeftOn');
      case 'startVote':
        if (!action.frameId) return t('facilitator.run.hintVoteNoFrame');
        return voteNotes ? t('facilitator.run.hintVote', { count: voteNotes, formatted: number.format(voteNotes) }) : t('facilitator.run.hintVoteEmpty');
      case 'showResults':
        return t('facilitator.run.hintResults', { voters: number.format(view.vote?.voters ?? 0), count: participants });
      case 'finished':
        return t('facilitator.run.finished');
      default:
        return null;
    }
  };
  // This step's revealed vote, top three: what the facilitator reads aloud next.
  const ownVote = view.vote && view.vote.stepId === step.id && view.vote.status === 'revealed' ? view.vote.results : null;
  // Only notes that got a dot: a vote nobody took part in has no top three (the results card says so).
  const ownResults = ownVote ? rankResults(ownVote.filter((r) => r.count > 0), editor.store.lookup).slice(0, 3) : [];
  const label = actionLabel();
  const hint = actionHint();
  const disabled = action.kind === 'startVote' && voteNotes === 0;
  const { timer } = view;
  // Before the first start the clock shows the step's time box, not 00:00.
  const left = timer.status === 'idle' && timer.durationMs === 0 ? step.minutes * 60_000 : remainingMs(timer, now);

  return (
    <div className="rs">
      <div className="rs-step">
        <div className="rs-step-top">
          <p className="rs-kicker">{t('facilitator.run.stepOf', { n: current + 1, count: steps.length })}</p>
          <button type="button" className="icon-button" aria-label={t('facilitator.agenda.prev')} disabled={current <= 0} onClick={() => void goTo({ type: 'agenda.prev' }, current - 1)}>
            <LucideGlyph icon={ChevronLeft} size={18} />
          </button>
        </div>
        <h2 className="rs-title" id="rs-title">
          {step.title}
        </h2>
        <p className="fac-meta">
          {t(`facilitator.levels.${step.level}`)}
          {step.minutes > 0 && ` · ${minutes.format(step.minutes)}`}
          {step.private && ` · ${t('facilitator.agenda.privateTag')}`}
          {step.vote && ` · ${t('facilitator.agenda.voteTag')}`}
        </p>
      </div>

      <div className="rs-timer" role="group" aria-label={t('facilitator.sections.timer')}>
        <span className="rs-clock" aria-hidden={timer.status === 'running'}>
          {formatClock(left)}
        </span>
        <span className="fac-meta rs-clock-status">{t(`facilitator.timer.status.${timer.status}`)}</span>
        <span className="rs-timer-buttons">
          {timer.status === 'running' && (
            <button type="button" className="icon-button" aria-label={t('facilitator.timer.pause')} onClick={() => void run({ type: 'timer.pause' })}>
              <LucideGlyph icon={Pause} size={18} />
            </button>
          )}
          {timer.status === 'paused' && (
            <button type="button" className="icon-button" aria-label={t('facilitator.timer.resume')} onClick={() => void run({ type: 'timer.resume' })}>
              <LucideGlyph icon={Play} size={18} />
            </button>
          )}
          {timer.status === 'idle' && step.minutes > 0 && action.kind !== 'startPrivate' && action.kind !== 'startVote' && (
            <button type="button" className="icon-button" aria-label={t('facilitator.timer.startStep', { count: step.minutes })} onClick={() => void run({ type: 'timer.start', seconds: step.minutes * 60 })}>
              <LucideGlyph icon={Play} size={18} />
            </button>
          )}
          {timer.status !== 'idle' && (
            <>
              <button type="button" className="icon-button" aria-label={t('facilitator.timer.addMinute')} onClick={() => void run({ type: 'timer.addMinute' })}>
                <LucideGlyph icon={Plus} size={18} />
              </button>
              <button type="button" className="icon-button" aria-label={t('facilitator.timer.reset')} onClick={() => void run({ type: 'timer.reset' })}>
                <LucideGlyph icon={RotateCcw} size={18} />
              </button>
            </>
          )}
          <SoundToggle />
        </span>
      </div>

      <div className="rs-action">
        {label && (
          <button type="button" className="primary rs-action-button" data-testid="next-action" disabled={disabled} aria-describedby={hint ? 'rs-action-hint' : undefined} onClick={() => void perform(action)}>
            {label}
          </button>
        )}
        {hint && (
          <p id="rs-action-hint" className="fac-meta" data-testid="next-action-hint" aria-live="polite">
            {hint}
          </p>
        )}
      </div>

      {ownResults.length > 0 && (
        <section className="rs-results" aria-labelledby="rs-results-heading">
          <h3 id="rs-results-heading" className="rs-label">
            {t('facilitator.run.topResults')}
          </h3>
          <ol className="fac-results">
            {ownResults.map((r) => (
              <li key={r.elementId}>
                <span className="fac-rank">{t('facilitator.vote.rank', { rank: number.format(r.rank) })}</span>
                <span className="fac-result-text">{r.text.trim() || t('board.emptyNote')}</span>
                <span className="fac-result-count">{t('facilitator.vote.dotCount', { count: r.count, formatted: number.format(r.count) })}</span>
              </li>
            ))}
          </ol>
        </section>
      )}

      {opinion}

      {view.hands.length > 0 && (
        <button type="button" className="rs-hands" onClick={() => onOpenTab('people')}>
          <LucideGlyph icon={Hand} size={18} />
          <span>
            {t('facilitator.run.hands', { count: view.hands.length, formatted: number.format(view.hands.length) })}: {view.hands.map((h) => h.name).join(', ')}
          </span>
        </button>
      )}

      <div className="rs-next">
        {upcoming && (
          <>
            <p className="rs-label">{t('facilitator.run.upNext')}</p>
            <p className="rs-next-title">
              {t('facilitator.run.upNextStep', { n: current + 2, title: upcoming.title })}
              {upcoming.minutes > 0 && <span className="fac-meta"> · {minutes.format(upcoming.minutes)}</span>}
            </p>
            {action.kind !== 'nextStep' && (
              <button type="button" onClick={() => void goTo({ type: 'agenda.next' }, current + 1)}>
                {t('facilitator.agenda.next')}
              </button>
            )}
          </>
        )}
      </div>

      <section className="rs-notes" aria-labelledby="rs-notes-heading">
        <h3 id="rs-notes-heading" className="rs-label">
          {t('facilitator.run.yourNotes')}
        </h3>
        {step.facilitatorNotes?.trim() ? <p className="rs-script">{step.facilitatorNotes}</p> : <p className="fac-meta">{t('facilitator.run.noNotes')}</p>}
        <h3 className="rs-label">{t('facilitator.run.participantsSee')}</h3>
        <p className="rs-participant">{step.participantText.trim() || t('facilitator.run.onlyTitle')}</p>
        {frame && (
          <button type="button" className="rs-small" onClick={() => showEveryone(frame)}>
            <LucideGlyph icon={Eye} size={16} /> {t('facilitator.agenda.showEveryone')}
          </button>
        )}
      </section>

    </div>
  );
}
