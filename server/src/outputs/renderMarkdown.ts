import { frameSvg } from './frameSvg.js';
import type { ReportModel, ReportNote } from './reportModel.js';
import { REPORT_STRINGS } from './reportStrings.js';

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

export function renderMarkdown(m: ReportModel, opts: { images: boolean } = { images: true }): string {
  const s = REPORT_STRINGS[m.language];
  const date = new Intl.DateTimeFormat(m.language, { dateStyle: 'long' }).format(new Date(m.createdAt));
  const note = (n: ReportNote) => `- ${mdText(n.text)}${n.votes ? ` (${s.count}: ${n.votes})` : ''}${n.author ? ` — ${mdText(n.author)}` : ''}`;
  const out: string[] = [];
  out.push(`# ${s.report}: ${mdText(m.title)}`, '');
  out.push(`- ${s.date}: ${date}`, `- ${s.plannedDuration}: ${s.minutes(m.plannedMinutes)}`);
  out.push(`- ${s.participants}: ${s.roles.facilitator} ${m.roles.facilitator}, ${s.roles.cofacilitator} ${m.roles.cofacilitator}, ${s.roles.participant} ${m.roles.participant}`);
  out.push(`- ${s.observersNote}`, '');

  out.push(`## ${s.summary}`, '', `### ${s.background}`, '', mdText(s.backgroundText(m.title, m.steps.length)), '');
  out.push(`### ${s.said}`, '');
  const clusters = m.steps.flatMap((st) => st.clusters);
  if (clusters.length) for (const c of clusters) out.push(`- ${mdText(c.label)}: ${s.notes(c.notes.length)}`);
  else out.push(`- ${s.notes(m.notes.length)}`);
  out.push('', `### ${s.prioritised}`, '');
  const top = m.votes.flatMap((v) => v.results.filter((r) => r.count > 0).slice(0, 5));
  if (top.length) top.forEach((r, i) => out.push(`${i + 1}. ${mdText(r.text)} (${s.count}: ${r.count})`));
  else out.push(s.nothing);
  out.push('', `### ${s.proposedActions}`, '');
  if (m.actions.length) for (const a of m.actions) out.push(`- ${mdText(a.what)} (${a.who.map((w) => s.actors[w]).join(', ')}${a.whoDetail ? `, ${mdText(a.whoDetail)}` : ''})`);
  else out.push(s.nothing);
  out.push('', `### ${s.participation}`, '', `| ${s.step} | ${s.promised} | ${s.promise} | ${s.kept} |`, '|---|---|---|---|');
  for (const st of m.steps) out.push(`| ${st.index + 1}. ${mdText(st.step.title)} | ${s.levels[st.step.level]} | ${mdText(st.step.promise)} | ${st.kept ? s.keptYes : s.keptNo} |`);

  for (const st of m.steps) {
    out.push('', `## ${s.step} ${st.index + 1}: ${mdText(st.step.title)}`, '');
    out.push(`*${s.participation}: ${s.levels[st.step.level]}. ${s.promise}: ${mdText(st.step.promise)}*`, '');
    for (const c of st.clusters) {
      out.push(`### ${s.cluster}: ${mdText(c.label)} (${s.count}: ${c.votes})`, '');
      for (const n of c.notes) out.push(note(n));
      out.push('');
    }
    if (st.unclustered.length) {
      out.push(`### ${s.notInCluster}`, '');
      for (const n of st.unclustered) out.push(note(n));
      out.push('');
    }
    for (const v of st.votes) {
      out.push(`### ${s.vote}${v.title ? `: ${mdText(v.title)}` : ''}`, '', `| # | ${s.text} | ${s.count} |`, '|---|---|---|');
      v.results.forEach((r, i) => out.push(`| ${i + 1} | ${mdText(r.text)} | ${r.count} |`));
      out.push('');
    }
    if (opts.images && st.frame) {
      const inFrame = m.frames.find((f) => f.frame.id === st.frame!.id);
      if (inFrame) {
        const svg = Buffer.from(frameSvg(inFrame.frame, inFrame.elements)).toString('base64');
        out.push(`![${mdText(st.frame.title)}](data:image/svg+xml;base64,${svg})`, '');
      }
    }
  }

  out.push('', `## ${s.actions}`, '');
  if (m.actions.length) {
    out.push(`| ${s.what} | ${s.who} | ${s.firstStep} | ${s.when} | ${s.source} |`, '|---|---|---|---|---|');
    for (const a of m.actions) {
      const who = [...a.who.map((w) => s.actors[w]), ...(a.whoDetail ? [a.whoDetail] : [])].map(mdText).join(', ');
      const src = a.source ? `${mdText(a.source.label)} (${s.notes(a.source.notes.length)}, ${s.count}: ${a.source.votes})` : '';
      out.push(`| ${mdText(a.what)} | ${who} | ${mdText(a.firstStep)} | ${mdText(a.when)} | ${src} |`);
    }
  } else out.push(s.nothing);
  out.push('', `## ${s.parkingLot}`, '');
  if (m.parkingLot.length) for (const n of m.parkingLot) out.push(note(n));
  else out.push(s.nothing);
  return `${out.join('\n')}\n`;
}
