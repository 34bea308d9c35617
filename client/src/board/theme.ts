import { COLORS, type ColorName } from '@sammen/shared';

/** System fonts only: the page may load nothing from another origin. */
export const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, Cantarell, "Helvetica Neue", Arial, sans-serif';

export const LINE_HEIGHT = 1.25;
export const NOTE_PADDING = 14;
export const SHAPE_PADDING = 10;
export const SELECTION_COLOR = '#1d4ed8';
export const FRAME_STROKE = '#9aa0ac';
export const FRAME_TITLE_COLOR = '#3d4350';

export const fillOf = (name: ColorName): string => COLORS[name].fill;
export const textColorOf = (name: ColorName): string => COLORS[name].text;
/** Free text and arrows use the colour as ink, so "white" ink would vanish: use its contrast colour. */
export const inkOf = (name: ColorName): string => (name === 'white' ? COLORS.white.text : COLORS[name].fill);

/** Below this many screen pixels text is drawn as a stand-in (level of detail, `geometry/lod.ts`). */
export { MIN_READABLE_TEXT_PX } from '../geometry/lod.js';
/** The quiet grey of text stand-ins and of notes' borders at a distance. */
export const STAND_IN_COLOR = 'rgba(40, 44, 56, 0.22)';
