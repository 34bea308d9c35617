import fs from 'node:fs';
import type { Language } from '@sammen/shared';
import { loadPdfkit } from './lazyLibraries.js';
import { PAPER_STRINGS } from './paperStrings.js';
import { type PaperBlock, paperOutline } from './paperOutline.js';
import { type PdfFonts, drawPicture } from './pdfPicture.js';
import type { ReportModel, ReportPicture } from './reportModel.js';
import { REPORT_STRINGS } from './reportStrings.js';

// The standard PDF fonts (no font files to ship) cover Windows-1252: all of Danish and Norwegian.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const winAnsi = (s: string): string =>
  [...s].map((ch) => {
    const c = ch.codePointAt(0)!;
    return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || ch === '\n' || WIN_ANSI_EXTRA.has(ch) ? ch : '?';
  }).join('');

// Liberation Sans has Arial's metrics (the usual font of a municipal paper) and is embedded, as PDF/UA
// wants; where the machine lacks it (fonts-liberation), the standard Helvetica is used instead.
const LIBERATION = '/usr/share/fonts/truetype/liberation/LiberationSans';
function pickFonts(doc: PDFKit.PDFDocument): PdfFonts {
  if (fs.existsSync(`${LIBERATION}-Regular.ttf`) && fs.existsSync(`${LIBERATION}-Bold.ttf`)) {
    doc.registerFont('body', `${LIBERATION}-Regular.ttf`);
    doc.registerFont('bold', `${LIBERATION}-Bold.ttf`);
    return { regular: 'body', bold: 'bold', text: (s) => s };
  }
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', text: winAnsi };
}

const MARGIN = 62; // ~2.2 cm, a paper's margin
const INK = '#1a1a1a';
const MUTED = '#555555';

/**
 * The report as a tagged PDF (PDF/UA structure: H1–H3, P, L/LI, Table/TR/TH/TD, Figure with the
 * model's alt text; language and title in the catalogue), laid out as a committee paper's appendix:
 * one column, compact, nothing empty; page numbers are artifacts.
 */
export function renderPdf(m: ReportModel): Promise<Buffer> {
  return renderPaperPdf(paperOutline(m), { language: m.language, title: `${REPORT_STRINGS[m.language].report}: ${m.front.title}`, footer: m.front.title });
}

