import { escapeXml as esc, frameSvg } from './frameSvg.js';
import type { ReportModel, ReportNote } from './reportModel.js';
import { REPORT_STRINGS } from './reportStrings.js';

// The app's design tokens (client/src/ui/tokens.css), the few a printed page needs: same type and colours.
const CSS = `
:root{--color-text:#1f2430;--color-text-muted:#5b6270;--color-border:#d6d9e0;--color-border-strong:#838995;--color-surface-sunken:#f4f5f7;--color-accent:#1d4ed8;--radius-lg:8px}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Ubuntu,Cantarell,"Helvetica Neue",Arial,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:var(--color-text);line-height:1.5}
h1{font-size:2.25rem;line-height:1.25;margin-bottom:.5rem}h2{font-size:1.375rem;border-bottom:1px solid var(--color-border);padding-bottom:.25rem;margin-top:2.5rem}h3{font-size:1.125rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid var(--color-border-strong);padding:.375rem .5rem;text-align:left;vertical-align:top}
th{background:var(--color-surface-sunken)}.summary{background:var(--color-surface-sunken);border-left:4px solid var(--color-accent);padding:1px 1.25rem 1rem;border-radius:var(--radius-lg)}.summary table{background:#fff}
.summary h2{margin-top:1.25rem}.note{white-space:pre-wrap}.meta{color:var(--color-text-muted)}figure{margin:1rem 0}svg{max-width:100%;height:auto;border:1px solid var(--color-border)}
@media print{body{margin:0;max-width:none}.summary{page-break-after:always}h2{page-break-after:avoid}figure,table{page-break-inside:avoid}}
`;

/** A printable web page of the report. Every piece of board text is escaped: nothing in a note runs. */
export function renderHtml(m: ReportModel): string {
  const s = REPORT_STRINGS[m.language];
  const date = new Intl.DateTimeFormat(m.language, { dateStyle: 'long' }).format(new Date(m.createdAt));
  const note = (n: ReportNote) =>
    `<li><span class="note">${esc(n.text)}</span>${n.votes ? ` <strong>(${esc(s.count)}: ${n.votes})</strong>` : ''}${n.author ? ` — <em>${esc(n.author)}</em>` : ''}</li>`;
  const list = (items: string[]) => (items.length ? `<ul>${items.join('')}</ul>` : `<p>${esc(s.nothing)}</p>`);
  const top = m.votes.flatMap((v) => v.results.filter((r) => r.count > 0).slice(0, 5));
  const out: string[] = [];
  out.push(`<header><h1>${esc(s.report)}: ${esc(m.title)}</h1>`);
  out.push(`<p class="meta">${esc(s.date)}: ${esc(date)} · ${esc(s.plannedDuration)}: ${esc(s.minutes(m.plannedMinutes))} · ${esc(s.participants)}: ${esc(s.roles.facilitator)} ${m.roles.facilitator}, ${esc(s.roles.cofacilitator)} ${m.roles.cofacilitator}, ${esc(s.roles.participant)} ${m.roles.participant}. ${esc(s.observersNote)}</p></header>`);
  out.push(`<section class="summary"><h2>${esc(s.summary)}</h2>`);
  out.push(`<h3>${esc(s.background)}</h3><p>${esc(s.backgroundText(m.title, m.steps.length))}</p>`);
  const clusters = m.steps.flatMap((st) => st.clusters);
  out.push(`<h3>${esc(s.said)}</h3>${list(clusters.length ? clusters.map((c) => `<li>${esc(c.label)}: ${esc(s.notes(c.notes.length))}</li>`) : [`<li>${esc(s.notes(m.notes.length))}</li>`])}`);
  out.push(`<h3>${esc(s.prioritised)}</h3>${top.length ? `<ol>${top.map((r) => `<li>${esc(r.text)} (${esc(s.count)}: ${r.count})</li>`).join('')}</ol>` : `<p>${esc(s.nothing)}</p>`}`);
  out.push(`<h3>${esc(s.proposedActions)}</h3>${list(m.actions.map((a) => `<li>${esc(a.what)} (${esc(a.who.map((w) => s.actors[w]).join(', '))})</li>`))}`);
  out.push(`<h3>${esc(s.participation)}</h3><table><thead><tr><th>${esc(s.step)}</th><th>${esc(s.promised)}</th><th>${esc(s.promise)}</th><th>${esc(s.kept)}</th></tr></thead><tbody>`);
  for (const st of m.steps) out.push(`<tr><td>${st.index + 1}. ${esc(st.step.title)}</td><td>${esc(s.levels[st.step.level])}</td><td>${esc(st.step.promise)}</td><td>${esc(st.kept ? s.keptYes : s.keptNo)}</td></tr>`);
  out.push('</tbody></table></section>');

  for (const st of m.steps) {
    out.push(`<section><h2>${esc(s.step)} ${st.index + 1}: ${esc(st.step.title)}</h2><p class="meta">${esc(s.participation)}: ${esc(s.levels[st.step.level])}. ${esc(s.promise)}: ${esc(st.step.promise)}</p>`);
    for (const c of st.clusters) out.push(`<h3>${esc(s.cluster)}: ${esc(c.label)} (${esc(s.count)}: ${c.votes})</h3>${list(c.notes.map(note))}`);
    if (st.unclustered.length) out.push(`<h3>${esc(s.notInCluster)}</h3>${list(st.unclustered.map(note))}`);
    for (const v of st.votes) {
      out.push(`<h3>${esc(s.vote)}${v.title ? `: ${esc(v.title)}` : ''}</h3><table><thead><tr><th>#</th><th>${esc(s.text)}</th><th>${esc(s.count)}</th></tr></thead><tbody>`);
      v.results.forEach((r, i) => out.push(`<tr><td>${i + 1}</td><td class="note">${esc(r.text)}</td><td>${r.count}</td></tr>`));
      out.push('</tbody></table>');
    }
    const inFrame = st.frame && m.frames.find((f) => f.frame.id === st.frame!.id);
    if (inFrame) out.push(`<figure>${frameSvg(inFrame.frame, inFrame.elements)}<figcaption>${esc(inFrame.frame.title)}</figcaption></figure>`);
    out.push('</section>');
  }
  out.push(`<section><h2>${esc(s.actions)}</h2>`);
  if (m.actions.length) {
    out.push(`<table><thead><tr><th>${esc(s.what)}</th><th>${esc(s.who)}</th><th>${esc(s.firstStep)}</th><th>${esc(s.when)}</th><th>${esc(s.source)}</th></tr></thead><tbody>`);
    for (const a of m.actions) {
      const who = [...a.who.map((w) => s.actors[w]), ...(a.whoDetail ? [a.whoDetail] : [])].join(', ');
      const src = a.source ? `${esc(a.source.label)} (${esc(s.notes(a.source.notes.length))}, ${esc(s.count)}: ${a.source.votes})` : '';
      out.push(`<tr><td class="note">${esc(a.what)}</td><td>${esc(who)}</td><td class="note">${esc(a.firstStep)}</td><td>${esc(a.when)}</td><td>${src}</td></tr>`);
    }
    out.push('</tbody></table>');
  } else out.push(`<p>${esc(s.nothing)}</p>`);
  out.push(`</section><section><h2>${esc(s.parkingLot)}</h2>${list(m.parkingLot.map(note))}</section>`);
  return `<!doctype html><html lang="${m.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(s.report)}: ${esc(m.title)}</title><style>${CSS}</style></head><body>${out.join('\n')}</body></html>`;
}
