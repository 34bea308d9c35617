import { COLORS, type Element, type Frame } from '@sammen/shared';
import { wrap } from './frameSvg.js';

export interface PdfFonts {
  regular: string;
  bold: string;
  /** Maps text to what the fonts can show (the standard fonts only cover Windows-1252). */
  text: (s: string) => string;
}

/**
 * Draws one frame of the board and what is in it with PDF vector primitives inside the box
 * (x, y, maxWidth, maxHeight); returns the drawn height. Group frames (clusters) are drawn first,
 * as outlines: on the board they are made around notes that already exist, so their z-order is above
 * the notes, and a filled box drawn last hid them (the empty cluster box of issue 11).
 */
export function drawFramePicture(doc: PDFKit.PDFDocument, fonts: PdfFonts, frame: Frame, elements: Element[], x: number, y: number, maxWidth: number, maxHeight: number): number {
  const scale = Math.min(maxWidth / frame.width, maxHeight / frame.height);
  const X = (v: number) => x + (v - frame.x) * scale;
  const Y = (v: number) => y + (v - frame.y) * scale;
  const fontSize = (px: number) => Math.max(4, Math.min(9, px * scale));
  doc.save();
  doc.lineWidth(0.75).roundedRect(x, y, frame.width * scale, frame.height * scale, 3).fillAndStroke(COLORS[frame.fill].fill, '#6b6b6b');
  const titleSize = fontSize(26);
  doc.fillColor('#222222').font(fonts.bold).fontSize(titleSize).text(fonts.text(frame.title), x + 4, y + 4, { lineBreak: false, width: frame.width * scale - 8, ellipsis: true });
  const ordered = [...elements].sort((a, b) => Number(b.type === 'frame') - Number(a.type === 'frame'));
  for (const el of ordered) {
    if (el.type === 'arrow') continue;
    const w = el.width * scale;
    const h = el.height * scale;
    if (el.type === 'frame') {
      doc.lineWidth(0.75).dash(3, { space: 2 }).roundedRect(X(el.x), Y(el.y), w, h, 3).stroke('#808080').undash();
      doc.fillColor('#333333').font(fonts.bold).fontSize(fontSize(20)).text(fonts.text(el.title), X(el.x) + 3, Y(el.y) + 3, { lineBreak: false, width: w - 6, ellipsis: true });
      continue;
    }
    if (el.type !== 'text') {
      const fill = el.type === 'note' ? COLORS[el.color].fill : el.type === 'shape' ? COLORS[el.fill].fill : '#ffffff';
      doc.lineWidth(0.5).rect(X(el.x), Y(el.y), w, h).fillAndStroke(fill, '#9a9a9a');
    }
    const text = el.type === 'action' ? el.what : el.text;
    const size = fontSize(el.type === 'text' ? el.fontSize : 20);
    const maxChars = Math.max(4, Math.floor((w - 4) / (size * 0.5)));
    const maxLines = Math.max(1, Math.floor((h - 4) / (size * 1.2)));
    const color = el.type === 'note' ? COLORS[el.color].text : '#1f1f1f';
    doc.fillColor(color).font(fonts.regular).fontSize(size);
    wrap(text, maxChars, maxLines).forEach((line, i) => doc.text(fonts.text(line), X(el.x) + 2, Y(el.y) + 2 + i * size * 1.2, { lineBreak: false }));
  }
  doc.restore();
  return frame.height * scale;
}
