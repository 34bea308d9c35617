import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REACTIONS, type WorkshopView } from '@sammen/shared';
import { useAnnounce } from '../Announcer.js';
import type { WorkshopApi } from '../WorkshopContext.js';
import { ReactionIcon, reactionKey } from './reactionIcons.js';
import { useDismiss } from './useDismiss.js';
import { useCommand } from './useVoteActions.js';
import { WIcon } from './workshopIcons.js';

/**
 * Raise or lower one's hand, and send a reaction. The reaction row closes when one is picked, on a
 * tap outside and on Escape. `inBar`: drawn in the phone's bottom bar (the row opens above it).
 */
export function HandsAndReactions({ api, view, inBar = false }: { api: WorkshopApi; view: WorkshopView; inBar?: boolean }) {
  const { t } = useTranslation();
  const { run, error } = useCommand(api);
  const [open, setOpen] = useState(false);
  const rowId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, rootRef, toggleRef);
  const me = view.me.memberId;
  const raised = !!me && view.hands.some((h) => h.memberId === me);
  const buttonClass = inBar ? 'phone-bar-button' : 'pill-button';
  return (
    <div ref={rootRef} className={inBar ? 'hands-in-bar' : 'hands-bar'} role="group" aria-label={t('workshop.reactions.group')}>
      {me && (
        <button
          type="button"
          className={buttonClass}
          aria-pressed={raised}
          // In the bar the words are short; the name says it in full.
          aria-label={inBar ? (raised ? t('workshop.hand.lower') : t('workshop.hand.raise')) : undefined}
          onClick={() => void run(raised ? { type: 'hand.lower' } : { type: 'hand.raise' })}
        >
          <WIcon name="hand" />{' '}
          {inBar ? (
            <span className="phone-bar-label" aria-hidden="true">
              {raised ? t('workshop.phone.handDown') : t('workshop.phone.hand')}
            </span>
          ) : raised ? (
            t('workshop.hand.lower')
          ) : (
            t('workshop.hand.raise')
          )}
        </button>
      )}
      <button ref={toggleRef} type="button" className={buttonClass} aria-expanded={open} aria-controls={rowId} onClick={() => setOpen(!open)}>
        <WIcon name="smile" /> <span className={inBar ? 'phone-bar-label' : undefined}>{t('workshop.reactions.open')}</span>
      </button>
      <div id={rowId} className="reaction-row" hidden={!open}>
        {REACTIONS.map((emoji) => (
          <button
            key={emoji}
            type="button"
            className="reaction-button"
            aria-label={t('workshop.reactions.send', { reaction: t(reactionKey(emoji)) })}
            title={t(reactionKey(emoji))}
            onClick={() => {
              setOpen(false);
              void run({ type: 'react', emoji });
            }}
          >
            <ReactionIcon emoji={emoji} />
          </button>
        ))}
      </div>
      {error && (
        <p className="hands-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

const FLOAT_MS = 3500;
const MAX_FLOATING = 8;

/** Incoming reactions float briefly near the top (still, with reduced motion) and are announced. */
export function FloatingReactions({ api }: { api: WorkshopApi }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [items, setItems] = useState<Array<{ id: number; emoji: string; name: string }>>([]);
  const on = api.on;
  useEffect(() => {
    let next = 0;
    const timers = new Set<number>();
    const off = on('reaction', ({ emoji, name }) => {
      const id = next++;
      setItems((list) => [...list.slice(-(MAX_FLOATING - 1)), { id, emoji, name }]);
      announce(t('workshop.reactions.received', { name, reaction: t(reactionKey(emoji)) }));
      const timer = window.setTimeout(() => {
        timers.delete(timer);
        setItems((list) => list.filter((r) => r.id !== id));
      }, FLOAT_MS);
      timers.add(timer);
    });
    return () => {
      off();
      for (const timer of timers) window.clearTimeout(timer);
    };
  }, [on, announce, t]);
  if (!items.length) return null;
  return (
    <div className="floating-reactions" aria-hidden="true">
      {items.map((r) => (
        <span key={r.id} className="floating-reaction" data-testid="floating-reaction">
          <ReactionIcon emoji={r.emoji} size={24} /> <span className="floating-name">{r.name}</span>
        </span>
      ))}
    </div>
  );
}
