import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, ShadingType,
  Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { ReportModel, ReportNote } from './reportModel.js';
import { REPORT_STRINGS } from './reportStrings.js';

// Arial: the font most Danish and Norwegian municipal paper templates use; Word's built-in Heading 1–3
// and List Bullet styles are kept (restyled), so the text pastes into a committee-paper template as
// headings and lists, not as formatted body text.
const FONT = 'Arial';
const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '9A9A9A' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder, insideHorizontal: cellBorder, insideVertical: cellBorder };

/** The report as a Word document: real headings, lists and tables, laid out as a paper (A4, Arial 10.5). */
export function renderDocx(m: ReportModel): Promise<Buffer> {
  const s = REPORT_STRINGS[m.language];
  const out: Array<Paragraph | Table> = [];
  const heading = (level: 1 | 2 | 3, text: string) =>
    out.push(new Paragraph({ text, heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3 }));
  const para = (text: string, muted = false) => out.push(new Paragraph({ children: [new TextRun({ text, color: muted ? '555555' : undefined })] }));
  const list = (items: string[], numbered = false) => {
    for (const text of items) out.push(new Paragraph({ text, ...(numbered ? { numbering: { reference: 'ranked', level: 0 } } : { bullet: { level: 0 } }) }));
  };
  const table = (head: string[], rows: string[][], widths: number[]) => {
    const cell = (text: string, th: boolean, i: number) =>
      new TableCell({
        width: { size: widths[i]! * 100, type: WidthType.PERCENTAGE },
        shading: th ? { type: ShadingType.CLEAR, fill: 'ECECEC', color: 'auto' } : undefined,
        margins: { top: 40, bottom: 40, left: 80, right: 80 },
        children: text.split('\n').map((line) => new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text: line, bold: th, size: 18 })] })),
      });
    out.push(new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders,
      rows: [
        new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, true, i)) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, false, i)) })),
      ],
    }));
    out.push(new Paragraph({ text: '', spacing: { after: 60 } }));
  };
  const noteLine = (n: ReportNote) => `${n.text}${n.votes ? ` (${s.count.toLowerCase()}: ${n.votes})` : ''}${n.author ? ` – ${n.author}` : ''}`;
  const date = new Intl.DateTimeFormat(m.language, { dateStyle: 'long' }).format(new Date(m.createdAt));

  out.push(new Paragraph({ children: [new TextRun({ text: s.report.toUpperCase(), bold: true, size: 18, color: '555555' })] }));
  out.push(new Paragraph({ text: m.title, heading: HeadingLevel.TITLE }));
  para(`${s.date}: ${date}. ${s.plannedDuration}: ${s.minutes(m.plannedMinutes).replace(/\.$/, '')}.`);
  const who = ([['facilitator', m.roles.facilitator], ['cofacilitator', m.roles.cofacilitator], ['participant', m.roles.participant]] as const)
    .filter(([, n]) => n > 0).map(([r, n]) => `${s.roles[r]} ${n}`).join(', ');
  para(`${s.participants}: ${who}. ${s.observersNote}`, true);

  heading(1, s.summary);
  para(s.backgroundText(m.title, m.steps.length));
  const clusters = m.steps.flatMap((st) => st.clusters).sort((a, b) => b.votes - a.votes);
  if (clusters.length) {
    heading(2, s.said);
    list(clusters.map((c) => `${c.label}: ${s.notes(c.notes.length)}${c.votes ? `, ${s.count.toLowerCase()}: ${c.votes}` : ''}`));
  }
  const top = m.votes.flatMap((v) => v.results.filter((r) => r.count > 0).sort((a, b) => b.count - a.count).slice(0, 5));
  if (top.length) {
    heading(2, s.prioritised);
    list(top.map((r) => `${r.text} (${s.count.toLowerCase()}: ${r.count})`), true);
  }
  if (m.actions.length) {
    heading(2, s.proposedActions);
    list(m.actions.map((a) => `${a.what}${a.who.length ? ` (${a.who.map((w) => s.actors[w]).join(', ')})` : ''}`));
  }
  if (m.steps.length) {
    heading(2, s.participation);
    table([s.step, s.promised, s.promise, s.kept], m.steps.map((st) => [`${st.index + 1}. ${st.step.title}`, s.levels[st.step.level], st.step.promise, st.kept ? s.keptYes : s.keptNo]), [0.3, 0.15, 0.35, 0.2]);
  }
  const printedVotes = new Set<string>();
  for (const st of m.steps) {
    if (!st.clusters.length && !st.unclustered.length && !st.votes.length) continue;
    heading(1, `${s.step} ${st.index + 1}: ${st.step.title}`);
    para(`${s.participation}: ${s.levels[st.step.level]}. ${s.promise}: ${st.step.promise}`, true);
    for (const c of [...st.clusters].sort((a, b) => b.votes - a.votes)) {
      heading(2, `${c.label} (${s.notes(c.notes.length)}${c.votes ? `, ${s.count.toLowerCase()}: ${c.votes}` : ''})`);
      list([...c.notes].sort((a, b) => b.votes - a.votes).map(noteLine));
    }
    if (st.unclustered.length) {
      heading(2, s.notInCluster);
      list(st.unclustered.map(noteLine));
    }
    // Each vote once (two steps can work on the same frame), and only what got dots: a row of 0 is not a result.
    for (const v of st.votes.filter((x) => !printedVotes.has(x.id) && x.results.some((r) => r.count > 0) && printedVotes.add(x.id))) {
      heading(2, `${s.vote}${v.title ? `: ${v.title}` : ''}`);
      table(['#', s.text, s.count], v.results.filter((r) => r.count > 0).sort((a, b) => b.count - a.count).map((r, i) => [String(i + 1), r.text, String(r.count)]), [0.08, 0.77, 0.15]);
    }
  }
  if (m.actions.length) {
    heading(1, s.actions);
    table([s.what, s.who, s.firstStep, s.when, s.source], m.actions.map((a) => [
      a.what,
      [...a.who.map((w) => s.actors[w]), ...(a.whoDetail ? [a.whoDetail] : [])].join(', '),
      a.firstStep,
      a.when,
      a.source ? `${a.source.label} (${s.notes(a.source.notes.length)}, ${s.count.toLowerCase()}: ${a.source.votes})` : '',
    ]), [0.24, 0.22, 0.2, 0.12, 0.22]);
  }
  if (m.parkingLot.length) {
    heading(1, s.parkingLot);
    list(m.parkingLot.map(noteLine));
  }

  const doc = new Document({
    title: `${s.report}: ${m.title}`,
    creator: 'Sammen',
    styles: {
      default: {
        document: { run: { font: FONT, size: 21, language: { value: m.language } }, paragraph: { spacing: { after: 100, line: 264 } } },
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
          children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${m.title} · `, size: 16, color: '555555' }), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '555555' })] })],
        }),
      },
      children: out,
    }],
  });
  return Packer.toBuffer(doc);
}
