import { COLORS, type ActionCard, type Element } from '@sammen/shared';
import type { Box } from '../geometry/bounds.js';
import { actionCardLayout, sourceLabel, whoText, type ActionField } from '../geometry/actionCard.js';
import { arrowSegment, type Lookup } from '../geometry/elements.js';
import { estimateMeasure, fitText, wrapText, type Measure } from '../geometry/textFit.js';

/**
 * A board area as self-contained SVG text (no fonts, images or scripts from anywhere): the same
 * colours, sizes and text fitting as the canvas. Pure: the caller passes the text measure (the
 * browser's real one, or the estimate in tests) and the words for action cards.
 */
export interface SvgOptions {
  measure?: Measure;
  fontFamily?: string;
  /** Words on action cards, in the board's language. */
  labels?: { field: Record<ActionField, string>; actor: (a: ActionCard['who'][number]) => string; from: (label: string) => string };
  /** Elements outside the export, for arrows and action card sources. */
  lookup?: Lookup;
  untitledFrame?: string;
}

export const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const LINE_HEIGHT = 1.25;
const NOTE_PADDING = 14;
const SHAPE_PADDING = 10;
const STROKE = '#3d4350';
const fill = (c: keyof typeof COLORS) => COLORS[c].fill;
const ink = (c: keyof typeof COLORS) => COLORS[c].text;
const num = (n: number): string => String(Math.round(n * 100) / 100);

const DEFAULT_LABELS: NonNullable<SvgOptions['labels']> = {
  field: { what: 'What', who: 'Who', firstStep: 'First step', when: 'When' },
  actor: (a) => a,
  from: (l) => `from: ${l}`,
};

/** Lines of text centred in a box (as Konva's align="center" verticalAlign="middle"). */
function centredLines(lines: string[], box: Box, size: number, color: string, family: string, anchor: 'middle' | 'start' = 'middle', weight = ''): string {
  const lh = size * LINE_HEIGHT;
  const top = box.y + (box.height - lines.length * lh) / 2;
  const x = anchor === 'middle' ? box.x + box.width / 2 : box.x;
  return lines
    .map(
      (line, i) =>
        `<text x="${num(x)}" y="${num(top + i * lh + lh / 2)}" font-size="${num(size)}" font-family="${escapeXml(family)}"${weight} fill="${color}" text-anchor="${anchor}" dominant-baseline="central" xml:space="preserve">${escapeXml(line)}</text>`,
    )
    .join('');
}

function boxText(text: string, box: Box, padding: number, max: number, color: string, o: Required<Pick<SvgOptions, 'measure' | 'fontFamily'>>, anchor: 'middle' | 'start' = 'middle', min = 8): string {
  if (!text.trim()) return '';
  const fit = fitText(text, box.width, box.height, { padding, max, min, lineHeight: LINE_HEIGHT, measure: o.measure });
  const inner = { x: box.x + padding, y: box.y + padding, width: box.width - 2 * padding, height: box.height - 2 * padding };
  return centredLines(fit.lines, inner, fit.fontSize, color, o.fontFamily, anchor);
}

function actionSvg(el: ActionCard, o: Required<Pick<SvgOptions, 'measure' | 'fontFamily'>> & { labels: NonNullable<SvgOptions['labels']>; lookup: Lookup }): string {
  const source = el.sourceId ? sourceLabel(o.lookup(el.sourceId)) : null;
  const layout = actionCardLayout(el, source !== null);
  const color = ink(el.color);
  const at = (b: Box): Box => ({ ...b, x: el.x + b.x, y: el.y + b.y });
  const parts = [
    `<rect x="${num(el.x)}" y="${num(el.y)}" width="${num(el.width)}" height="${num(el.height)}" rx="6" fill="${fill(el.color)}" stroke="${STROKE}" stroke-width="1.5"/>`,
    `<rect x="${num(el.x)}" y="${num(el.y)}" width="6" height="${num(el.height)}" fill="#1d4ed8"/>`,
  ];
  layout.rows.forEach(({ field, label, value }, i) => {
    const l = at(label);
    if (i > 0) parts.push(`<line x1="${num(l.x)}" y1="${num(l.y)}" x2="${num(el.x + el.width - label.x)}" y2="${num(l.y)}" stroke="#9aa0ac" stroke-width="1"/>`);
    const labelLines = wrapText(o.labels.field[field], { maxWidth: l.width, maxHeight: l.height, fontSize: 13, lineHeight: 1, ellipsis: true }, o.measure).lines;
    parts.push(centredLines(labelLines, l, 13, color, o.fontFamily, 'start', ' font-weight="bold"'));
    const text = field === 'who' ? whoText(el, o.labels.actor) : el[field];
    parts.push(boxText(text, at(value), 2, 18, color, o, 'start', 7));
  });
  if (layout.from && source !== null) parts.push(centredLines([o.labels.from(source)], at(layout.from), 12, color, o.fontFamily, 'start', ' font-style="italic"'));
  return parts.join('');
}

