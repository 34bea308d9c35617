import { useTranslation } from 'react-i18next';
import type { Frame, WorkshopView } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import { selectedFrame } from '../../editor/clusterCommands.js';
import { useSelection } from './useBoardFrames.js';
import type { Runner } from './useCommand.js';

/**
 * Locks: the whole board, or one frame (only the frame itself, or the frame and all it holds). The
 * server enforces them; facilitators can still edit everything.
 */
export function LocksSection({ view, editor, frames, run }: { view: WorkshopView; editor: Editor; frames: Frame[]; run: Runner }) {
  const { t } = useTranslation();
  useSelection(editor);
  const frame = selectedFrame(editor);
  const { locks } = view;
  const title = (id: string) => frames.find((f) => f.id === id)?.title.trim() || t('board.untitledFrame');
  const frameLock = frame ? locks.frames.find((l) => l.frameId === frame.id) : undefined;

  return (
    <div className="fac-locks">
      {/* A toggle button, not a checkbox: the state shown is the server's, which changes a moment after the press. */}
      <button type="button" aria-pressed={locks.board} className={locks.board ? 'primary' : undefined} onClick={() => void run({ type: 'lock.board', locked: !locks.board })}>
        {t(locks.board ? 'facilitator.locks.unlockBoard' : 'facilitator.locks.board')}
      </button>
      {locks.board && <p className="fac-meta">{t('facilitator.locks.boardOn')}</p>}

      {frame ? (
        <div className="fac-row">
          {frameLock ? (
            <button type="button" onClick={() => void run({ type: 'lock.frame', frameId: frame.id, locked: false, contents: false })}>
              {t('facilitator.locks.unlockNamed', { title: title(frame.id) })}
            </button>
          ) : (
            <>
              <button type="button" onClick={() => void run({ type: 'lock.frame', frameId: frame.id, locked: true, contents: false })}>
                {t('facilitator.locks.lockFrame')}
              </button>
              <button type="button" onClick={() => void run({ type: 'lock.frame', frameId: frame.id, locked: true, contents: true })}>
                {t('facilitator.locks.lockFrameContents')}
              </button>
            </>
          )}
        </div>
      ) : (
        <p className="fac-meta">{t('facilitator.locks.selectFrame')}</p>
      )}

      {locks.frames.length > 0 && (
        <>
          <h3 className="fac-subheading">{t('facilitator.locks.locked')}</h3>
          <ul className="fac-list">
            {locks.frames.map((l) => (
              <li key={l.frameId} className="fac-list-row">
                <span>
                  {title(l.frameId)} <span className="fac-meta">({t(l.contents ? 'facilitator.locks.withContents' : 'facilitator.locks.frameOnly')})</span>
                </span>
                <button type="button" aria-label={t('facilitator.locks.unlockNamed', { title: title(l.frameId) })} onClick={() => void run({ type: 'lock.frame', frameId: l.frameId, locked: false, contents: false })}>
                  {t('facilitator.locks.unlock')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
