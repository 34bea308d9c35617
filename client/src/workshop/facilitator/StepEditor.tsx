import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PARTICIPATION_LEVELS, type AgendaStep, type Frame, type ParticipationLevel } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import { selectedFrame } from '../../editor/clusterCommands.js';
import { frameChoices, normaliseStep } from './agendaEdit.js';

/**
 * The form for one agenda step: everything a step holds, with translated labels. It edits a local
 * copy; Save hands the normalised step back (the caller sends the whole agenda).
 */
export function StepEditor({
  step,
  frames,
  editor,
  onSave,
  onCancel,
}: {
  step: AgendaStep;
  frames: Frame[];
  editor: Editor;
  onSave: (step: AgendaStep) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<AgendaStep>(step);
  const set = (patch: Partial<AgendaStep>) => setDraft((d) => ({ ...d, ...patch }));
  const untitled = t('board.untitledFrame');
  const frameLabel = (f: Frame) => f.title.trim() || untitled;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const clean = normaliseStep(draft);
    if (clean) onSave(clean);
  };

  const takeSelectedFrame = () => {
    const frame = selectedFrame(editor);
    if (frame) set({ frameId: frame.id });
  };

  return (
    <form className="fac-step-editor" onSubmit={onSubmit} aria-label={t('facilitator.agenda.editStep')}>
      <label htmlFor={`${id}-title`}>{t('facilitator.agenda.stepTitle')}</label>
      <input id={`${id}-title`} required maxLength={200} value={draft.title} onChange={(e) => set({ title: e.target.value })} />

      <label htmlFor={`${id}-participant`}>{t('facilitator.agenda.participantText')}</label>
      <textarea
        id={`${id}-participant`}
        rows={2}
        maxLength={1000}
        aria-describedby={`${id}-participant-hint`}
        value={draft.participantText}
        onChange={(e) => set({ participantText: e.target.value })}
      />
      <p id={`${id}-participant-hint`} className="fac-hint">
        {t('facilitator.agenda.participantTextHint')}
      </p>

      <label htmlFor={`${id}-notes`}>{t('facilitator.agenda.facilitatorNotes')}</label>
      <textarea
        id={`${id}-notes`}
        rows={4}
        maxLength={4000}
        aria-describedby={`${id}-notes-hint`}
        value={draft.facilitatorNotes}
        onChange={(e) => set({ facilitatorNotes: e.target.value })}
      />
      <p id={`${id}-notes-hint`} className="fac-hint">
        {t('facilitator.agenda.facilitatorNotesHint')}
      </p>

      <div className="fac-row">
        <div className="fac-field">
          <label htmlFor={`${id}-minutes`}>{t('facilitator.agenda.minutes')}</label>
          <input
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            min={0}
            max={480}
            value={Number.isFinite(draft.minutes) ? draft.minutes : ''}
            onChange={(e) => set({ minutes: e.target.valueAsNumber })}
          />
        </div>
        <div className="fac-field">
          <label htmlFor={`${id}-level`}>{t('facilitator.agenda.level')}</label>
          <select id={`${id}-level`} value={draft.level} onChange={(e) => set({ level: e.target.value as ParticipationLevel })}>
            {PARTICIPATION_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`facilitator.levels.${level}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      <label htmlFor={`${id}-frame`}>{t('facilitator.agenda.frame')}</label>
      <div className="fac-row fac-frame-pick">
        <select id={`${id}-frame`} value={draft.frameId ?? ''} onChange={(e) => set({ frameId: e.target.value || null })}>
          <option value="">{t('facilitator.agenda.noFrame')}</option>
          {frameChoices(frames).map((f) => (
            <option key={f.id} value={f.id}>
              {frameLabel(f)}
            </option>
          ))}
          {draft.frameId && !frames.some((f) => f.id === draft.frameId) && <option value={draft.frameId}>{t('facilitator.agenda.missingFrame')}</option>}
        </select>
        <button type="button" onClick={takeSelectedFrame}>
          {t('facilitator.agenda.useSelectedFrame')}
        </button>
      </div>

      <label htmlFor={`${id}-promise`}>{t('facilitator.agenda.promise')}</label>
      <input
        id={`${id}-promise`}
        maxLength={300}
        value={draft.promise}
        placeholder={t('facilitator.agenda.promisePlaceholder')}
        onChange={(e) => set({ promise: e.target.value })}
      />

      <label className="fac-check">
        <input type="checkbox" checked={draft.private} onChange={(e) => set({ private: e.target.checked })} />
        {t('facilitator.agenda.private')}
      </label>

      <label className="fac-check">
        <input
          type="checkbox"
          checked={!!draft.vote}
          onChange={(e) => set({ vote: e.target.checked ? { dotsPerPerson: 3, allowMultiplePerElement: false } : null })}
        />
        {t('facilitator.agenda.hasVote')}
      </label>
      {draft.vote && (
        <div className="fac-row fac-indent">
          <div className="fac-field">
            <label htmlFor={`${id}-dots`}>{t('facilitator.vote.dots')}</label>
            <input
              id={`${id}-dots`}
              type="number"
              inputMode="numeric"
              min={1}
              max={50}
              value={Number.isFinite(draft.vote.dotsPerPerson) ? draft.vote.dotsPerPerson : ''}
              onChange={(e) => set({ vote: { ...draft.vote!, dotsPerPerson: e.target.valueAsNumber } })}
            />
          </div>
          <label className="fac-check">
            <input
              type="checkbox"
              checked={draft.vote.allowMultiplePerElement}
              onChange={(e) => set({ vote: { ...draft.vote!, allowMultiplePerElement: e.target.checked } })}
            />
            {t('facilitator.vote.multiple')}
          </label>
        </div>
      )}

      <div className="fac-row">
        <button type="submit" className="primary">
          {t('facilitator.agenda.saveStep')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('facilitator.cancel')}
        </button>
      </div>
    </form>
  );
}
