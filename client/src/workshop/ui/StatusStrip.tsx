import { useTranslation } from 'react-i18next';
import type { Role, WorkshopView } from '@sammen/shared';
import type { FollowState } from '../useFollow.js';
import { WIcon } from './workshopIcons.js';

interface Props {
  role: Role;
  view: WorkshopView | null;
  /** This person's new notes are private right now. */
  privateNotes: boolean;
  /** Private notes of this person's still on their way to the board after their round. */
  waitingNotes: number;
  follow: FollowState;
  /** A message from the page (a refused change), with a way to dismiss it. */
  notice: string | null;
  onDismissNotice(): void;
}

/**
 * One strip under the agenda with what limits or guides this person right now: observing, a locked
 * board, private brainstorming, following the facilitator, and the latest notice. Icons with text,
 * never colour alone.
 */
export function StatusStrip({ role, view, privateNotes, waitingNotes, follow, notice, onDismissNotice }: Props) {
  const { t } = useTranslation();
  const items: React.ReactNode[] = [];
  if (role === 'observer') {
    items.push(
      <p key="observer" className="strip-item" data-testid="observer-banner">
        <WIcon name="eye" /> <span className="strip-text">{t('workshop.banner.observer')}</span>
      </p>,
    );
  } else if (view?.locks.board && role === 'participant') {
    items.push(
      <p key="locked" className="strip-item strip-locked">
        <WIcon name="lock" /> <span className="strip-text">{t('workshop.banner.boardLocked')}</span>
      </p>,
    );
  } else if (view?.locks.board) {
    items.push(
      <p key="locked" className="strip-item">
        <WIcon name="lock" /> <span className="strip-text">{t('workshop.banner.boardLockedFacilitator')}</span>
      </p>,
    );
  }
  if (privateNotes) {
    items.push(
      <p key="private" className="strip-item strip-private">
        <WIcon name="eyeOff" /> <span className="strip-text">{t('workshop.banner.private')}</span>
      </p>,
    );
  }
  if (waitingNotes > 0 && !privateNotes) {
    items.push(
      <p key="waiting" className="strip-item" role="status" data-testid="waiting-notes">
        <WIcon name="sending" /> <span className="strip-text">{t('workshop.banner.waitingNotes', { count: waitingNotes })}</span>
      </p>,
    );
  }
  if (follow.offered) {
    items.push(
      <p key="follow" className="strip-item">
        <WIcon name="follow" /> <span className="strip-text">{follow.following ? t('workshop.follow.following') : t('workshop.follow.notFollowing')}</span>{' '}
        <button type="button" className="strip-button" onClick={() => follow.setFollowing(!follow.following)}>
          {follow.following ? t('workshop.follow.stop') : t('workshop.follow.resume')}
        </button>
      </p>,
    );
  }
  if (notice) {
    items.push(
      <p key="notice" className="strip-item strip-notice" role="alert">
        <span className="strip-text">{notice}</span>{' '}
        <button type="button" className="strip-button" onClick={onDismissNotice} aria-label={t('workshop.notice.dismiss')}>
          <WIcon name="close" size={16} />
        </button>
      </p>,
    );
  }
  if (!items.length) return null;
  return <div className="status-strip">{items}</div>;
}
