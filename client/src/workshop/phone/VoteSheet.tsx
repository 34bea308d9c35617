import { useTranslation } from 'react-i18next';
import type { VoteView } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import { canPlaceDot, myDotsOn } from '../votes.js';
import type { VoteActions } from '../ui/useVoteActions.js';
import { noteLabel, VoteBar } from '../ui/VoteBar.js';
import { WIcon } from '../ui/workshopIcons.js';
import { PhoneSheet } from './PhoneSheet.js';

/**
 * Voting on a phone: how many dots are left (the vote bar), and every note in the vote as a row with
 * big buttons to place a dot and take one back: easier with a thumb than buttons on tiny notes.
 */
export function VoteSheet({ vote, editor, actions, onClose }: { vote: VoteView; editor: Editor; actions: VoteActions; onClose(): void }) {
  const { t } = useTranslation();
  const empty = t('board.emptyNote');
  const open = vote.status === 'open';
  const ids = vote.elementIds.filter((id) => {
    const el = editor.store.get(id);
    return !!el && el.type !== 'frame' && el.type !== 'arrow';
  });
  return (
    <PhoneSheet title={vote.title || t('workshop.vote.untitled')} onClose={onClose} testId="vote-sheet">
      <VoteBar vote={vote} editor={editor} actions={actions} />
      {open && (
        <ul className="vote-list">
          {ids.map((id) => {
            const label = noteLabel(editor, id, empty);
            const mine = myDotsOn(vote, id);
            return (
              <li key={id} className="vote-row">
                <span className="vote-row-text">{label}</span>
                {mine > 0 && (
                  <button type="button" className="phone-small-button" onClick={() => void actions.remove(id)} aria-label={t('workshop.vote.takeBackFrom', { note: label })}>
                    <WIcon name="dot" size={14} /> {mine} <span aria-hidden="true">−</span>
                  </button>
                )}
                <button
                  type="button"
                  className="phone-small-button vote-row-place"
                  aria-disabled={!canPlaceDot(vote, id)}
                  onClick={() => void actions.place(id)}
                  aria-label={t('workshop.vote.placeOn', { note: label })}
                >
                  <WIcon name="plusDot" size={18} /> {t('workshop.vote.place')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </PhoneSheet>
  );
}