/** The SVG for `elements` (in draw order) over `bounds`, on a white background. */
export function elementsToSvg(elements: readonly Element[], bounds: Box, options: SvgOptions = {}): string {
  const byId = new Map(elements.map((e) => [e.id, e]));
  const o = {
    measure: options.measure ?? estimateMeasure(),
    fontFamily: options.fontFamily ?? 'sans-serif',
    labels: options.labels ?? DEFAULT_LABELS,
    lookup: (id: string) => byId.get(id) ?? options.lookup?.(id),
  };
  const parts: string[] = [`<rect x="${num(bounds.x)}" y="${num(bounds.y)}" width="${num(bounds.width)}" height="${num(bounds.height)}" fill="#ffffff"/>`];
  for (const el of elements) {
    switch (el.type) {
      case 'frame': {
        parts.push(`<rect x="${num(el.x)}" y="${num(el.y)}" width="${num(el.width)}" height="${num(el.height)}" fill="${fill(el.fill)}" stroke="#9aa0ac" stroke-width="1"/>`);
        const title = el.title || options.untitledFrame || '';
        if (title) parts.push(`<text x="${num(el.x)}" y="${num(el.y - 6)}" font-size="15" font-family="${escapeXml(o.fontFamily)}" font-weight="bold" fill="#3d4350">${escapeXml(title)}</text>`);
        break;
      }
      case 'note':
        parts.push(`<rect x="${num(el.x)}" y="${num(el.y)}" width="${num(el.width)}" height="${num(el.height)}" rx="3" fill="${fill(el.color)}" stroke="rgba(0,0,0,0.12)"/>`);
        parts.push(boxText(el.text, el, NOTE_PADDING, 28, ink(el.color), o));
        break;
      case 'shape':
        parts.push(
          el.kind === 'ellipse'
            ? `<ellipse cx="${num(el.x + el.width / 2)}" cy="${num(el.y + el.height / 2)}" rx="${num(el.width / 2)}" ry="${num(el.height / 2)}" fill="${fill(el.fill)}" stroke="${STROKE}" stroke-width="1.5"/>`
            : `<rect x="${num(el.x)}" y="${num(el.y)}" width="${num(el.width)}" height="${num(el.height)}" rx="2" fill="${fill(el.fill)}" stroke="${STROKE}" stroke-width="1.5"/>`,
        );
        parts.push(boxText(el.text, el, SHAPE_PADDING, 24, ink(el.fill), o));
        break;
      case 'text': {
        if (!el.text.trim()) break;
        const color = el.color === 'white' ? COLORS.white.text : fill(el.color);
        const lines = wrapText(el.text, { maxWidth: el.width, maxHeight: null, fontSize: el.fontSize, lineHeight: LINE_HEIGHT, ellipsis: false }, o.measure).lines;
        parts.push(centredLines(lines, { x: el.x, y: el.y, width: el.width, height: lines.length * el.fontSize * LINE_HEIGHT }, el.fontSize, color, o.fontFamily, 'start'));
        break;
      }
      case 'arrow': {
        const seg = arrowSegment(el, (id) => o.lookup(id));
        if (!seg) break;
        const color = el.color === 'white' ? COLORS.white.text : fill(el.color);
        const { start, end } = seg;
        const a = Math.atan2(end.y - start.y, end.x - start.x);
        const p = (d: number, s: number) => `${num(end.x - 12 * Math.cos(a) + s * 6 * Math.sin(a) * d)},${num(end.y - 12 * Math.sin(a) - s * 6 * Math.cos(a) * d)}`;
        parts.push(`<line x1="${num(start.x)}" y1="${num(start.y)}" x2="${num(end.x)}" y2="${num(end.y)}" stroke="${color}" stroke-width="2"/>`);
        parts.push(`<polygon points="${num(end.x)},${num(end.y)} ${p(1, 1)} ${p(1, -1)}" fill="${color}"/>`);
        break;
      }
      case 'action':
        parts.push(actionSvg(el, o));
        break;
      case 'project': {
        // The card's box and its title; the form's other fields are in the portfolio export.
        parts.push(`<rect x="${num(el.x)}" y="${num(el.y)}" width="${num(el.width)}" height="${num(el.height)}" rx="6" fill="#ffffff" stroke="#3d4350" stroke-width="1.5"/>`);
        const lines = wrapText(el.title, { maxWidth: el.width - 24, maxHeight: el.height - 24, fontSize: 20, lineHeight: LINE_HEIGHT, ellipsis: true }, o.measure).lines;
        parts.push(centredLines(lines, { x: el.x + 12, y: el.y + 12, width: el.width - 24, height: el.height - 24 }, 20, '#1f2430', o.fontFamily, 'start'));
        break;
      }
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(bounds.width)}" height="${num(bounds.height)}" viewBox="${num(bounds.x)} ${num(bounds.y)} ${num(bounds.width)} ${num(bounds.height)}">` +
    parts.join('') +
    '</svg>'
  );
}
