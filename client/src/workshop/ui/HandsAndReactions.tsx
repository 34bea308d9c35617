import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REACTIONS, type WorkshopView } from '@sammen/shared';
import { useAnnounce } from '../Announcer.js';
import type { WorkshopApi } from '../WorkshopContext.js';
import { useCommand } from './useVoteActions.js';
import { WIcon } from './workshopIcons.js';

/** Accessible names of the reaction emojis (screen readers read emojis inconsistently). */
export const REACTION_KEYS: Record<(typeof REACTIONS)[number], string> = {
  '👍': 'thumbsUp',
  '❤️': 'heart',
  '😂': 'laugh',
  '😮': 'surprised',
  '👏': 'applause',
  '🤔': 'thinking',
};

const reactionKey = (emoji: string): string => `workshop.reactions.${REACTION_KEYS[emoji as keyof typeof REACTION_KEYS] ?? 'other'}`;

/** Raise or lower one's hand, and send a reaction (the emoji row folds away on small screens). */
export function HandsAndReactions({ api, view }: { api: WorkshopApi; view: WorkshopView }) {
  const { t } = useTranslation();
  const { run, error } = useCommand(api);
  const [open, setOpen] = useState(false);
  const rowId = useId();
  const me = view.me.memberId;
  const raised = !!me && view.hands.some((h) => h.memberId === me);
  return (
    <div className="hands-bar" role="group" aria-label={t('workshop.reactions.group')}>
      {me && (
        <button
          type="button"
          className="pill-button"
          aria-pressed={raised}
          onClick={() => void run(raised ? { type: 'hand.lower' } : { type: 'hand.raise' })}
        >
          <WIcon name="hand" /> {raised ? t('workshop.hand.lower') : t('workshop.hand.raise')}
        </button>
      )}
      <button type="button" className="pill-button" aria-expanded={open} aria-controls={rowId} onClick={() => setOpen(!open)}>
        <WIcon name="smile" /> {t('workshop.reactions.open')}
      </button>
      <div id={rowId} className="reaction-row" hidden={!open}>
        {REACTIONS.map((emoji) => (
          <button
            key={emoji}
            type="button"
            className="reaction-button"
            aria-label={t('workshop.reactions.send', { reaction: t(reactionKey(emoji)) })}
            title={t(reactionKey(emoji))}
            onClick={() => void run({ type: 'react', emoji })}
          >
            <span aria-hidden="true">{emoji}</span>
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
        <span key={r.id} className="floating-reaction">
          <span className="floating-emoji">{r.emoji}</span> <span className="floating-name">{r.name}</span>
        </span>
      ))}
    </div>
  );
}
