import type { ReactNode } from 'react';

/** Inline SVG icons (no icon font or CDN: the page loads nothing from elsewhere). Decorative only. */
const paths: Record<string, React.ReactNode> = {
  select: <path d="M5 3l14 8-6 1.5L10 19z" />,
  hand: <path d="M8 12V5.5a1.5 1.5 0 013 0V11m0-6.5a1.5 1.5 0 013 0V11m0-4.5a1.5 1.5 0 013 0V14a6 6 0 01-6 6h-1a6 6 0 01-5-2.7L4.5 14a1.5 1.5 0 012.5-1.7L8 13.5" />,
  note: <path d="M4 4h16v11l-5 5H4zM15 20v-5h5" />,
  text: <path d="M5 6V4h14v2M12 4v16M9 20h6" />,
  rect: <rect x="4" y="6" width="16" height="12" rx="1" />,
  ellipse: <ellipse cx="12" cy="12" rx="8.5" ry="6.5" />,
  arrow: <path d="M4 20L20 4M11 4h9v9" />,
  frame: <path d="M7 3v18M17 3v18M3 7h18M3 17h18" />,
  undo: <path d="M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3" />,
  redo: <path d="M15 14l5-5-5-5M20 9H10a6 6 0 000 12h3" />,
  zoomIn: <path d="M12 5v14M5 12h14" />,
  zoomOut: <path d="M5 12h14" />,
  fit: <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />,
  duplicate: <path d="M8 8h12v12H8zM4 16V4h12" />,
  trash: <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />,
  front: <path d="M8 8h12v12H8zM4 4h12v4M4 4v12h4" />,
  back: <path d="M4 4h12v12H4zM20 8v12H8v-4" />,
  action: <path d="M4 5h16v14H4zM8 9h8M8 12h8M8 15h5" />,
  export: <path d="M12 4v11M7 9l5-5 5 5M5 15v5h14v-5" />,
  link: <path d="M10 14a4 4 0 005.7 0l3-3a4 4 0 00-5.7-5.7l-1 1M14 10a4 4 0 00-5.7 0l-3 3a4 4 0 005.7 5.7l1-1" />,
};

export type IconName = keyof typeof paths;

/** The one way Sammen draws an icon: inline SVG in the text colour, hidden from screen readers. */
export function SvgIcon({ children, size = 20 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function Icon({ name }: { name: IconName }) {
  return <SvgIcon>{paths[name]}</SvgIcon>;
}
