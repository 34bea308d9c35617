import { Heart, Laugh, MessageCircleQuestion, PartyPopper, Sparkles, ThumbsUp, type LucideIcon } from 'lucide-react';
import type { REACTIONS } from '@sammen/shared';

type Reaction = (typeof REACTIONS)[number];

/**
 * Reactions travel as emoji (the protocol's values) but are drawn as icons: many machines have no
 * colour emoji font and showed empty boxes. Each has a translated name (`workshop.reactions.<key>`).
 */
export const REACTION_ICONS: Record<Reaction, { key: string; Icon: LucideIcon }> = {
  '👍': { key: 'thumbsUp', Icon: ThumbsUp },
  '❤️': { key: 'heart', Icon: Heart },
  '😂': { key: 'laugh', Icon: Laugh },
  '😮': { key: 'surprised', Icon: Sparkles },
  '👏': { key: 'applause', Icon: PartyPopper },
  '🤔': { key: 'thinking', Icon: MessageCircleQuestion },
};

const known = (emoji: string): emoji is Reaction => Object.hasOwn(REACTION_ICONS, emoji);

/** The i18n key of a reaction's name. */
export const reactionKey = (emoji: string): string => `workshop.reactions.${known(emoji) ? REACTION_ICONS[emoji].key : 'other'}`;

/** A reaction drawn as its icon, coloured by kind (decorative: its name is said in text). */
export function ReactionIcon({ emoji, size = 22 }: { emoji: string; size?: number }) {
  if (!known(emoji)) return null;
  const { key, Icon } = REACTION_ICONS[emoji];
  return <Icon className={`reaction-icon reaction-${key}`} size={size} aria-hidden="true" focusable="false" />;
}
