import type { PaperBlock } from './paperOutline.js';
import { renderPaperPdf } from './renderPdf.js';
import type { LetterModel } from './types.js';

/** The letter to participants as paper blocks, in the order of its HTML page; nothing empty. */
export function letterOutline(l: LetterModel): PaperBlock[] {
  const out: PaperBlock[] = [{ kind: 'title', text: l.heading }, { kind: 'para', text: l.intro }];
  if (l.question) out.push({ kind: 'heading', level: 1, text: l.question.label }, { kind: 'para', text: l.question.text });
  if (l.promises.steps.length) {
    out.push({ kind: 'heading', level: 1, text: l.promises.heading });
    out.push({ kind: 'list', items: l.promises.steps.map((st) => `${st.title} (${st.level}): ${st.promise}\n${st.done}`) });
  }
  out.push({ kind: 'heading', level: 1, text: l.said.heading }, { kind: 'para', text: l.said.intro });
  if (l.said.themes.length) out.push({ kind: 'list', items: l.said.themes.map((t) => `${t.label} (${t.notes})`) });
  if (l.top.items.length) out.push({ kind: 'heading', level: 1, text: l.top.heading }, { kind: 'list', numbered: true, items: l.top.items.map((t) => `${t.text} (${t.detail})`) });
  out.push({ kind: 'heading', level: 1, text: l.next.heading });
  if (l.next.actions.length) {
    out.push({
      kind: 'list',
      items: l.next.actions.map((a) => {
        const extra = [a.firstStep && `${l.labels.firstStep}: ${a.firstStep}`, a.when && `${l.labels.when}: ${a.when}`].filter(Boolean);
        return extra.length ? `${a.text}\n${extra.join(' · ')}` : a.text;
      }),
    });
  } else out.push({ kind: 'para', text: l.next.none });
  out.push({ kind: 'para', text: l.thanks });
  return out;
}

/** The letter as a tagged PDF, laid out and tagged as the report is: ready to print or send. */
export function renderLetterPdf(l: LetterModel): Promise<Buffer> {
  return renderPaperPdf(letterOutline(l), { language: l.language, title: l.labels.documentTitle, footer: l.labels.documentTitle });
}
