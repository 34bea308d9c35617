/**
 * The palette, by name. Elements store a colour *name*, never a hex value, so that the palette can be
 * retuned (contrast, dark mode) without migrating documents. `text` is the text colour that reaches at
 * least 4.5:1 contrast on `fill` (checked by colors.test.ts).
 */
export const COLORS = {
  yellow: { fill: '#fff3a3', text: '#1f1f1f' },
  orange: { fill: '#ffd2a8', text: '#1f1f1f' },
  pink: { fill: '#ffc9de', text: '#1f1f1f' },
  green: { fill: '#c9f0c4', text: '#1f1f1f' },
  blue: { fill: '#c4e0ff', text: '#1f1f1f' },
  purple: { fill: '#e2d1ff', text: '#1f1f1f' },
  grey: { fill: '#e6e6e6', text: '#1f1f1f' },
  white: { fill: '#ffffff', text: '#1f1f1f' },
  dark: { fill: '#2b2d42', text: '#ffffff' },
} as const;

export type ColorName = keyof typeof COLORS;
export const COLOR_NAMES = Object.keys(COLORS) as ColorName[];
/** The colours offered for sticky notes, in palette order. */
export const NOTE_COLORS: readonly ColorName[] = ['yellow', 'orange', 'pink', 'green', 'blue', 'purple', 'grey'];
