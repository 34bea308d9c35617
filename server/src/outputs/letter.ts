import { escapeXml as esc } from './frameSvg.js';
import { REPORT_CSS } from './renderHtml.js';
import { REPORT_STRINGS, formatDate, whoOf } from './reportStrings.js';
import type { LetterModel, ReportModel } from './types.js';

/**
 * The letter to participants, from the report model: the promise of each step and what was done with
 * it, the themes, what came first and who does what next. Pure; only steps that promised something.
 */
export function buildLetter(m: ReportModel): LetterModel {
  const s = REPORT_STRINGS[m.language];
  const l = s.letter;
  const f = m.front;
  const noteCount = m.notes.length - m.parkingLot.length;
  return {
    language: m.language,
    heading: l.title(f.title),
    intro: l.intro(f.title, formatDate(m.language, m.timeZone, f.date), f.place),
    question: f.question ? { label: l.asked, text: f.question } : null,
    promises: {
      heading: l.promises,
      steps: m.steps
        .filter((st) => st.step.promise.trim() !== '')
        .map((st) => ({ title: st.step.title, level: s.levels[st.step.level], promise: st.step.promise.trim(), done: l.done[st.outcome], ran: st.ran === 'yes' })),
    },
    said: {
      heading: s.said,
      intro: noteCount > 0 ? l.said(noteCount, m.clusters.length) : s.noNotes,
      themes: m.clusters.map((c) => ({ label: c.label, notes: s.notes(c.notes.length) })),
    },
    top: { heading: l.top, items: m.summary.map((t) => ({ text: t.text, detail: t.votes ? s.dots(t.votes) : s.notes(t.notes) })) },
    next: {
      heading: l.next,
      actions: m.actions.map((a) => ({ text: l.action(a.what, whoOf(m.language, a)), firstStep: a.firstStep || null, when: a.when || null })),
      none: l.noActions,
    },
    thanks: l.thanks,
    labels: { firstStep: s.firstStep, when: s.when, documentTitle: l.title(f.title) },
  };
}

/** The letter as one printable page of HTML. Board text is escaped. */
export function renderLetterHtml(l: LetterModel): string {
  const out: string[] = [`<h1>${esc(l.heading)}</h1>`, `<p>${esc(l.intro)}</p>`];
  if (l.question) out.push(`<h2>${esc(l.question.label)}</h2><p class="note">${esc(l.question.text)}</p>`);
  if (l.promises.steps.length) {
    out.push(`<h2>${esc(l.promises.heading)}</h2><ul>`);
    for (const st of l.promises.steps) out.push(`<li><strong>${esc(st.title)}</strong> (${esc(st.level)}): ${esc(st.promise)}<br>${esc(st.done)}</li>`);
    out.push('</ul>');
  }
  out.push(`<h2>${esc(l.said.heading)}</h2><p>${esc(l.said.intro)}</p>`);
  if (l.said.themes.length) out.push(`<ul>${l.said.themes.map((t) => `<li>${esc(t.label)} (${esc(t.notes)})</li>`).join('')}</ul>`);
  if (l.top.items.length) out.push(`<h2>${esc(l.top.heading)}</h2><ol>${l.top.items.map((t) => `<li><span class="note">${esc(t.text)}</span> (${esc(t.detail)})</li>`).join('')}</ol>`);
  out.push(`<h2>${esc(l.next.heading)}</h2>`);
  if (l.next.actions.length) {
    out.push('<ul>');
    for (const a of l.next.actions) {
      const extra = [a.firstStep && `${l.labels.firstStep}: ${a.firstStep}`, a.when && `${l.labels.when}: ${a.when}`].filter(Boolean) as string[];
      out.push(`<li><span class="note">${esc(a.text)}</span>${extra.length ? `<br>${extra.map(esc).join(' · ')}` : ''}</li>`);
    }
    out.push('</ul>');
  } else out.push(`<p>${esc(l.next.none)}</p>`);
  out.push(`<p>${esc(l.thanks)}</p>`);
  return `<!doctype html><html lang="${l.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(l.labels.documentTitle)}</title><style>${REPORT_CSS}</style></head><body>${out.join('\n')}</body></html>`;
}
