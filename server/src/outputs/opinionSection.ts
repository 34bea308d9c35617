import type { OpinionResult } from '@sammen/shared';
import type { OpinionReportStrings } from './opinionStrings.js';
import type { ReportOpinionRound } from './types.js';

const letter = (index: number): string => String.fromCharCode(65 + (index % 26));
const percent = (share: number): number => Math.round(share * 100);

/** A revealed round's anonymous result as the report carries it: groups by letter, no points, no marks. */
export function reportOpinionRound(result: OpinionResult): ReportOpinionRound {
  const described = result.groups.filter((g) => g.described);
  return {
    id: result.id,
    title: result.title,
    revealedAt: result.revealedAt,
    participants: result.participants,
    grouped: result.grouped,
    groups: described.map((g) => ({ letter: letter(g.index), size: g.size })),
    smallGroupsPeople: result.groups.filter((g) => !g.described).reduce((n, g) => n + g.size, 0),
    consensus: result.consensus.map((c) => ({ text: c.text, share: c.share })),
    divisive: result.divisive.map((d) => ({ text: d.text, shares: d.shares.map((s) => ({ letter: letter(s.group), share: s.share })) })),
    distinct: described
      .filter((g) => g.representative.length > 0)
      .map((g) => ({ letter: letter(g.index), statements: g.representative.map((r) => ({ text: r.text, direction: r.direction, share: r.share, othersShare: r.othersShare })) })),
  };
}

/** The section as simple blocks (the paper outline's kinds), so HTML, Markdown, PDF and Word say the same. */
export type OpinionBlock = { kind: 'heading'; level: 1 | 2; text: string } | { kind: 'para'; text: string; muted?: boolean } | { kind: 'list'; items: string[] };

export function opinionBlocks(s: OpinionReportStrings, rounds: ReportOpinionRound[]): OpinionBlock[] {
  if (!rounds.length) return [];
  const out: OpinionBlock[] = [{ kind: 'heading', level: 1, text: s.heading }, { kind: 'para', text: s.method, muted: true }];
  for (const r of rounds) {
    out.push({ kind: 'heading', level: 2, text: r.title || s.untitled }, { kind: 'para', text: s.took(r.participants, r.grouped) });
    const groups = r.groups.map((g) => s.group(g.letter, g.size));
    if (r.smallGroupsPeople) groups.push(s.small(r.smallGroupsPeople));
    if (groups.length) out.push({ kind: 'list', items: groups });
    out.push({ kind: 'para', text: `${s.consensus}:` });
    out.push(r.consensus.length ? { kind: 'list', items: r.consensus.map((c) => `${c.text} (${percent(c.share) === 100 ? s.everyoneAgrees : s.agreeEverywhere(percent(c.share))})`) } : { kind: 'para', text: s.none, muted: true });
    out.push({ kind: 'para', text: `${s.divisive}:` });
    out.push(
      r.divisive.length
        ? { kind: 'list', items: r.divisive.map((d) => `${d.text} (${d.shares.map((x) => s.groupAgrees(x.letter, percent(x.share))).join(', ')})`) }
        : { kind: 'para', text: s.none, muted: true },
    );
    for (const g of r.distinct) {
      out.push({ kind: 'para', text: `${s.setsApart(g.letter)}:` });
      out.push({ kind: 'list', items: g.statements.map((x) => `${x.text} (${s.lead(x.direction, percent(x.share), percent(x.othersShare))})`) });
    }
  }
  return out;
}
