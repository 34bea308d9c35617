import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { PAPER_STRINGS } from './paperStrings.js';
import { type PdfFonts, drawFramePicture } from './pdfPicture.js';
import type { ReportModel, ReportNote } from './reportModel.js';
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
 * The report as a tagged PDF (PDF/UA structure: H1–H3, P, L/LI, Table/TR/TH/TD, Figure with alt text;
 * language and title in the catalogue), laid out as a committee paper's appendix: one column, compact,
 * no empty sections; page numbers are artifacts.
 */
export function renderPdf(m: ReportModel): Promise<Buffer> {
  const s = REPORT_STRINGS[m.language];
  const ps = PAPER_STRINGS[m.language];
  const title = `${s.report}: ${m.title}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    tagged: true,
    lang: m.language,
    displayTitle: true,
    bufferPages: true,
    info: { Title: title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const fonts = pickFonts(doc);
  const t = fonts.text;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (space: number) => {
    if (doc.y + space > bottom()) doc.addPage();
  };
  const root = doc.struct('Document');
  doc.addStructure(root);
  const tagged = (type: string, draw: () => void, options: { alt?: string } = {}) => root.add(doc.struct(type, options, draw));

  const heading = (level: 1 | 2 | 3, text: string) => {
    const size = level === 1 ? 20 : level === 2 ? 14 : 11.5;
    ensure(size * 4); // never a heading alone at the foot of a page
    if (level === 2) doc.moveDown(0.6);
    tagged(`H${level}`, () => doc.font(fonts.bold).fontSize(size).fillColor(INK).text(t(text), MARGIN, doc.y, { width }));
    if (level === 2) doc.moveTo(MARGIN, doc.y + 1).lineTo(MARGIN + width, doc.y + 1).lineWidth(0.5).stroke('#9a9a9a');
    doc.moveDown(level === 1 ? 0.4 : 0.35);
  };
  const para = (text: string, color = INK) => {
    ensure(28);
    tagged('P', () => doc.font(fonts.regular).fontSize(10).fillColor(color).text(t(text), MARGIN, doc.y, { width, lineGap: 1.5 }));
    doc.moveDown(0.4);
  };
  const list = (items: string[], numbered = false) => {
    if (!items.length) return;
    ensure(30);
    const l = doc.struct('L');
    root.add(l);
    doc.font(fonts.regular).fontSize(10).fillColor(INK);
    doc.list(items.map(t), MARGIN + 4, doc.y, { width: width - 4, listType: numbered ? 'numbered' : 'bullet', bulletRadius: 1.6, textIndent: 12, lineGap: 1.5, paragraphGap: 2, structParent: l } as PDFKit.Mixins.TextOptions);
    l.end();
    doc.moveDown(0.4);
  };
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
  const noteLine = (n: ReportNote) => `${n.text}${n.votes ? ` (${s.count.toLowerCase()}: ${n.votes})` : ''}${n.author ? ` – ${n.author}` : ''}`;
  const date = new Intl.DateTimeFormat(m.language, { dateStyle: 'long' }).format(new Date(m.createdAt));

  // Front: what a committee member needs before turning the page.
  tagged('P', () => doc.font(fonts.bold).fontSize(9).fillColor(MUTED).text(t(s.report.toUpperCase()), MARGIN, doc.y, { width, characterSpacing: 0.6 }));
  doc.moveDown(0.3);
  heading(1, m.title);
  para(`${s.date}: ${date}. ${s.plannedDuration}: ${s.minutes(m.plannedMinutes).replace(/\.$/, '')}.`);
  const who = [[s.roles.facilitator, m.roles.facilitator], [s.roles.cofacilitator, m.roles.cofacilitator], [s.roles.participant, m.roles.participant]]
    .filter(([, n]) => (n as number) > 0).map(([r, n]) => `${r} ${n}`).join(', ');
  para(`${s.participants}: ${who}. ${s.observersNote}`, MUTED);

  heading(2, s.summary);
  para(s.backgroundText(m.title, m.steps.length));
  const clusters = m.steps.flatMap((st) => st.clusters).sort((a, b) => b.votes - a.votes);
  if (clusters.length) {
    heading(3, s.said);
    list(clusters.map((c) => `${c.label}: ${s.notes(c.notes.length)}${c.votes ? `, ${s.count.toLowerCase()}: ${c.votes}` : ''}`));
  }
  const top = m.votes.flatMap((v) => v.results.filter((r) => r.count > 0).sort((a, b) => b.count - a.count).slice(0, 5));
  if (top.length) {
    heading(3, s.prioritised);
    list(top.map((r) => `${r.text} (${s.count.toLowerCase()}: ${r.count})`), true);
  }
  if (m.actions.length) {
    heading(3, s.proposedActions);
    list(m.actions.map((a) => `${a.what}${a.who.length ? ` (${a.who.map((w) => s.actors[w]).join(', ')})` : ''}`));
  }
  if (m.steps.length) {
    heading(3, s.participation);
    table([s.step, s.promised, s.promise, s.kept], m.steps.map((st) => [`${st.index + 1}. ${st.step.title}`, s.levels[st.step.level], st.step.promise, st.kept ? s.keptYes : s.keptNo]), [0.3, 0.15, 0.35, 0.2]);
  }

  // What was said, step by step; a step with nothing on its board gets no section of its own.
  const printedVotes = new Set<string>();
  for (const st of m.steps) {
    if (!st.clusters.length && !st.unclustered.length && !st.votes.length) continue;
    heading(2, `${s.step} ${st.index + 1}: ${st.step.title}`);
    para(`${s.participation}: ${s.levels[st.step.level]}. ${s.promise}: ${st.step.promise}`, MUTED);
    for (const c of [...st.clusters].sort((a, b) => b.votes - a.votes)) {
      heading(3, `${c.label} (${s.notes(c.notes.length)}${c.votes ? `, ${s.count.toLowerCase()}: ${c.votes}` : ''})`);
      list([...c.notes].sort((a, b) => b.votes - a.votes).map(noteLine));
    }
    if (st.unclustered.length) {
      heading(3, s.notInCluster);
      list(st.unclustered.map(noteLine));
    }
    // Each vote once (two steps can work on the same frame), and only what got dots: a row of 0 is not a result.
    for (const v of st.votes.filter((x) => !printedVotes.has(x.id) && x.results.some((r) => r.count > 0) && printedVotes.add(x.id))) {
      heading(3, `${s.vote}${v.title ? `: ${v.title}` : ''}`);
      table(['#', s.text, s.count], v.results.filter((r) => r.count > 0).sort((a, b) => b.count - a.count).map((r, i) => [String(i + 1), r.text, String(r.count)]), [0.08, 0.77, 0.15]);
    }
  }
  if (m.actions.length) {
    heading(2, s.actions);
    table([s.what, s.who, s.firstStep, s.when, s.source], m.actions.map((a) => [
      a.what,
      [...a.who.map((w) => s.actors[w]), ...(a.whoDetail ? [a.whoDetail] : [])].join(', '),
      a.firstStep,
      a.when,
      a.source ? `${a.source.label} (${s.notes(a.source.notes.length)}, ${s.count.toLowerCase()}: ${a.source.votes})` : '',
    ]), [0.24, 0.22, 0.2, 0.12, 0.22]);
  }
  if (m.parkingLot.length) {
    heading(2, s.parkingLot);
    list(m.parkingLot.map(noteLine));
  }

  // Appendix: a picture of each part of the board that holds something, notes drawn.
  const pictures = m.frames.filter((f) => f.elements.some((e) => e.type !== 'frame'));
  if (pictures.length) {
    doc.addPage();
    heading(2, ps.appendix);
    for (const { frame, elements } of pictures) {
      const h = Math.min(width * (frame.height / frame.width), 300);
      ensure(h + 40);
      const noteCount = elements.filter((e) => e.type === 'note').length;
      const groups = elements.flatMap((e) => (e.type === 'frame' ? [e.title] : []));
      const top = doc.y;
      let drawn = 0;
      tagged('Figure', () => { drawn = drawFramePicture(doc, fonts, frame, elements, MARGIN, top, width, h); }, { alt: ps.pictureAlt(frame.title, noteCount, groups) });
      doc.y = top + drawn + 4;
      tagged('Caption', () => doc.font(fonts.regular).fontSize(8.5).fillColor(MUTED).text(t(`${ps.boardPicture}: ${frame.title}`), MARGIN, doc.y, { width }));
      doc.moveDown(1);
    }
  }

  // Page numbers: artifacts, so a screen reader does not read them into the text.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(fonts.regular).fontSize(8).fillColor(MUTED).text(t(`${m.title} · ${ps.page(i + 1, range.count)}`), MARGIN, doc.page.height - MARGIN / 2 - 4, { width, align: 'right', lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
