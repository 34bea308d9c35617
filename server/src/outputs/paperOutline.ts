import { portfolioBlocks } from './portfolioSection.js';
import type { ReportModel, ReportNote, ReportPicture } from './reportModel.js';
import { opinionBlocks } from './opinionSection.js';
import { roleBlocks } from './roleSection.js';
import { PAPER_STRINGS } from './paperStrings.js';
import { REPORT_STRINGS, formatDate, formatTime, runText, whoOf } from './reportStrings.js';

/**
 * The report as a sequence of paper blocks (headings, paragraphs, lists, tables, figures), made once
 * from the report model so the PDF and the Word document cannot differ; each renderer only lays out.
 * Sections follow the HTML report; what the model leaves empty is left out.
 */
export type PaperBlock =
  | { kind: 'kicker'; text: string }
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'para'; text: string; muted?: boolean }
  | { kind: 'facts'; rows: Array<[string, string]> }
  | { kind: 'list'; items: string[]; numbered?: boolean }
  | { kind: 'table'; head: string[]; rows: string[][]; widths: number[] }
  | { kind: 'figure'; picture: ReportPicture; caption: string };

export function paperOutline(m: ReportModel): PaperBlock[] {
  const s = REPORT_STRINGS[m.language];
  const f = m.front;
  const out: PaperBlock[] = [];
  const noteLine = (n: ReportNote) => `${n.text}${n.votes ? ` (${s.dots(n.votes)})` : ''}${n.author ? ` – ${n.author}` : ''}`;

  out.push({ kind: 'kicker', text: s.report }, { kind: 'title', text: f.title });
  const facts: Array<[string, string]> = [[s.date, formatDate(m.language, m.timeZone, f.date)]];
  if (f.held) facts.push([s.time, f.held.end ? `${formatTime(m.language, m.timeZone, f.held.start)}–${formatTime(m.language, m.timeZone, f.held.end)}` : s.since(formatTime(m.language, m.timeZone, f.held.start))]);
  if (f.place) facts.push([s.place, f.place]);
  if (f.question) facts.push([s.question, f.question]);
  if (f.participants.length) facts.push([s.participants, f.participants.map((p) => `${s.roles[p.role]}: ${p.count}`).join(', ')]);
  if (f.plannedMinutes) facts.push([s.plannedDuration, s.minutes(f.plannedMinutes)]);
  out.push({ kind: 'facts', rows: facts });
  if (f.participants.length) out.push({ kind: 'para', text: s.observersNote, muted: true });

  out.push({ kind: 'heading', level: 1, text: s.summary }, { kind: 'heading', level: 2, text: s.top });
  if (m.summary.length) out.push({ kind: 'list', numbered: true, items: m.summary.map((t) => `${t.text} (${t.votes ? s.dots(t.votes) : s.notes(t.notes)})`) });
  else out.push({ kind: 'para', text: s.noTop });

  out.push({ kind: 'heading', level: 1, text: s.said });
  for (const c of m.clusters) {
    out.push({ kind: 'heading', level: 2, text: `${c.rank}. ${c.label} (${s.notes(c.notes.length)}${c.votes ? `, ${s.dots(c.votes)}` : ''})` });
    if (c.notes.length) out.push({ kind: 'list', items: c.notes.map(noteLine) });
  }
  if (m.unclustered.length) {
    if (m.clusters.length) out.push({ kind: 'heading', level: 2, text: s.notInCluster });
    out.push({ kind: 'list', items: m.unclustered.map(noteLine) });
  }
  if (!m.clusters.length && !m.unclustered.length) out.push({ kind: 'para', text: s.noNotes });

  out.push({ kind: 'heading', level: 1, text: s.priorities });
  for (const v of m.votes) {
    // On paper only what got dots: a vote over 150 notes would otherwise print pages of zeros.
    const got = v.results.filter((r) => r.count > 0);
    out.push({ kind: 'heading', level: 2, text: v.title || s.vote });
    if (got.length) out.push({ kind: 'table', head: ['#', s.text, s.count], rows: got.map((r, i) => [String(i + 1), r.text, String(r.count)]), widths: [0.08, 0.77, 0.15] });
    const rest = v.results.length - got.length;
    if (rest > 0) out.push({ kind: 'para', text: PAPER_STRINGS[m.language].noDots(rest), muted: true });
  }
  if (!m.votes.length) out.push({ kind: 'para', text: s.noVote });

  out.push(...opinionBlocks(s.opinion, m.opinions));

  out.push(...roleBlocks(m.language, m.roleRounds ?? []));

  out.push(...portfolioBlocks(m.language, m.timeZone, m.portfolio ?? null));

  out.push({ kind: 'heading', level: 1, text: s.agreedActions });
  if (m.actions.length) {
    out.push({
      kind: 'table',
      head: [s.what, s.who, s.firstStep, s.when, s.source],
      rows: m.actions.map((a) => [a.what, whoOf(m.language, a), a.firstStep, a.when, a.source ? `${a.source.label} (${s.notes(a.source.notes.length)}${a.source.votes ? `, ${s.dots(a.source.votes)}` : ''})` : '']),
      widths: [0.24, 0.22, 0.2, 0.12, 0.22],
    });
  } else out.push({ kind: 'para', text: s.noActions });

  if (m.parkingLot.length) out.push({ kind: 'heading', level: 1, text: s.parkingLot }, { kind: 'list', items: m.parkingLot.map(noteLine) });

  if (m.steps.length) {
    out.push({ kind: 'heading', level: 1, text: s.participation });
    out.push({
      kind: 'table',
      head: [s.step, s.promised, s.promise, s.ran, s.kept],
      rows: m.steps.map((st) => [`${st.index + 1}. ${st.step.title}`, s.levels[st.step.level], st.step.promise, runText(m, st), s.outcome[st.outcome]]),
      widths: [0.24, 0.13, 0.29, 0.17, 0.17],
    });
  }
  if (m.pictures.length) {
    out.push({ kind: 'heading', level: 1, text: s.appendix });
    for (const p of m.pictures) out.push({ kind: 'figure', picture: p, caption: p.title });
  }
  return out;
}