/** Lays out paper blocks as a tagged A4 PDF; shared by the report and the letter to participants. */
export async function renderPaperPdf(blocks: PaperBlock[], meta: { language: Language; title: string; footer: string }): Promise<Buffer> {
  const ps = PAPER_STRINGS[meta.language];
  const PDFDocument = await loadPdfkit();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    tagged: true,
    lang: meta.language,
    displayTitle: true,
    bufferPages: true,
    info: { Title: meta.title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const fonts = pickFonts(doc);
  const t = fonts.text;
  const width = doc.page.width - 2 * MARGIN;
  const ensure = (space: number) => {
    if (doc.y + space > doc.page.height - MARGIN) doc.addPage();
  };
  const root = doc.struct('Document');
  doc.addStructure(root);
  const tagged = (type: string, draw: () => void, options: { alt?: string } = {}) => root.add(doc.struct(type, options, draw));
  const table = (head: string[], rows: string[][], widths: number[]) => {
    ensure(50);
    doc.font(fonts.regular).fontSize(9).fillColor(INK);
    const cell = { border: 0.5, borderColor: '#9a9a9a', padding: 4 };
    doc.table({
      structParent: root,
      position: { x: MARGIN, y: doc.y },
      maxWidth: width,
      columnStyles: widths.map((w) => ({ width: w * width })),
      data: [head.map((h) => ({ text: t(h), type: 'TH' as const, ...cell, backgroundColor: '#ececec', font: { src: fonts.bold, size: 9 } })), ...rows.map((r) => r.map((c) => ({ text: t(c), ...cell })))],
    } as PDFKit.Mixins.TableOptionsWithData);
    doc.x = MARGIN;
    doc.moveDown(0.6);
  };
  const figureHeight = (p: ReportPicture) => Math.min(width * (p.height / p.width), 330);
  // A board too big to read at the text width (notes under 6 pt) gets landscape room, notes ~1.5× larger.
  const needsLandscape = (p: ReportPicture) => Math.min(width / p.width, 330 / p.height) * 20 < 6;
  const isLandscape = () => doc.page.width > doc.page.height;
  const landscapePage = () => doc.addPage({ size: 'A4', layout: 'landscape', margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } });
  const block = (b: PaperBlock, next: PaperBlock | undefined) => {
    switch (b.kind) {
      case 'kicker':
        tagged('P', () => doc.font(fonts.bold).fontSize(9).fillColor(MUTED).text(t(b.text.toUpperCase()), MARGIN, doc.y, { width, characterSpacing: 0.6 }));
        doc.moveDown(0.3);
        return;
      case 'title':
        tagged('H1', () => doc.font(fonts.bold).fontSize(20).fillColor(INK).text(t(b.text), MARGIN, doc.y, { width }));
        doc.moveDown(0.5);
        return;
      case 'heading': {
        const size = b.level === 1 ? 14 : 11.5;
        if (next?.kind === 'figure' && needsLandscape(next.picture) && !isLandscape()) landscapePage();
        else ensure(size * 3 + (next?.kind === 'figure' ? figureHeight(next.picture) + 30 : 40)); // never a heading alone at the foot of a page
        if (b.level === 1) doc.moveDown(0.7);
        tagged(`H${b.level + 1}`, () => doc.font(fonts.bold).fontSize(size).fillColor(INK).text(t(b.text), MARGIN, doc.y, { width }));
        if (b.level === 1) doc.moveTo(MARGIN, doc.y + 1).lineTo(doc.page.width - MARGIN, doc.y + 1).lineWidth(0.5).stroke('#9a9a9a');
        doc.moveDown(0.35);
        return;
      }
      case 'para':
        ensure(28);
        tagged('P', () => doc.font(fonts.regular).fontSize(10).fillColor(b.muted ? MUTED : INK).text(t(b.text), MARGIN, doc.y, { width, lineGap: 1.5 }));
        doc.moveDown(0.4);
        return;
      case 'facts':
        // A label column as on a case sheet; a two-column table, so it reads as pairs aloud too.
        for (const [k, v] of b.rows) {
          ensure(16);
          const y = doc.y;
          tagged('P', () => {
            doc.font(fonts.bold).fontSize(10).fillColor(INK).text(t(k), MARGIN, y, { width: 110 });
            doc.font(fonts.regular).fontSize(10).text(t(v), MARGIN + 115, y, { width: width - 115, lineGap: 1.5 });
          });
          doc.y = Math.max(doc.y, y + 14);
          doc.moveDown(0.15);
        }
        doc.moveDown(0.3);
        return;
      case 'list': {
        ensure(30);
        const l = doc.struct('L');
        root.add(l);
        doc.font(fonts.regular).fontSize(10).fillColor(INK);
        doc.list(b.items.map(t), MARGIN + 4, doc.y, { width: width - 4, listType: b.numbered ? 'numbered' : 'bullet', bulletRadius: 1.6, textIndent: 12, lineGap: 1.5, paragraphGap: 2, structParent: l } as PDFKit.Mixins.TextOptions);
        l.end();
        doc.x = MARGIN;
        doc.moveDown(0.4);
        return;
      }
      case 'table':
        table(b.head, b.rows, b.widths);
        return;
      case 'figure': {
        const p = b.picture;
        let w = width;
        let h = figureHeight(p);
        if (needsLandscape(p)) {
          if (!isLandscape()) landscapePage();
          w = doc.page.width - 2 * MARGIN;
          const full = Math.min(w * (p.height / p.width), doc.page.height - 2 * MARGIN - 30);
          if (doc.y + full * 0.8 + 30 > doc.page.height - MARGIN) landscapePage();
          h = Math.min(full, doc.page.height - MARGIN - doc.y - 30);
        } else ensure(h + 30);
        const top = doc.y;
        let drawn = 0;
        tagged('Figure', () => { drawn = drawPicture(doc, fonts, p, MARGIN, top, w, h); }, { alt: p.alt });
        doc.y = top + drawn + 4;
        tagged('Caption', () => doc.font(fonts.regular).fontSize(8.5).fillColor(MUTED).text(t(b.caption), MARGIN, doc.y, { width }));
        doc.moveDown(1);
        return;
      }
    }
  };
  blocks.forEach((b, i) => block(b, blocks[i + 1]));

  // Page numbers: artifacts, so a screen reader does not read them into the text.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(fonts.regular).fontSize(8).fillColor(MUTED).text(t(`${meta.footer} · ${ps.page(i + 1, range.count)}`), MARGIN, doc.page.height - MARGIN / 2 - 4, { width: doc.page.width - 2 * MARGIN, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
