import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, LevelFormat, LineRuleType, Packer, PageNumber, Paragraph, ShadingType,
  Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { frameSvg } from './frameSvg.js';
import { paperOutline } from './paperOutline.js';
import { picturePng } from './picturePng.js';
import type { ReportModel } from './reportModel.js';
import { REPORT_STRINGS } from './reportStrings.js';

// Arial: the font most Danish and Norwegian municipal paper templates use; Word's built-in Heading 1–3
// and List Bullet styles are kept (restyled), so the text pastes into a committee-paper template as
// headings and lists, not as formatted body text.
const FONT = 'Arial';
const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '9A9A9A' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder, insideHorizontal: cellBorder, insideVertical: cellBorder };

/** The report as a Word document: real headings, lists and tables, laid out as a paper (A4, Arial 10.5). */
export function renderDocx(m: ReportModel): Promise<Buffer> {
  const s = REPORT_STRINGS[m.language];
  const out: Array<Paragraph | Table> = [];
  const cell = (text: string, th: boolean, width: number, bold = th, size = 18) =>
    new TableCell({
      width: { size: width * 100, type: WidthType.PERCENTAGE },
      shading: th ? { type: ShadingType.CLEAR, fill: 'ECECEC', color: 'auto' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: text.split('\n').map((line) => new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: line, bold, size })] })),
    });
  for (const b of paperOutline(m)) {
    switch (b.kind) {
      case 'kicker':
        out.push(new Paragraph({ children: [new TextRun({ text: b.text.toUpperCase(), bold: true, size: 18, color: '555555' })] }));
        break;
      case 'title':
        out.push(new Paragraph({ text: b.text, heading: HeadingLevel.TITLE }));
        break;
      case 'heading':
        out.push(new Paragraph({ text: b.text, heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 }));
        break;
      case 'para':
        out.push(new Paragraph({ children: [new TextRun({ text: b.text, color: b.muted ? '555555' : undefined })] }));
        break;
      case 'facts':
        // Label and value side by side as on a case sheet; borderless, so it pastes as plain facts.
        out.push(new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
          rows: b.rows.map(([k, v]) => new TableRow({ children: [cell(k, false, 0.25, true, 21), cell(v, false, 0.75, false, 21)] })),
        }));
        out.push(new Paragraph({ text: '', spacing: { after: 60 } }));
        break;
      case 'list':
        for (const text of b.items) out.push(new Paragraph({ text, spacing: { after: 40 }, ...(b.numbered ? { numbering: { reference: 'ranked', level: 0 } } : { bullet: { level: 0 } }) }));
        break;
      case 'table':
        out.push(new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders,
          rows: [
            new TableRow({ tableHeader: true, children: b.head.map((h, i) => cell(h, true, b.widths[i]!)) }),
            ...b.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, b.widths[i]!)) })),
          ],
        }));
        out.push(new Paragraph({ text: '', spacing: { after: 60 } }));
        break;
      case 'figure': {
        // The board as SVG (the HTML report's picture, notes drawn), with a text-less PNG for word
        // processors without SVG; the model's alt text as the picture's description, and a caption.
        const inFrame = m.frames.find((f) => f.frame.id === b.picture.frameId);
        if (inFrame) {
          const width = 620;
          const height = Math.round(Math.min(width * (b.picture.height / b.picture.width), 820));
          out.push(new Paragraph({
            keepNext: true,
            children: [new ImageRun({
              type: 'svg',
              data: Buffer.from(frameSvg(inFrame.frame, inFrame.elements)),
              fallback: { type: 'png', data: picturePng(b.picture) },
              transformation: { width: Math.round(width * Math.min(1, 820 / (width * (b.picture.height / b.picture.width)))), height },
              altText: { name: b.caption, title: b.caption, description: b.picture.alt },
            })],
          }));
        }
        out.push(new Paragraph({ children: [new TextRun({ text: b.caption, italics: true, size: 17, color: '555555' })] }));
        break;
      }
    }
  }

  const doc = new Document({
    title: `${s.report}: ${m.front.title}`,
    creator: 'Sammen',
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, language: { value: m.language } }, paragraph: { spacing: { after: 100, line: 264, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 40, bold: true, color: '1A1A1A' }, paragraph: { spacing: { after: 160 } } },
        heading1: { run: { font: FONT, size: 28, bold: true, color: '1A1A1A' }, paragraph: { spacing: { before: 320, after: 120 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 23, bold: true, color: '1A1A1A' }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 21, bold: true, color: '1A1A1A' }, paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
      },
    },
    numbering: { config: [{ reference: 'ranked', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 360, hanging: 260 } } } }] }] },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1247, bottom: 1247, left: 1247, right: 1247 } } },
      footers: {
        default: new Footer({
          children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${m.front.title} · `, size: 16, color: '555555' }), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '555555' })] })],
        }),
      },
      children: out,
    }],
  });
  return Packer.toBuffer(doc);
}
