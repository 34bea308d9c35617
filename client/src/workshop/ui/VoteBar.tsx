import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoteView } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import { dotsLeft, myDotsByNote } from '../votes.js';
import type { VoteActions } from './useVoteActions.js';
import { WIcon } from './workshopIcons.js';

/** The text a note is known by in lists (its first line, shortened). */
export function noteLabel(editor: Editor, id: string, empty: string): string {
  const el = editor.store.get(id);
  const text = el && 'text' in el ? el.text.trim().split('\n')[0]! : '';
  if (!text) return empty;
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * While a dot vote is open: how many dots are left, and one's own dots with "take back". Nobody sees
 * counts here before the reveal, only their own dots and how many people have voted.
 */
export function VoteBar({ vote, editor, actions }: { vote: VoteView; editor: Editor; actions: VoteActions }) {
  const { t } = useTranslation();
  const { remove, error } = actions;
  const [open, setOpen] = useState(false);
  if (vote.status !== 'open' && vote.status !== 'closed') return null;
  const left = dotsLeft(vote);
  const mine = myDotsByNote(vote);
  const empty = t('board.emptyNote');
  return (
    <section className="vote-bar" aria-label={t('workshop.vote.label')} data-testid="vote-bar">
      <p className="vote-summary">
        <WIcon name="dot" />{' '}
        <strong>{vote.title || t('workshop.vote.untitled')}</strong>{' '}
        {vote.status === 'open' ? (
          <span data-testid="dots-left">{t('workshop.vote.dotsLeft', { left, total: vote.dotsPerPerson })}</span>
        ) : (
          <span>{t('workshop.vote.closed')}</span>
        )}{' '}
        <span className="muted">{t('workshop.vote.voters', { count: vote.voters })}</span>
        {mine.length > 0 && vote.status === 'open' && (
          <button type="button" className="strip-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t('workshop.vote.hideMine') : t('workshop.vote.showMine')}
          </button>
        )}
      </p>
      {vote.status === 'open' && <p className="vote-help">{left > 0 ? t('workshop.vote.help') : t('workshop.vote.noDotsLeft')}</p>}
      {open && vote.status === 'open' && (
        <ul className="my-dots">
          {mine.map(({ elementId, count }) => {
            const label = noteLabel(editor, elementId, empty);
            return (
              <li key={elementId}>
                <span>
                  {label} <span className="dot-count">({t('workshop.vote.myDots', { count })})</span>
                </span>
                <button type="button" className="strip-button" onClick={() => void remove(elementId)} aria-label={t('workshop.vote.takeBackFrom', { note: label })}>
                  {t('workshop.vote.takeBack')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p className="vote-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
