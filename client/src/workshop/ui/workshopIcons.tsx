import {
  Bell,
  BellOff,
  ChevronDown,
  ChevronUp,
  Circle,
  CirclePlus,
  Clock,
  Eye,
  EyeOff,
  Hand,
  Lock,
  Presentation,
  Send,
  Smile,
  Trophy,
  X,
  type LucideIcon,
} from 'lucide-react';
import { LucideGlyph } from '../../ui/icons.js';

/** The workshop UI's icons (Lucide, see ui/icons.tsx). Decorative: the text beside them says the same. */
const icons = {
  lock: Lock,
  eyeOff: EyeOff,
  hand: Hand,
  dot: Circle,
  plusDot: CirclePlus,
  clock: Clock,
  bell: Bell,
  bellOff: BellOff,
  eye: Eye,
  follow: Presentation,
  sending: Send,
  chevronDown: ChevronDown,
  chevronUp: ChevronUp,
  close: X,
  trophy: Trophy,
  smile: Smile,
} satisfies Record<string, LucideIcon>;

export type WorkshopIconName = keyof typeof icons;

export function WIcon({ name, size = 20 }: { name: WorkshopIconName; size?: number }) {
  // A vote dot is a filled disc (the dot a participant places), the rest are outlines.
  return <LucideGlyph icon={icons[name]} size={size} filled={name === 'dot'} />;
}
