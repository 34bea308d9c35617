import { COLORS, type Element, type Frame } from '@sammen/shared';

export const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Greedy word wrap by an average glyph width; good enough for a picture of a note. */
export function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (!line) line = word;
      else if (line.length + 1 + word.length <= maxChars) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  if (lines.length > maxLines) return [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`];
  return lines;
}

/** A picture of one frame and what is in it, as self-contained SVG (no fonts or images from elsewhere). */
export function frameSvg(frame: Frame, elements: Element[], maxWidth = 800): string {
  const scale = Math.min(1, maxWidth / frame.width);
  const parts: string[] = [
    `<rect x="${frame.x}" y="${frame.y}" width="${frame.width}" height="${frame.height}" fill="${COLORS[frame.fill].fill}" stroke="#777" stroke-width="3" rx="8"/>`,
    `<text x="${frame.x + 16}" y="${frame.y + 36}" font-size="26" font-family="sans-serif" font-weight="bold" fill="#222">${escapeXml(frame.title)}</text>`,
  ];
  for (const el of elements) {
    if (el.type === 'arrow') continue;
    const box = `x="${el.x}" y="${el.y}" width="${el.width}" height="${el.height}"`;
    if (el.type === 'frame') {
      parts.push(`<rect ${box} fill="none" stroke="#999" stroke-dasharray="8 6" stroke-width="2" rx="6"/>`);
      parts.push(`<text x="${el.x + 10}" y="${el.y + 26}" font-size="20" font-family="sans-serif" fill="#333">${escapeXml(el.title)}</text>`);
      continue;
    }
    const fill = el.type === 'note' ? COLORS[el.color].fill : el.type === 'shape' ? COLORS[el.fill].fill : el.type === 'action' || el.type === 'project' ? '#ffffff' : 'none';
    if (el.type !== 'text') parts.push(`<rect ${box} fill="${fill}" stroke="#00000033" stroke-width="2" rx="4"/>`);
    const text = el.type === 'action' ? el.what : el.type === 'project' ? el.title : el.text;
    const size = el.type === 'text' ? el.fontSize : 20;
    const lines = wrap(text, Math.max(4, Math.floor((el.width - 20) / (size * 0.55))), Math.max(1, Math.floor((el.height - 16) / (size * 1.25))));
    lines.forEach((line, i) => {
      parts.push(`<text x="${el.x + 10}" y="${el.y + 10 + size * (i + 1) * 1.15}" font-size="${size}" font-family="sans-serif" fill="#1f1f1f">${escapeXml(line)}</text>`);
    });
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(frame.title)}" width="${Math.round(frame.width * scale)}" height="${Math.round(frame.height * scale)}" viewBox="${frame.x} ${frame.y} ${frame.width} ${frame.height}">${parts.join('')}</svg>`;
}
