import { useTranslation } from 'react-i18next';
import type { WorkshopView } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import { notesInFrame, selectedFrame, selectedNotes } from '../../editor/clusterCommands.js';
import { useSelection } from '../facilitator/useBoardFrames.js';
import type { Runner } from '../facilitator/useCommand.js';

/**
 * The facilitator's controls for the opinion round: start it on the selected frame's notes (or the
 * selected notes), see how far the room is (counts only: nobody sees a mark before the reveal),
 * accept or drop suggested statements, show the map, end the round.
 */
export function OpinionSection({ view, editor, run, compact = false }: { view: WorkshopView; editor: Editor; run: Runner; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  useSelection(editor); // the start buttons count what is selected
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);
  const round = view.opinion;
  const participants = view.members.filter((m) => m.role === 'participant').length;

  if (round?.status === 'open') {
    const suggestions = round.suggestions ?? [];
    return (
      <div className="fac-opinion" data-testid="fac-opinion">
        <div className="fac-current" aria-live="polite">
          <p className="fac-current-title">{t('opinion.fac.statusOpen')}</p>
          <p className="fac-meta" data-testid="opinion-progress">
            {t('opinion.fac.statements', { count: round.statements.length, formatted: number.format(round.statements.length) })}
            {' · '}
            {t('opinion.fac.progress', { marking: number.format(round.progress.marking), done: number.format(round.progress.done), participants: number.format(participants) })}
          </p>
        </div>
        <h3 className="fac-subheading">{t('opinion.fac.suggestions')}</h3>
        {suggestions.length === 0 ? (
          <p className="fac-meta">{t('opinion.fac.noSuggestions')}</p>
        ) : (
          <ul className="fac-suggestions" data-testid="opinion-suggestions">
            {suggestions.map((s) => (
              <li key={s.id}>
                <span className="fac-result-text">{s.text}</span>
                <span className="fac-row">
                  <button type="button" onClick={() => void run({ type: 'opinion.accept', suggestionId: s.id })} aria-label={t('opinion.fac.acceptNamed', { text: s.text })}>
                    {t('opinion.fac.accept')}
                  </button>
                  <button type="button" onClick={() => void run({ type: 'opinion.reject', suggestionId: s.id })} aria-label={t('opinion.fac.rejectNamed', { text: s.text })}>
                    {t('opinion.fac.reject')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
        <div className="fac-row">
          <button type="button" className="primary" onClick={() => void run({ type: 'opinion.reveal' })} data-testid="opinion-reveal">
            {t('opinion.fac.reveal')}
          </button>
          <button type="button" onClick={() => void run({ type: 'opinion.end' })}>
            {t('opinion.fac.endUnrevealed')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="fac-opinion" data-testid="fac-opinion">
      {round?.status === 'revealed' && (
        <div className="fac-current">
          <p className="fac-current-title">{t('opinion.fac.statusRevealed')}</p>
          <button type="button" onClick={() => void run({ type: 'opinion.end' })}>
            {t('opinion.fac.end')}
          </button>
        </div>
      )}
      {/* On the run sheet only the running round: starting one is in the tools. */}
      {!compact && <OpinionStart editor={editor} run={run} />}
    </div>
  );
}

function OpinionStart({ editor, run }: { editor: Editor; run: Runner }) {
  const { t } = useTranslation();
  const notes = selectedNotes(editor);
  const frame = selectedFrame(editor);
  const frameNotes = frame ? notesInFrame(editor, frame.id) : [];
  return (
    <>
      <p className="fac-meta">{t('opinion.fac.explain')}</p>
      <div className="fac-row">
        <button
          type="button"
          disabled={!frameNotes.length}
          onClick={() => void run({ type: 'opinion.start', elementIds: frameNotes.map((n) => n.id).slice(0, 200), title: (frame?.title ?? '').slice(0, 200), frameId: frame?.id ?? null })}
          data-testid="opinion-start-frame"
        >
          {t('opinion.fac.startFrame', { count: frameNotes.length })}
        </button>
        <button type="button" disabled={!notes.length} onClick={() => void run({ type: 'opinion.start', elementIds: notes.map((n) => n.id).slice(0, 200) })}>
          {t('opinion.fac.startSelected', { count: notes.length })}
        </button>
      </div>
      {!notes.length && !frameNotes.length && <p className="fac-meta">{t('opinion.fac.selectHint')}</p>}
    </>
  );
}
