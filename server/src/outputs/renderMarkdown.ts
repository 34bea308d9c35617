import { portfolioBlocks } from './portfolioSection.js';
import { frameSvg } from './frameSvg.js';
import { opinionBlocks } from './opinionSection.js';
import { roleBlocks } from './roleSection.js';
import type { ReportModel, ReportNote } from './reportModel.js';
import { REPORT_STRINGS, formatDate, formatTime, runText, whoOf } from './reportStrings.js';

/** Markdown text that renders as plain text: HTML is escaped, Markdown syntax neutralised, tables kept whole. */
export const mdText = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/^([#+-])/, '\\$1')
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/\r?\n/g, '<br>');

/** The report as Markdown, from the one report model, in the same order as the HTML. */
export function renderMarkdown(m: ReportModel, opts: { images: boolean } = { images: true }): string {
  const s = REPORT_STRINGS[m.language];
  const f = m.front;
  const note = (n: ReportNote) => `- ${mdText(n.text)}${n.votes ? ` (${s.dots(n.votes)})` : ''}${n.author ? ` — ${mdText(n.author)}` : ''}`;
  const out: string[] = [];
  out.push(`# ${mdText(f.title)}`, '', `*${s.report}*`, '');
  out.push(`- **${s.date}:** ${formatDate(m.language, m.timeZone, f.date)}`);
  if (f.held) out.push(`- **${s.time}:** ${f.held.end ? `${formatTime(m.language, m.timeZone, f.held.start)}–${formatTime(m.language, m.timeZone, f.held.end)}` : s.since(formatTime(m.language, m.timeZone, f.held.start))}`);
  if (f.place) out.push(`- **${s.place}:** ${mdText(f.place)}`);
  if (f.question) out.push(`- **${s.question}:** ${mdText(f.question)}`);
  if (f.participants.length) out.push(`- **${s.whoTookPart}:** ${f.participants.map((p) => `${s.roles[p.role]}: ${p.count}`).join(', ')} (${s.observersNote})`);
  if (f.plannedMinutes) out.push(`- **${s.plannedDuration}:** ${s.minutes(f.plannedMinutes)}`);

  out.push('', `## ${s.summary}`, '', `### ${s.top}`, '');
  if (m.summary.length) m.summary.forEach((t, i) => out.push(`${i + 1}. ${mdText(t.text)} (${t.votes ? s.dots(t.votes) : s.notes(t.notes)})`));
  else out.push(s.noTop);

  out.push('', `## ${s.said}`, '');
  for (const c of m.clusters) {
    out.push(`### ${c.rank}. ${mdText(c.label)}`, '', `*${s.notes(c.notes.length)}${c.votes ? ` · ${s.dots(c.votes)}` : ''}*`, '');
    for (const n of c.notes) out.push(note(n));
    out.push('');
  }
  if (m.unclustered.length) {
    if (m.clusters.length) out.push(`### ${s.notInCluster}`, '');
    for (const n of m.unclustered) out.push(note(n));
    out.push('');
  }
  if (!m.clusters.length && !m.unclustered.length) out.push(s.noNotes, '');

  out.push(`## ${s.priorities}`, '');
  for (const v of m.votes) {
    out.push(`### ${mdText(v.title || s.vote)}`, '', `| # | ${s.text} | ${s.count} |`, '|---|---|---|');
    v.results.forEach((r, i) => out.push(`| ${i + 1} | ${mdText(r.text)} | ${r.count} |`));
    out.push('');
  }
  if (!m.votes.length) out.push(s.noVote, '');

  for (const b of opinionBlocks(s.opinion, m.opinions)) {
    if (b.kind === 'heading') out.push(`${b.level === 1 ? '##' : '###'} ${mdText(b.text)}`, '');
    else if (b.kind === 'para') out.push(b.muted ? `_${mdText(b.text)}_` : mdText(b.text), '');
    else out.push(...b.items.map((item) => `- ${mdText(item)}`), '');
  }

  for (const b of roleBlocks(m.language, m.roleRounds ?? [])) {
    if (b.kind === 'heading') out.push(`${b.level === 1 ? '##' : '###'} ${mdText(b.text)}`, '');
    else if (b.kind === 'para') out.push(b.muted ? `_${mdText(b.text)}_` : mdText(b.text), '');
    else if (b.kind === 'list') out.push(...b.items.map((item) => `- ${mdText(item)}`), '');
    else out.push(`| ${b.head.map(mdText).join(' | ')} |`, `|${b.head.map(() => '---').join('|')}|`, ...b.rows.map((r) => `| ${r.map(mdText).join(' | ')} |`), '');
  }

  for (const b of portfolioBlocks(m.language, m.timeZone, m.portfolio ?? null)) {
    if (b.kind === 'heading') out.push(`${b.level === 1 ? '##' : '###'} ${mdText(b.text)}`, '');
    else if (b.kind === 'para') out.push(b.muted ? `_${mdText(b.text)}_` : mdText(b.text), '');
    else out.push(...b.items.map((item) => `- ${mdText(item)}`), '');
  }

  out.push(`## ${s.agreedActions}`, '');
  for (const a of m.actions) {
    out.push(`### ${mdText(a.what)}`, '');
    const who = whoOf(m.language, a);
    if (who) out.push(`- **${s.who}:** ${mdText(who)}`);
    if (a.firstStep) out.push(`- **${s.firstStep}:** ${mdText(a.firstStep)}`);
    if (a.when) out.push(`- **${s.when}:** ${mdText(a.when)}`);
    if (a.source) out.push(`- **${s.source}:** ${mdText(a.source.label)} (${s.notes(a.source.notes.length)}${a.source.votes ? `, ${s.dots(a.source.votes)}` : ''})`);
    out.push('');
  }
  if (!m.actions.length) out.push(s.noActions, '');

  if (m.parkingLot.length) {
    out.push(`## ${s.parkingLot}`, '');
    for (const n of m.parkingLot) out.push(note(n));
    out.push('');
  }

  out.push(`## ${s.participation}`, '', `| ${s.step} | ${s.promised} | ${s.promise} | ${s.ran} | ${s.kept} |`, '|---|---|---|---|---|');
  for (const st of m.steps) {
    out.push(`| ${st.index + 1}. ${mdText(st.step.title)} | ${s.levels[st.step.level]} | ${mdText(st.step.promise)} | ${runText(m, st)} | ${s.outcome[st.outcome]} |`);
  }

  if (opts.images && m.pictures.length) {
    out.push('', `## ${s.appendix}`, '');
    for (const p of m.pictures) {
      const inFrame = m.frames.find((fr) => fr.frame.id === p.frameId);
      if (!inFrame) continue;
      const svg = Buffer.from(frameSvg(inFrame.frame, inFrame.elements)).toString('base64');
      out.push(`![${mdText(p.alt)}](data:image/svg+xml;base64,${svg})`, '');
    }
  }
  return `${out.join('\n')}\n`;
}
