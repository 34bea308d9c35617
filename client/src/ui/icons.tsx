import {
  BringToFront,
  Circle,
  ClipboardList,
  Copy,
  Download,
  FolderKanban,
  Frame,
  Hand,
  IdCard,
  Link,
  Maximize,
  MousePointer2,
  MoveUpRight,
  Redo2,
  SendToBack,
  Square,
  StickyNote,
  Trash2,
  Type,
  Undo2,
  ZoomIn,
  ZoomOut,
  type LucideIcon,
} from 'lucide-react';

/**
 * Sammen's icon vocabulary, drawn with Lucide (a maintained, ISC-licensed set, bundled: no icon font
 * or CDN, the page loads nothing from elsewhere). Named imports only, so the bundle holds just these.
 * Icons are decorative: the button's text or aria-label (from i18n) says what it does.
 */
const icons = {
  select: MousePointer2,
  hand: Hand,
  note: StickyNote,
  text: Type,
  rect: Square,
  ellipse: Circle,
  arrow: MoveUpRight,
  frame: Frame,
  undo: Undo2,
  redo: Redo2,
  zoomIn: ZoomIn,
  zoomOut: ZoomOut,
  fit: Maximize,
  duplicate: Copy,
  trash: Trash2,
  front: BringToFront,
  back: SendToBack,
  action: ClipboardList,
  export: Download,
  link: Link,
  project: IdCard,
  portfolio: FolderKanban,
} satisfies Record<string, LucideIcon>;

export type IconName = keyof typeof icons;

/** Props every icon in Sammen is drawn with: text colour, Lucide's own stroke width (so icons used directly match), hidden from screen readers. */
export const iconProps = { className: 'icon', strokeWidth: 2, 'aria-hidden': true, focusable: 'false' } as const;

/** Draws one Lucide icon the Sammen way (`size` in CSS px; default 20, `--icon-md`). */
export function LucideGlyph({ icon: Glyph, size = 20, filled = false }: { icon: LucideIcon; size?: number; filled?: boolean }) {
  return <Glyph {...iconProps} size={size} fill={filled ? 'currentColor' : 'none'} />;
}

export function Icon({ name, size }: { name: IconName; size?: number }) {
  return <LucideGlyph icon={icons[name]} size={size} />;
}
