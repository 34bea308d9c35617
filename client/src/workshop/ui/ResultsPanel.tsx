import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '../../editor/Editor.js';
import { elementBounds } from '../../geometry/elements.js';
import type { ShownResults } from '../votes.js';
import { noteLabel } from './VoteBar.js';
import { WIcon } from './workshopIcons.js';

/**
 * The revealed vote as a ranked list; each entry shows its note on the board. Closes (to its title,
 * which opens it again) with its close button, so on a phone it does not stay over the board.
 */
export function ResultsPanel({ results, editor }: { results: ShownResults; editor: Editor }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const ref = useRef<HTMLElement>(null);
  useCovering(ref, editor, open);
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

/**
 * The open card covers part of the canvas: the step's frame and the notes it shows are fitted clear of
 * it (Editor.setCovered), or a follower would read the results over the very notes they rank. On a
 * computer the card is a column on the left, so the frame goes beside it; on a phone it spans the
 * width, so the frame goes below it. Closed, it is a chip the person put away, and it may stay for the
 * rest of the workshop: fits do not give up room for it (a phone would lose a sixth of its canvas).
 */
function useCovering(ref: RefObject<HTMLElement | null>, editor: Editor, open: boolean): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !open) return;
    const update = (): void =>
      editor.setCovered(COVER_KEY, { x: el.offsetLeft - COVER_GAP_PX, y: el.offsetTop - COVER_GAP_PX, width: el.offsetWidth + 2 * COVER_GAP_PX, height: el.offsetHeight + 2 * COVER_GAP_PX });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    update();
    return () => {
      observer.disconnect();
      editor.setCovered(COVER_KEY, null);
    };
  }, [ref, editor, open]);
}

const COVER_KEY = 'results-panel';
/** Space kept between the card and what is fitted beside it. */
const COVER_GAP_PX = 8;
