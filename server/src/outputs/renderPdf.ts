import PDFDocument from 'pdfkit';
import { COLORS, type Element, type Frame } from '@sammen/shared';
import { wrap } from './frameSvg.js';
import type { ReportModel, ReportNote } from './reportModel.js';
import { REPORT_STRINGS } from './reportStrings.js';

// The standard PDF fonts (no font files to ship) cover Windows-1252: all of Danish and Norwegian.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const pdfText = (s: string): string =>
  [...s].map((ch) => {
    const c = ch.codePointAt(0)!;
    return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || ch === '\n' || WIN_ANSI_EXTRA.has(ch) ? ch : '?';
  }).join('');

/** The report as a PDF (A4), made with pdfkit; text is real text, so it can be searched and extracted. */
export function renderPdf(m: ReportModel): Promise<Buffer> {
  const s = REPORT_STRINGS[m.language];
  // Language and title in the document catalogue, so readers announce them; the content itself is
  // not yet tagged for PDF/UA (the accessibility statement says so).
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    pdfVersion: '1.7',
    lang: m.language,
    displayTitle: true,
    info: { Title: pdfText(`${s.report}: ${m.title}`) },
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 100;
  const h1 = (t: string) => doc.font('Helvetica-Bold').fontSize(20).text(pdfText(t), { width }).moveDown(0.5);
  const h2 = (t: string) => doc.font('Helvetica-Bold').fontSize(15).text(pdfText(t), { width }).moveDown(0.3);
  const h3 = (t: string) => doc.font('Helvetica-Bold').fontSize(12).text(pdfText(t), { width }).moveDown(0.2);
  const p = (t: string) => doc.font('Helvetica').fontSize(10.5).text(pdfText(t), { width }).moveDown(0.3);
  const bullet = (t: string) => doc.font('Helvetica').fontSize(10.5).text(pdfText(`•  ${t}`), { width, indent: 0 });
  const note = (n: ReportNote) => bullet(`${n.text}${n.votes ? ` (${s.count}: ${n.votes})` : ''}${n.author ? ` - ${n.author}` : ''}`);
  const date = new Intl.DateTimeFormat(m.language, { dateStyle: 'long' }).format(new Date(m.createdAt));

  h1(`${s.report}: ${m.title}`);
  p(`${s.date}: ${date}. ${s.plannedDuration}: ${s.minutes(m.plannedMinutes)}.`);
  p(`${s.participants}: ${s.roles.facilitator} ${m.roles.facilitator}, ${s.roles.cofacilitator} ${m.roles.cofacilitator}, ${s.roles.participant} ${m.roles.participant}. ${s.observersNote}`);
  doc.moveDown();
  h2(s.summary);
  h3(s.background);
  p(s.backgroundText(m.title, m.steps.length));
  h3(s.said);
  const clusters = m.steps.flatMap((st) => st.clusters);
  if (clusters.length) clusters.forEach((c) => bullet(`${c.label}: ${s.notes(c.notes.length)}`));
  else bullet(s.notes(m.notes.length));
  doc.moveDown(0.3);
  h3(s.prioritised);
  const top = m.votes.flatMap((v) => v.results.filter((r) => r.count > 0).slice(0, 5));
  if (top.length) top.forEach((r, i) => p(`${i + 1}. ${r.text} (${s.count}: ${r.count})`));
  else p(s.nothing);
  h3(s.proposedActions);
  if (m.actions.length) m.actions.forEach((a) => bullet(`${a.what} (${a.who.map((w) => s.actors[w]).join(', ')})`));
  else p(s.nothing);
  doc.moveDown(0.3);
  h3(s.participation);
  for (const st of m.steps) p(`${st.index + 1}. ${st.step.title} - ${s.promised}: ${s.levels[st.step.level]} - ${s.kept} ${st.kept ? s.keptYes : s.keptNo}`);

  for (const st of m.steps) {
    doc.addPage();
    h2(`${s.step} ${st.index + 1}: ${st.step.title}`);
    p(`${s.participation}: ${s.levels[st.step.level]}. ${s.promise}: ${st.step.promise}`);
    for (const c of st.clusters) {
      h3(`${s.cluster}: ${c.label} (${s.count}: ${c.votes})`);
      c.notes.forEach(note);
      doc.moveDown(0.3);
    }
    if (st.unclustered.length) {
      h3(s.notInCluster);
      st.unclustered.forEach(note);
      doc.moveDown(0.3);
    }
    for (const v of st.votes) {
      h3(`${s.vote}${v.title ? `: ${v.title}` : ''}`);
      v.results.forEach((r, i) => p(`${i + 1}. ${r.text} - ${s.count}: ${r.count}`));
    }
    const inFrame = st.frame && m.frames.find((f) => f.frame.id === st.frame!.id);
    if (inFrame) drawFrame(doc, inFrame.frame, inFrame.elements, width);
  }
  doc.addPage();
  h2(s.actions);
  if (m.actions.length) {
    for (const a of m.actions) {
      h3(a.what);
      p(`${s.who}: ${[...a.who.map((w) => s.actors[w]), ...(a.whoDetail ? [a.whoDetail] : [])].join(', ')}`);
      p(`${s.firstStep}: ${a.firstStep}. ${s.when}: ${a.when}.`);
      if (a.source) p(`${s.source}: ${a.source.label} (${s.notes(a.source.notes.length)}, ${s.count}: ${a.source.votes})`);
    }
  } else p(s.nothing);
  doc.moveDown();
  h2(s.parkingLot);
  if (m.parkingLot.length) m.parkingLot.forEach(note);
  else p(s.nothing);
  doc.end();
  return done;
}

/** A picture of a frame drawn with PDF vector primitives, scaled to the text width. */
function drawFrame(doc: PDFKit.PDFDocument, frame: Frame, elements: Element[], width: number): void {
  const scale = Math.min(width / frame.width, 340 / frame.height);
  if (doc.y + frame.height * scale > doc.page.height - 60) doc.addPage();
  const ox = 50;
  const oy = doc.y + 8;
  const X = (x: number) => ox + (x - frame.x) * scale;
  const Y = (y: number) => oy + (y - frame.y) * scale;
  doc.save();
  doc.roundedRect(X(frame.x), Y(frame.y), frame.width * scale, frame.height * scale, 4).fillAndStroke(COLORS[frame.fill].fill, '#777777');
  doc.fillColor('#222222').font('Helvetica-Bold').fontSize(10).text(pdfText(frame.title), X(frame.x) + 6, Y(frame.y) + 6, { lineBreak: false });
  for (const el of elements) {
    if (el.type === 'arrow' || el.type === 'text') continue;
    const fill = el.type === 'note' ? COLORS[el.color].fill : el.type === 'shape' || el.type === 'frame' ? COLORS[el.fill].fill : '#ffffff';
    doc.rect(X(el.x), Y(el.y), el.width * scale, el.height * scale).fillAndStroke(fill, '#999999');
    const text = el.type === 'frame' ? el.title : el.type === 'action' ? el.what : el.text;
    const size = 8;
    const lines = wrap(text, Math.max(4, Math.floor((el.width * scale - 4) / (size * 0.5))), Math.max(1, Math.floor((el.height * scale - 4) / (size * 1.2))));
    doc.fillColor('#1f1f1f').font('Helvetica').fontSize(size);
    lines.forEach((line, i) => doc.text(pdfText(line), X(el.x) + 2, Y(el.y) + 2 + i * size * 1.2, { lineBreak: false }));
  }
  doc.restore();
  doc.x = 50;
  doc.y = oy + frame.height * scale + 10;
}
