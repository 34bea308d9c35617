import type { Language } from '@sammen/shared';
import type { ReportModel, ReportNote } from './types.js';
import { REPORT_STRINGS, formatDate, whoOf } from './reportStrings.js';

/**
 * The workshop's results as proposals for the municipality's participation platform (Decidim's
 * proposals import, an open-data package for CONSUL or a data portal). Pure: the report model in,
 * plain rows out, so every file format says the same thing.
 *
 * What becomes a proposal: every agreed action card (title = its "what"), then every cluster that no
 * action came from (title = its label), each in rank order. The body is plain text in the workshop's
 * language: where it came from, the dots (the vote count) and notes behind it, and its notes.
 */
export interface PlatformProposal {
  /** The Sammen element id (action card or cluster), for tracing back to the board. */
  id: string;
  kind: 'action' | 'cluster';
  title: string;
  body: string;
  /** Dots on the cluster and its notes (for an action: on the cluster or note it came from). */
  votes: number;
  /** Notes behind it. */
  notes: number;
  /** The cluster's rank among all clusters (1 = most dots); null for an action card. */
  rank: number | null;
  /** The cluster or note an action came from; null for a cluster. */
  sourceId: string | null;
}

/** Decidim caps a proposal's title at 150 characters (docs: "Proposals management", official proposals). */
export const TITLE_MAX = 150;

const cut = (text: string, max: number) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
};

function noteLines(language: Language, notes: readonly ReportNote[]): string[] {
  const s = REPORT_STRINGS[language];
  return notes.map((n) => `- ${n.text.replace(/\s+/g, ' ').trim()}${n.votes ? ` (${s.dots(n.votes)})` : ''}`);
}

export function platformProposals(m: ReportModel): PlatformProposal[] {
  const s = REPORT_STRINGS[m.language];
  const from = s.platform.fromWorkshop(m.title, formatDate(m.language, m.timeZone, m.front.date));
  const tally = (votes: number, notes: number) => `${s.dots(votes)}, ${s.notes(notes)}.`;
  const fromAction = new Set(m.actions.flatMap((a) => (a.source ? [a.source.id] : [])));

  const actions = m.actions.map((a): PlatformProposal => {
    const who = whoOf(m.language, a);
    const facts = [who && `${s.who}: ${who}`, a.firstStep && `${s.firstStep}: ${a.firstStep}`, a.when && `${s.when}: ${a.when}`].filter(Boolean);
    const source = a.source ? [`${s.source}: ${a.source.label} (${tally(a.source.votes, a.source.notes.length)})`, ...noteLines(m.language, a.source.notes)] : [];
    return {
      id: a.id,
      kind: 'action',
      title: cut(a.what, TITLE_MAX),
      body: [from, ...facts, ...source].join('\n'),
      votes: a.source?.votes ?? 0,
      notes: a.source?.notes.length ?? 0,
      rank: null,
      sourceId: a.source?.id ?? null,
    };
  });
  const clusters = m.clusters
    .filter((c) => !fromAction.has(c.id))
    .map((c): PlatformProposal => ({
      id: c.id,
      kind: 'cluster',
      title: cut(c.label.trim() || s.cluster, TITLE_MAX),
      body: [from, tally(c.votes, c.notes.length), ...noteLines(m.language, c.notes)].join('\n'),
      votes: c.votes,
      notes: c.notes.length,
      rank: c.rank,
      sourceId: null,
    }));
  return [...actions, ...clusters];
}
