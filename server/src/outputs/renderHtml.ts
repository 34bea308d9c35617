import { portfolioBlocks } from './portfolioSection.js';
import { escapeXml as esc, frameSvg } from './frameSvg.js';
import { opinionBlocks } from './opinionSection.js';
import { roleBlocks } from './roleSection.js';
import type { ReportModel, ReportNote } from './reportModel.js';
import { REPORT_STRINGS, formatDate, formatTime, runText, whoOf } from './reportStrings.js';

// The app's design tokens (client/src/ui/tokens.css), the few a printed page needs: same type and colours.
export const REPORT_CSS = `
:root{--color-text:#1f2430;--color-text-muted:#5b6270;--color-border:#d6d9e0;--color-border-strong:#838995;--color-surface-sunken:#f4f5f7;--color-accent:#1d4ed8;--radius-lg:8px}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Ubuntu,Cantarell,"Helvetica Neue",Arial,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:var(--color-text);line-height:1.5}
h1{font-size:2.25rem;line-height:1.25;margin-bottom:.5rem}h2{font-size:1.375rem;border-bottom:1px solid var(--color-border);padding-bottom:.25rem;margin-top:2.5rem}h3{font-size:1.125rem;margin-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid var(--color-border-strong);padding:.375rem .5rem;text-align:left;vertical-align:top}
th{background:var(--color-surface-sunken)}.summary{background:var(--color-surface-sunken);border-left:4px solid var(--color-accent);padding:1px 1.25rem 1rem;border-radius:var(--radius-lg)}
dl.front{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dl.front dt{font-weight:600}dl.front dd{margin:0}
.note{white-space:pre-wrap}.meta{color:var(--color-text-muted)}figure{margin:1rem 0}svg{max-width:100%;height:auto;border:1px solid var(--color-border)}
@media print{body{margin:0;max-width:none}header{page-break-after:always}h2{page-break-after:avoid}figure,table,.action{page-break-inside:avoid}}
`;

/**
 * A printable web page of the report, from the one report model. Every piece of board text is
 * escaped: nothing in a note runs. What the model leaves empty is left out, not printed as a blank.
 */
