import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '../../editor/Editor.js';
import { elementBounds } from '../../geometry/elements.js';
import type { ShownResults } from '../votes.js';
import { noteLabel } from './VoteBar.js';
import { useCovering } from './useCovering.js';
import { WIcon } from './workshopIcons.js';

/**
 * The revealed vote as a ranked list; each entry shows its note on the board. Closes (to its title,
 * which opens it again) with its close button, so on a phone it does not stay over the board.
 */
export function ResultsPanel({ results, editor }: { results: ShownResults; editor: Editor }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const ref = useRef<HTMLElement>(null);
  // Open, the card is fitted around; closed, it is a chip the person put away, which may stay for the
  // rest of the workshop: fits do not give up room for it (a phone would lose a sixth of its canvas).
  useCovering(ref, editor, open, 'results-panel');
  const empty = t('board.emptyNote');
  const show = (id: string): void => {
    const el = editor.store.get(id);
    const box = el && elementBounds(el, editor.store.lookup);
    if (box) editor.fitBoardRect(box, 96);
  };
  return (
    <aside ref={ref} className={`results-panel${open ? '' : ' results-closed'}`} aria-label={t('workshop.results.label')} data-testid="results-panel">
      <div className="results-head">
        <button type="button" className="results-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <WIcon name="trophy" /> {t('workshop.results.title', { title: results.title || t('workshop.vote.untitled') })}
        </button>
        {open && (
          <button type="button" className="touch-icon-button" aria-label={t('workshop.results.close')} title={t('workshop.results.close')} onClick={() => setOpen(false)}>
            <WIcon name="close" />
          </button>
        )}
      </div>
      {open && (
        <ol className="results-list">
          {results.results.map(({ elementId, count, rank }) => (
            <li key={elementId}>
              <span className="result-rank">{t('workshop.results.rank', { rank })}</span>
              <button type="button" className="result-note" onClick={() => show(elementId)} title={t('workshop.results.showOnBoard')}>
                {noteLabel(editor, elementId, empty)}
              </button>
              <span className="result-count">
                <WIcon name="dot" size={14} /> {t('workshop.results.dots', { count })}
              </span>
            </li>
          ))}
          {results.results.length === 0 && <li>{t('workshop.results.none')}</li>}
        </ol>
      )}
    </aside>
  );
}
