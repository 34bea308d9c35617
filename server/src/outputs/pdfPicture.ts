import type { ReportPicture } from './reportModel.js';
import { wrap } from './frameSvg.js';

export interface PdfFonts {
  regular: string;
  bold: string;
  /** Maps text to what the fonts can show (the standard fonts only cover Windows-1252). */
  text: (s: string) => string;
}

/**
 * Draws one board picture of the report model with PDF vector primitives inside the box (x, y,
 * maxWidth, maxHeight); returns the drawn height. Items come in the model's drawing order (clusters
 * first, as outlines): a filled cluster box drawn over its notes was the empty box of issue 11.
 */
export function drawPicture(doc: PDFKit.PDFDocument, fonts: PdfFonts, p: ReportPicture, x: number, y: number, maxWidth: number, maxHeight: number): number {
  const scale = Math.min(maxWidth / p.width, maxHeight / p.height);
  const X = (v: number) => x + (v - p.x) * scale;
  const Y = (v: number) => y + (v - p.y) * scale;
  const size = (board: number) => Math.max(3.5, Math.min(9, board * scale));
  doc.save();
  doc.lineWidth(0.75).roundedRect(x, y, p.width * scale, p.height * scale, 3).fillAndStroke(p.fill, '#6b6b6b');
  doc.fillColor('#222222').font(fonts.bold).fontSize(size(26)).text(fonts.text(p.title), x + 4, y + 4, { lineBreak: false, width: p.width * scale - 8, ellipsis: true });
  for (const it of p.items) {
    const w = it.width * scale;
    const h = it.height * scale;
    if (it.kind === 'cluster') {
      doc.lineWidth(0.75).dash(3, { space: 2 }).roundedRect(X(it.x), Y(it.y), w, h, 3).stroke('#808080').undash();
      doc.fillColor('#333333').font(fonts.bold).fontSize(size(22)).text(fonts.text(it.text), X(it.x) + 3, Y(it.y) + 3, { lineBreak: false, width: w - 6, ellipsis: true });
      continue;
    }
    if (it.fill) doc.lineWidth(0.5).rect(X(it.x), Y(it.y), w, h).fillAndStroke(it.fill, '#9a9a9a');
    const fs = size(it.kind === 'text' ? it.fontSize : 20);
    const maxChars = Math.max(4, Math.floor((w - 4) / (fs * 0.5)));
    const maxLines = Math.max(1, Math.floor((h - 4) / (fs * 1.2)));
    doc.fillColor(it.fill && isDark(it.fill) ? '#ffffff' : '#1f1f1f').font(fonts.regular).fontSize(fs);
    wrap(it.text, maxChars, maxLines).forEach((line, i) => doc.text(fonts.text(line), X(it.x) + 2, Y(it.y) + 2 + i * fs * 1.2, { lineBreak: false }));
  }
  doc.restore();
  return p.height * scale;
}

/** True for a dark fill (the "dark" note colour), where text must be light. */
function isDark(hex: string): boolean {
  const n = parseInt(hex.replace('#', '').slice(0, 6), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b < 110;
}
