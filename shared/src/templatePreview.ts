import { COLORS } from './schema/colors.js';
import { type Template, localize } from './template.js';
import type { Language } from './workshop.js';

const escape = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A small SVG picture of a template's board for the gallery: frames with their titles, notes and
 * shapes as coloured blocks. Pure and self-contained (no fonts or images from elsewhere).
 */
export function templatePreviewSvg(template: Template, language: Language, width = 320, height = 200): string {
  const boxes = template.elements.filter((e) => e.type !== 'arrow') as Array<Extract<Template['elements'][number], { x: number }>>;
  if (!boxes.length) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#f4f4f4"/></svg>`;
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.width));
  const maxY = Math.max(...boxes.map((b) => b.y + b.height));
  const pad = 40;
  const [vx, vy, vw, vh] = [minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad];
  const vb = `${vx} ${vy} ${vw} ${vh}`;
  const parts = [...boxes]
    .sort((a, b) => (a.index < b.index ? -1 : 1))
    .map((el) => {
      const geo = `x="${el.x}" y="${el.y}" width="${el.width}" height="${el.height}"`;
      switch (el.type) {
        case 'frame':
          return `<rect ${geo} fill="${COLORS[el.fill].fill}" stroke="#8a8a8a" stroke-width="4" rx="8"/><text x="${el.x + 16}" y="${el.y + 44}" font-size="36" font-family="sans-serif" fill="#333">${escape(localize(el.title, language).slice(0, 40))}</text>`;
        case 'note':
          return `<rect ${geo} fill="${COLORS[el.color].fill}" stroke="#00000022" stroke-width="2"/>`;
        case 'shape':
          return el.kind === 'ellipse'
            ? `<ellipse cx="${el.x + el.width / 2}" cy="${el.y + el.height / 2}" rx="${el.width / 2}" ry="${el.height / 2}" fill="${COLORS[el.fill].fill}" stroke="#555" stroke-width="2"/>`
            : `<rect ${geo} fill="${COLORS[el.fill].fill}" stroke="#555" stroke-width="2" rx="6"/>`;
        case 'text':
          return `<rect ${geo} fill="#00000010"/>`;
        case 'action':
        case 'project':
          return `<rect ${geo} fill="#ffffff" stroke="#555" stroke-width="2"/>`;
      }
    });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${vb}" preserveAspectRatio="xMidYMid meet"><rect x="${vx}" y="${vy}" width="${vw}" height="${vh}" fill="#fafafa"/>${parts.join('')}</svg>`;
}
