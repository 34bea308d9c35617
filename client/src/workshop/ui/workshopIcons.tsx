import { SvgIcon } from '../../ui/icons.js';

/** Inline SVG icons for the workshop UI (nothing loaded from elsewhere). Decorative: text says the same. */
const paths = {
  lock: <path d="M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 017 0v3" />,
  eyeOff: <path d="M3 3l18 18M10.6 6.1A9.8 9.8 0 0112 6c5 0 8.5 4.5 9 6-.3.9-1.3 2.4-2.8 3.7M6.2 7.7C4.4 9 3.3 10.8 3 12c.5 1.5 4 6 9 6 1.6 0 3-.4 4.2-1.1M9.9 10a3 3 0 004.2 4.2" />,
  hand: <path d="M8 12V5.5a1.5 1.5 0 013 0V11m0-6.5a1.5 1.5 0 013 0V11m0-4.5a1.5 1.5 0 013 0V14a6 6 0 01-6 6h-1a6 6 0 01-5-2.7L4.5 14a1.5 1.5 0 012.5-1.7L8 13.5" />,
  dot: <circle cx="12" cy="12" r="6" fill="currentColor" />,
  plusDot: <path d="M10 8a5 5 0 100 10 5 5 0 000-10zM19 3v6M16 6h6" />,
  clock: <path d="M12 7v5l3 2M12 3a9 9 0 100 18 9 9 0 000-18z" />,
  bell: <path d="M6 16V11a6 6 0 0112 0v5l2 2H4zM10 20a2 2 0 004 0" />,
  bellOff: <path d="M3 3l18 18M8.5 5.3A6 6 0 0118 11v4M6 11v5l-2 2h12M10 20a2 2 0 004 0" />,
  eye: <path d="M3 12c.5-1.5 4-6 9-6s8.5 4.5 9 6c-.5 1.5-4 6-9 6s-8.5-4.5-9-6zM12 9a3 3 0 100 6 3 3 0 000-6z" />,
  follow: <path d="M4 4h16v12H4zM9 20h6M12 16v4" />,
  chevronDown: <path d="M6 9l6 6 6-6" />,
  chevronUp: <path d="M6 15l6-6 6 6" />,
  close: <path d="M6 6l12 12M18 6L6 18" />,
  trophy: <path d="M8 4h8v5a4 4 0 01-8 0zM8 6H4v1a4 4 0 004 4M16 6h4v1a4 4 0 01-4 4M12 13v4M8 20h8" />,
  smile: <path d="M12 3a9 9 0 100 18 9 9 0 000-18zM8.5 14.5a4.5 4.5 0 007 0M9 9.5h.01M15 9.5h.01" />,
} as const;

export type WorkshopIconName = keyof typeof paths;

export function WIcon({ name, size = 20 }: { name: WorkshopIconName; size?: number }) {
  return <SvgIcon size={size}>{paths[name]}</SvgIcon>;
}