export function renderHtml(m: ReportModel): string {
  const s = REPORT_STRINGS[m.language];
  const f = m.front;
  const note = (n: ReportNote) =>
    `<li><span class="note">${esc(n.text)}</span>${n.votes ? ` <strong>(${esc(s.dots(n.votes))})</strong>` : ''}${n.author ? ` — <em>${esc(n.author)}</em>` : ''}</li>`;
  const out: string[] = [];

  out.push(`<header><p class="meta">${esc(s.report)}</p><h1>${esc(f.title)}</h1><dl class="front">`);
  out.push(`<dt>${esc(s.date)}</dt><dd>${esc(formatDate(m.language, m.timeZone, f.date))}</dd>`);
  if (f.held) out.push(`<dt>${esc(s.time)}</dt><dd>${esc(f.held.end ? `${formatTime(m.language, m.timeZone, f.held.start)}–${formatTime(m.language, m.timeZone, f.held.end)}` : s.since(formatTime(m.language, m.timeZone, f.held.start)))}</dd>`);
  if (f.place) out.push(`<dt>${esc(s.place)}</dt><dd>${esc(f.place)}</dd>`);
  if (f.question) out.push(`<dt>${esc(s.question)}</dt><dd class="note">${esc(f.question)}</dd>`);
  if (f.participants.length) out.push(`<dt>${esc(s.whoTookPart)}</dt><dd>${f.participants.map((p) => `${esc(s.roles[p.role])}: ${p.count}`).join(', ')}<br><span class="meta">${esc(s.observersNote)}</span></dd>`);
  if (f.plannedMinutes) out.push(`<dt>${esc(s.plannedDuration)}</dt><dd>${esc(s.minutes(f.plannedMinutes))}</dd>`);
  out.push('</dl></header>');

  out.push(`<section class="summary"><h2>${esc(s.summary)}</h2><h3>${esc(s.top)}</h3>`);
  out.push(m.summary.length
    ? `<ol>${m.summary.map((t) => `<li><span class="note">${esc(t.text)}</span> (${esc(t.votes ? s.dots(t.votes) : s.notes(t.notes))})</li>`).join('')}</ol>`
    : `<p>${esc(s.noTop)}</p>`);
  out.push('</section>');

  out.push(`<section><h2>${esc(s.said)}</h2>`);
  for (const c of m.clusters) {
    out.push(`<h3>${c.rank}. ${esc(c.label)}</h3><p class="meta">${esc(s.notes(c.notes.length))}${c.votes ? ` · ${esc(s.dots(c.votes))}` : ''}</p>`);
    if (c.notes.length) out.push(`<ul>${c.notes.map(note).join('')}</ul>`);
  }
  if (m.unclustered.length) out.push(`${m.clusters.length ? `<h3>${esc(s.notInCluster)}</h3>` : ''}<ul>${m.unclustered.map(note).join('')}</ul>`);
  if (!m.clusters.length && !m.unclustered.length) out.push(`<p>${esc(s.noNotes)}</p>`);
  out.push('</section>');

  out.push(`<section><h2>${esc(s.priorities)}</h2>`);
  for (const v of m.votes) {
    out.push(`<h3>${esc(v.title || s.vote)}</h3><table><thead><tr><th>#</th><th>${esc(s.text)}</th><th>${esc(s.count)}</th></tr></thead><tbody>`);
    v.results.forEach((r, i) => out.push(`<tr><td>${i + 1}</td><td class="note">${esc(r.text)}</td><td>${r.count}</td></tr>`));
    out.push('</tbody></table>');
  }
  if (!m.votes.length) out.push(`<p>${esc(s.noVote)}</p>`);
  out.push('</section>');

  const opinion = opinionBlocks(s.opinion, m.opinions);
  if (opinion.length) {
    out.push('<section>');
    for (const b of opinion) {
      if (b.kind === 'heading') out.push(b.level === 1 ? `<h2>${esc(b.text)}</h2>` : `<h3>${esc(b.text)}</h3>`);
      else if (b.kind === 'para') out.push(`<p${b.muted ? ' class="meta"' : ''}>${esc(b.text)}</p>`);
      else out.push(`<ul>${b.items.map((item) => `<li class="note">${esc(item)}</li>`).join('')}</ul>`);
    }
    out.push('</section>');
  }

  const role = roleBlocks(m.language, m.roleRounds ?? []);
  if (role.length) {
    out.push('<section class="role-markers">');
    for (const b of role) {
      if (b.kind === 'heading') out.push(b.level === 1 ? `<h2>${esc(b.text)}</h2>` : `<h3>${esc(b.text)}</h3>`);
      else if (b.kind === 'para') out.push(`<p${b.muted ? ' class="meta"' : ''}>${esc(b.text)}</p>`);
      else if (b.kind === 'list') out.push(`<ul>${b.items.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`);
      else out.push(`<table><thead><tr>${b.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`);
    }
    out.push('</section>');
  }

  const portfolio = portfolioBlocks(m.language, m.timeZone, m.portfolio ?? null);
  if (portfolio.length) {
    out.push('<section class="portfolio">');
    for (const b of portfolio) {
      if (b.kind === 'heading') out.push(b.level === 1 ? `<h2>${esc(b.text)}</h2>` : `<h3>${esc(b.text)}</h3>`);
      else if (b.kind === 'para') out.push(`<p${b.muted ? ' class="meta"' : ''}>${esc(b.text)}</p>`);
      else out.push(`<ul>${b.items.map((item) => `<li class="note">${esc(item)}</li>`).join('')}</ul>`);
    }
    out.push('</section>');
  }

  out.push(`<section><h2>${esc(s.agreedActions)}</h2>`);
  for (const a of m.actions) {
    const who = whoOf(m.language, a);
    const rows: Array<[string, string]> = [];
    if (who) rows.push([s.who, esc(who)]);
    if (a.firstStep) rows.push([s.firstStep, `<span class="note">${esc(a.firstStep)}</span>`]);
    if (a.when) rows.push([s.when, esc(a.when)]);
    if (a.source) rows.push([s.source, `${esc(a.source.label)} (${esc(s.notes(a.source.notes.length))}${a.source.votes ? `, ${esc(s.dots(a.source.votes))}` : ''})`]);
    out.push(`<div class="action"><h3 class="note">${esc(a.what)}</h3>${rows.length ? `<dl class="front">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>` : ''}</div>`);
  }
  if (!m.actions.length) out.push(`<p>${esc(s.noActions)}</p>`);
  out.push('</section>');

  if (m.parkingLot.length) out.push(`<section><h2>${esc(s.parkingLot)}</h2><ul>${m.parkingLot.map(note).join('')}</ul></section>`);

  out.push(`<section><h2>${esc(s.participation)}</h2><table><thead><tr><th>${esc(s.step)}</th><th>${esc(s.promised)}</th><th>${esc(s.promise)}</th><th>${esc(s.ran)}</th><th>${esc(s.kept)}</th></tr></thead><tbody>`);
  for (const st of m.steps) {
    out.push(`<tr><td>${st.index + 1}. ${esc(st.step.title)}</td><td>${esc(s.levels[st.step.level])}</td><td>${esc(st.step.promise)}</td><td>${esc(runText(m, st))}</td><td>${esc(s.outcome[st.outcome])}</td></tr>`);
  }
  out.push('</tbody></table></section>');

  if (m.pictures.length) {
    out.push(`<section><h2>${esc(s.appendix)}</h2>`);
    for (const p of m.pictures) {
      const inFrame = m.frames.find((fr) => fr.frame.id === p.frameId);
      if (inFrame) out.push(`<figure role="group" aria-label="${esc(p.alt)}">${frameSvg(inFrame.frame, inFrame.elements)}<figcaption>${esc(p.title)}</figcaption></figure>`);
    }
    out.push('</section>');
  }
  return `<!doctype html><html lang="${m.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(s.report)}: ${esc(m.title)}</title><style>${REPORT_CSS}</style></head><body>${out.join('\n')}</body></html>`;
}
