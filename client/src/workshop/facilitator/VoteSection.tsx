import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopView } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import { notesInFrame, selectedFrame, selectedNotes } from '../../editor/clusterCommands.js';
import { useSelection, useStoreVersion } from './useBoardFrames.js';
import type { Runner } from './useCommand.js';
import { rankResults } from './voteRanking.js';

/**
 * Dot voting. The server holds the ballots: before the reveal the panel knows only how many people
 * have voted (never counts per note, not even for the facilitator), so nobody is swayed mid-vote.
 */
export function VoteSection({ view, editor, run }: { view: WorkshopView; editor: Editor; run: Runner }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  useSelection(editor); // re-render when the selection changes: the buttons count selected notes
  const version = useStoreVersion(editor);
  const [dots, setDots] = useState(3);
  const [multiple, setMultiple] = useState(false);
  const vote = view.vote;
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);

  const notes = selectedNotes(editor);
  const frame = selectedFrame(editor);
  const frameNotes = frame ? notesInFrame(editor, frame.id) : [];
  const ranked = useMemo(
    () => (version >= 0 && vote?.results ? rankResults(vote.results, editor.store.lookup) : []),
    [vote?.results, editor, version],
  );

  const start = (elementIds: string[], title: string) => {
    const dotsPerPerson = Math.max(1, Math.min(50, Math.round(dots) || 1));
    void run({ type: 'vote.start', elementIds, dotsPerPerson, allowMultiplePerElement: multiple, title: title.slice(0, 200) });
  };
  const open = vote?.status === 'open';

  return (
    <div className="fac-vote">
      {vote && (
        <div className="fac-current" aria-live="polite">
          <p className="fac-current-title">{t(`facilitator.vote.status.${vote.status}`)}</p>
          <p className="fac-meta">
            {t('facilitator.vote.summary', { notes: number.format(vote.elementIds.length), dots: number.format(vote.dotsPerPerson) })}
            {' · '}
            {t('facilitator.vote.voters', { count: vote.voters, formatted: number.format(vote.voters) })}
          </p>
          <div className="fac-row">
            {open && (
              <button type="button" onClick={() => void run({ type: 'vote.close' })}>
                {t('facilitator.vote.close')}
              </button>
            )}
            {vote.status !== 'revealed' && (
              <button type="button" className="primary" onClick={() => void run({ type: 'vote.reveal' })}>
                {t('facilitator.vote.reveal')}
              </button>
            )}
          </div>
          {vote.status === 'revealed' && (
            <>
              <h3 className="fac-subheading" id={`${id}-results`}>
                {t('facilitator.vote.results')}
              </h3>
              <ol className="fac-results" aria-labelledby={`${id}-results`}>
                {ranked.map((r) => (
                  <li key={r.elementId}>
                    <span className="fac-rank">{t('facilitator.vote.rank', { rank: number.format(r.rank) })}</span>
                    <span className="fac-result-text">{r.text.trim() || t('board.emptyNote')}</span>
                    <span className="fac-result-count">{t('facilitator.vote.dotCount', { count: r.count, formatted: number.format(r.count) })}</span>
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}

      {!open && (
        <fieldset className="fac-fieldset">
          <legend>{t('facilitator.vote.new')}</legend>
          <div className="fac-row">
            <label htmlFor={`${id}-dots`}>{t('facilitator.vote.dots')}</label>
            <input
              id={`${id}-dots`}
              type="number"
              inputMode="numeric"
              className="fac-number"
              min={1}
              max={50}
              value={Number.isFinite(dots) ? dots : ''}
              onChange={(e) => setDots(e.target.valueAsNumber)}
            />
          </div>
          <label className="fac-check">
            <input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} />
            {t('facilitator.vote.multiple')}
          </label>
          <div className="fac-row">
            <button type="button" disabled={!notes.length} onClick={() => start(notes.map((n) => n.id), '')}>
              {t('facilitator.vote.startSelected', { count: notes.length })}
            </button>
            <button type="button" disabled={!frameNotes.length} onClick={() => start(frameNotes.map((n) => n.id), frame?.title ?? '')}>
              {t('facilitator.vote.startFrame', { count: frameNotes.length })}
            </button>
          </div>
          {!notes.length && !frameNotes.length && <p className="fac-meta">{t('facilitator.vote.selectHint')}</p>}
        </fieldset>
      )}
    </div>
  );
}
