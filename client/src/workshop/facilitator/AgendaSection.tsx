import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaStep, Frame, WorkshopView } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import { notesInFrame, zoomToElement } from '../../editor/clusterCommands.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { blankStep, frameViewport, fullSteps, moveStep, removeStep, upsertStep } from './agendaEdit.js';
import { StepEditor } from './StepEditor.js';
import { showFrameAfterLayout } from './showFrame.js';
import type { Runner } from './useCommand.js';

/**
 * The agenda: where the workshop is (previous / next / go to), the current step's own actions
 * (show its frame to everyone, start its vote), and editing the steps. Edits send the whole list.
 */
export function AgendaSection({ view, editor, frames, run }: { view: WorkshopView; editor: Editor; frames: Frame[]; run: Runner }) {
  const { t, i18n } = useTranslation();
  const { current } = view.agenda;
  const steps = fullSteps(view.agenda.steps);
  const [editing, setEditing] = useState<AgendaStep | null>(null);
  const minutes = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  const step = steps[current];
  const frame = step?.frameId ? frames.find((f) => f.id === step.frameId) : undefined;
  const setSteps = (next: AgendaStep[]) => run({ type: 'agenda.set', steps: next });

  const showEveryone = (f: Frame) => {
    zoomToElement(editor, f.id);
    void run({ type: 'follow.bringHere', viewport: frameViewport(f) });
  };

  /** Goes to a step and shows its frame on this screen, as the run sheet does. */
  const goTo = async (index: number) => {
    const target = steps[index]?.frameId;
    if ((await run({ type: 'agenda.goto', index })) && target) showFrameAfterLayout(editor, target);
  };

  const startStepVote = (s: AgendaStep, f: Frame) => {
    const ids = notesInFrame(editor, f.id).map((n) => n.id);
    if (!ids.length || !s.vote) return;
    void run({ type: 'vote.start', elementIds: ids, dotsPerPerson: s.vote.dotsPerPerson, allowMultiplePerElement: s.vote.allowMultiplePerElement, title: s.title });
  };

  const stepForm = editing && (
    <StepEditor
      key={editing.id}
      step={editing}
      frames={frames}
      editor={editor}
      onCancel={() => setEditing(null)}
      onSave={(saved) => {
        void setSteps(upsertStep(steps, saved)).then((ok) => ok && setEditing(null));
      }}
    />
  );
  const isNew = editing && !steps.some((s) => s.id === editing.id);

  return (
    <div className="fac-agenda">
      <div className="fac-row">
        <button type="button" disabled={current <= 0} onClick={() => void goTo(current - 1)}>
          {t('facilitator.agenda.prev')}
        </button>
        <button type="button" className="primary" disabled={current >= steps.length - 1} onClick={() => void goTo(current + 1)}>
          {t('facilitator.agenda.next')}
        </button>
      </div>

      {step ? (
        <div className="fac-current" aria-live="polite">
          <p className="fac-current-title">
            {t('facilitator.agenda.currentStep', { n: current + 1, count: steps.length, title: step.title })}
          </p>
          <p className="fac-meta">
            {t(`facilitator.levels.${step.level}`)}
            {step.promise && ` · ${step.promise}`}
          </p>
          <div className="fac-row">
            {frame && (
              <button type="button" onClick={() => showEveryone(frame)}>
                {t('facilitator.agenda.showEveryone')}
              </button>
            )}
            {frame && step.vote && (
              <button type="button" onClick={() => startStepVote(step, frame)} disabled={view.vote?.status === 'open'}>
                {t('facilitator.agenda.startStepVote')}
              </button>
            )}
          </div>
        </div>
      ) : (
        <p className="muted">{t('facilitator.agenda.empty')}</p>
      )}

      <ol className="fac-steps">
        {steps.map((s, i) => (
          <li key={s.id} className={i === current ? 'current' : undefined} aria-current={i === current ? 'step' : undefined}>
            <div className="fac-step-line">
              <span className="fac-step-text">
                <span className="fac-step-title">
                  {i === current && <span className="fac-badge">{t('facilitator.agenda.now')}</span>} {s.title}
                </span>
                <span className="fac-meta">
                  {s.minutes > 0 && minutes.format(s.minutes)}
                  {s.private && ` · ${t('facilitator.agenda.privateTag')}`}
                  {s.vote && ` · ${t('facilitator.agenda.voteTag')}`}
                </span>
              </span>
              {i !== current && (
                <button type="button" aria-label={t('facilitator.agenda.gotoNamed', { n: i + 1, title: s.title })} onClick={() => void goTo(i)}>
                  {t('facilitator.agenda.goto')}
                </button>
              )}
              <button type="button" aria-label={t('facilitator.agenda.editNamed', { title: s.title })} aria-expanded={editing?.id === s.id} onClick={() => setEditing(editing?.id === s.id ? null : s)}>
                {t('facilitator.agenda.edit')}
              </button>
            </div>
            {editing?.id === s.id && (
              <>
                {stepForm}
                {/* Reordering and removing are preparation, not live facilitation: they sit with the editor. */}
                <div className="fac-row fac-step-actions">
                  <button type="button" aria-label={t('facilitator.agenda.moveUpNamed', { title: s.title })} disabled={i === 0} onClick={() => void setSteps(moveStep(steps, i, -1))}>
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={t('facilitator.agenda.moveDownNamed', { title: s.title })}
                    disabled={i === steps.length - 1}
                    onClick={() => void setSteps(moveStep(steps, i, 1))}
                  >
                    ↓
                  </button>
                  <ConfirmButton
                    label={t('facilitator.agenda.remove')}
                    ariaLabel={t('facilitator.agenda.removeNamed', { title: s.title })}
                    question={t('facilitator.agenda.removeQuestion', { title: s.title })}
                    confirmLabel={t('facilitator.agenda.removeConfirm')}
                    onConfirm={() => {
                      setEditing(null);
                      void setSteps(removeStep(steps, i));
                    }}
                  />
                </div>
              </>
            )}
          </li>
        ))}
      </ol>
      {isNew ? (
        stepForm
      ) : (
        <button type="button" disabled={steps.length >= 50} onClick={() => setEditing(blankStep(t('facilitator.agenda.newStepTitle', { n: steps.length + 1 })))}>
          {t('facilitator.agenda.add')}
        </button>
      )}
    </div>
  );
}
