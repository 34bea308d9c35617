import { reportPortfolio } from './portfolioSection.js';
import { type ActionCard, type ProjectMove, COLORS, type Element, type Frame, type Language, type ParticipationLevel, type StickyNote } from '@sammen/shared';
import type { MemberRecord, VoteRecord, WorkshopRecord } from '../workshops/types.js';
import { REPORT_STRINGS } from './reportStrings.js';
import type {
  ReportAction,
  ReportCluster,
  ReportFrontPage,
  ReportModel,
  ReportNote,
  ReportPicture,
  ReportPictureItem,
  ReportStep,
  ReportStepRun,
  ReportTopItem,
  ReportVote,
} from './types.js';
import { reportOpinionRound } from './opinionSection.js';
import { reportRoleRound } from './roleSection.js';

export type * from './types.js';

/**
 * Where report times are shown: the municipality's zone by language (the server itself may run in UTC).
 * English workshops are held in the same Danish and Norwegian municipalities (one clock: CET/CEST).
 */
export const REPORT_TIME_ZONES: Record<Language, string> = { da: 'Europe/Copenhagen', nb: 'Europe/Oslo', nn: 'Europe/Oslo', en: 'Europe/Copenhagen' };

type Box = { x: number; y: number; width: number; height: number };
const centreInside = (el: Box, f: Box) => {
  const cx = el.x + el.width / 2;
  const cy = el.y + el.height / 2;
  return cx >= f.x && cx <= f.x + f.width && cy >= f.y && cy <= f.y + f.height;
};
const iso = (ms: number) => new Date(ms).toISOString();
const hasBox = (e: Element): e is Exclude<Element, { type: 'arrow' }> => e.type !== 'arrow';

/**
 * Turns a workshop (server state, members) and its board (elements) into the report's content. Pure:
 * every format renders this same model, so they cannot disagree. Empty things (action cards nobody
 * filled, clusters without notes, frames with nothing in them) are left out here, once for all formats.
 */
export function buildReport(
  workshop: WorkshopRecord,
  members: MemberRecord[],
  elements: Element[],
  /** The board's recorded project card moves (`getProjectMoves`) and the time the report is made. */
  extras: { projectMoves?: ReadonlyMap<string, readonly ProjectMove[]>; now?: number } = {},
): ReportModel {
  const state = workshop.state;
  const s = REPORT_STRINGS[workshop.language];
  const byId = new Map(elements.map((e) => [e.id, e]));
  const frames = elements.filter((e): e is Frame => e.type === 'frame');
  const notes = elements.filter((e): e is StickyNote => e.type === 'note');
  const revealedVotes: VoteRecord[] = [...state.pastVotes, ...(state.vote?.status === 'revealed' ? [state.vote] : [])];
  const votesFor = new Map<string, number>();
  for (const v of revealedVotes) for (const r of v.results ?? []) votesFor.set(r.elementId, (votesFor.get(r.elementId) ?? 0) + r.count);

  // Which frame (plain frame, not a cluster) a note or cluster belongs to: its frameId, else geometry.
  const plainFrames = frames.filter((f) => (f.variant ?? 'frame') === 'frame');
  const containerOf = (el: Element & Box): Frame | null => {
    const parent = el.frameId ? byId.get(el.frameId) : undefined;
    if (parent?.type === 'frame') {
      if ((parent.variant ?? 'frame') === 'frame') return parent;
      return containerOf(parent);
    }
    return plainFrames.find((f) => f.id !== el.id && centreInside(el, f)) ?? null;
  };
  const stepOfFrame = new Map<string, number>();
  state.agenda.forEach((st, i) => st.frameId && !stepOfFrame.has(st.frameId) && stepOfFrame.set(st.frameId, i));

  const noteRow = (n: StickyNote): ReportNote => {
    const cluster = n.frameId ? byId.get(n.frameId) : undefined;
    const frame = containerOf(n);
    return {
      id: n.id,
      text: n.text,
      votes: votesFor.get(n.id) ?? 0,
      author: n.author ?? null,
      stepIndex: frame ? (stepOfFrame.get(frame.id) ?? null) : null,
      frameTitle: frame?.title ?? null,
      clusterLabel: cluster?.type === 'frame' && cluster.variant === 'cluster' ? cluster.title : null,
    };
  };
  const rows = new Map(notes.map((n) => [n.id, noteRow(n)]));
  const byVotes = (a: ReportNote, b: ReportNote) => b.votes - a.votes;
  const clusterFrames = frames.filter((f) => f.variant === 'cluster');
  const clusterModel = (c: Frame): ReportCluster => {
    const inside = notes.filter((n) => n.frameId === c.id).map((n) => rows.get(n.id)!).sort(byVotes);
    const frame = containerOf(c);
    return {
      id: c.id,
      label: c.title.trim() || s.untitled,
      notes: inside,
      votes: inside.reduce((sum, n) => sum + n.votes, 0) + (votesFor.get(c.id) ?? 0),
      rank: 0,
      stepIndex: frame ? (stepOfFrame.get(frame.id) ?? null) : null,
    };
  };
  // Every cluster once, ranked; a cluster with no notes and no dots is an empty slot, not a result.
  const clusters = clusterFrames
    .map(clusterModel)
    .filter((c) => c.notes.length > 0 || c.votes > 0)
    .sort((a, b) => b.votes - a.votes || b.notes.length - a.notes.length || a.label.localeCompare(b.label, workshop.language))
    .map((c, i) => ({ ...c, rank: i + 1 }));
  const clusterById = new Map(clusters.map((c) => [c.id, c]));

  const voteModel = (v: VoteRecord): ReportVote => ({
    id: v.id,
    title: v.title,
    results: (v.results ?? []).map((r) => {
      const el = byId.get(r.elementId);
      const text = el?.type === 'note' ? el.text : el?.type === 'frame' ? el.title : '';
      return { elementId: r.elementId, text, count: r.count };
    }),
  });
  const votes = revealedVotes.map(voteModel);
  const actions = elements
    .filter((e): e is ActionCard => e.type === 'action')
    // A card nobody filled in (templates bring empty ones) is a slot, not a proposal.
    .filter((a) => a.what.trim() !== '')
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((a): ReportAction => {
      const src = a.sourceId ? byId.get(a.sourceId) : undefined;
      let source: ReportAction['source'] = null;
      if (src?.type === 'frame') {
        const c = clusterById.get(src.id) ?? clusterModel(src);
        source = { kind: 'cluster', id: src.id, label: c.label, notes: c.notes, votes: c.votes };
      } else if (src?.type === 'note') {
        const n = rows.get(src.id)!;
        source = { kind: 'note', id: src.id, label: src.text, notes: [n], votes: n.votes };
      }
      return { id: a.id, what: a.what.trim(), who: a.who, whoDetail: a.whoDetail.trim(), firstStep: a.firstStep.trim(), when: a.when.trim(), source };
    });

  const parkingFrames = frames.filter((f) => f.variant === 'parking-lot');
  const inParking = (n: StickyNote) => parkingFrames.some((p) => n.frameId === p.id || centreInside(n, p));
  const parkingLot = notes.filter(inParking).map((n) => rows.get(n.id)!);
  const isInCluster = (n: StickyNote) => clusterFrames.some((c) => c.id === n.frameId);
  const unclustered = notes.filter((n) => !isInCluster(n) && !inParking(n)).map((n) => rows.get(n.id)!).sort(byVotes);

  // Two steps often work on one frame (collect, then vote): its clusters and notes show under the first.
  const shown = new Set<string>();
  const steps = state.agenda.map((step, index): ReportStep => {
    const frame = step.frameId ? (plainFrames.find((f) => f.id === step.frameId) ?? null) : null;
    const first = frame !== null && !shown.has(frame.id);
    if (frame) shown.add(frame.id);
    const stepClusters = first ? clusters.filter((c) => { const el = byId.get(c.id); return el?.type === 'frame' && containerOf(el)?.id === frame.id; }) : [];
    const stepLoose = first ? unclustered.filter((n) => { const el = byId.get(n.id); return el?.type === 'note' && containerOf(el)?.id === frame.id; }) : [];
    const onFrame = new Set<string>(frame ? [...clusterFrames.filter((c) => containerOf(c)?.id === frame.id).map((c) => c.id), ...notes.filter((n) => containerOf(n)?.id === frame.id).map((n) => n.id)] : []);
    const stepVotes = votes.filter((v) => {
      const rec = revealedVotes.find((r) => r.id === v.id);
      return rec?.stepId ? rec.stepId === step.id : v.results.some((r) => onFrame.has(r.elementId));
    });
    const collected = frame !== null && notes.some((n) => containerOf(n)?.id === frame.id && !inParking(n));
    const acted = actions.some((a) => a.source && (onFrame.has(a.source.id) || a.source.notes.some((n) => onFrame.has(n.id))));
    const evidence = keptFor(step.level, { collected, voted: stepVotes.length > 0, acted });
    const runs: ReportStepRun[] = (state.stepRuns[step.id] ?? []).map((r) => ({
      start: iso(r.start),
      end: r.end === null ? null : iso(r.end),
      minutes: r.end === null ? null : Math.round((r.end - r.start) / 60_000),
    }));
    const ran: ReportStep['ran'] = runs.length > 0 ? 'yes' : state.runsRecorded ? 'no' : 'unknown';
    const outcome: ReportStep['outcome'] = ran === 'yes' ? (evidence ? 'kept' : 'no-evidence') : ran === 'no' ? 'not-run' : 'unknown';
    return { index, step, frame, clusters: stepClusters, unclustered: stepLoose, votes: stepVotes, kept: outcome === 'kept', runs, ran, outcome };
  });

  const roles = { facilitator: 0, cofacilitator: 0, participant: 0 };
  for (const m of members) roles[m.role] += 1;
  const orderedNotes = [...rows.values()].sort(
    (a, b) => (a.stepIndex ?? 999) - (b.stepIndex ?? 999) || (a.clusterLabel ?? '\uffff').localeCompare(b.clusterLabel ?? '\uffff') || b.votes - a.votes,
  );
  const allRuns = Object.values(state.stepRuns).flat();
  const firstStart = allRuns.length ? Math.min(...allRuns.map((r) => r.start)) : null;
  const anyOpen = allRuns.some((r) => r.end === null);
  const lastEnd = allRuns.length && !anyOpen ? Math.max(...allRuns.map((r) => r.end ?? 0)) : null;
  const plannedMinutes = state.agenda.reduce((sum, st) => sum + st.minutes, 0);
  const front: ReportFrontPage = {
    title: workshop.title,
    date: firstStart !== null ? iso(firstStart) : workshop.createdAt,
    held: firstStart !== null ? { start: iso(firstStart), end: lastEnd !== null ? iso(lastEnd) : null } : null,
    place: state.place.trim() || null,
    question: state.question.trim() || null,
    participants: (['facilitator', 'cofacilitator', 'participant'] as const).filter((r) => roles[r] > 0).map((role) => ({ role, count: roles[role] })),
    plannedMinutes,
  };
  const frameList = plainFrames.map((frame) => ({
    frame,
    elements: elements.filter((e) => hasBox(e) && e.id !== frame.id && centreInside(e, frame)),
  }));
  return {
    language: workshop.language,
    title: workshop.title,
    createdAt: workshop.createdAt,
    plannedMinutes,
    roles,
    steps,
    votes,
    opinions: [...state.pastOpinions, ...(state.opinion ? [state.opinion] : [])].flatMap((r) => (r.status === 'revealed' && r.result ? [reportOpinionRound(r.result)] : [])),
    roleRounds: [...state.pastRoleRounds, ...(state.roleRound ? [state.roleRound] : [])].flatMap((r) => (r.status === 'revealed' && r.result ? [reportRoleRound(r.result)] : [])),
    actions,
    parkingLot,
    portfolio: reportPortfolio(elements, extras.projectMoves ?? new Map(), extras.now ?? Date.now()),
    notes: orderedNotes,
    frames: frameList,
    timeZone: REPORT_TIME_ZONES[workshop.language],
    front,
    summary: topItems(clusters, unclustered),
    clusters,
    unclustered,
    pictures: frameList
      .filter((f) => f.elements.length > 0)
      .map((f) => picture(f.frame, f.elements, state.agenda.flatMap((st, i) => (st.frameId === f.frame.id ? [i] : [])), workshop.language)),
  };
}

/**
 * The three to five things that came out on top: with a vote, what got dots (clusters and the notes
 * outside them, most dots first); without one, the largest clusters. Never padded with things nobody chose.
 */
export function topItems(clusters: ReportCluster[], unclustered: ReportNote[]): ReportTopItem[] {
  const candidates: ReportTopItem[] = [
    ...clusters.map((c) => ({ kind: 'cluster' as const, id: c.id, text: c.label, votes: c.votes, notes: c.notes.length })),
    ...unclustered.map((n) => ({ kind: 'note' as const, id: n.id, text: n.text, votes: n.votes, notes: 1 })),
  ];
  const voted = candidates.filter((c) => c.votes > 0).sort((a, b) => b.votes - a.votes || b.notes - a.notes);
  if (voted.length) return voted.slice(0, 5);
  return candidates.filter((c) => c.kind === 'cluster' && c.notes > 0).sort((a, b) => b.notes - a.notes).slice(0, 5);
}

/** A frame's picture: its box and what to draw in it, clusters under everything else. */
function picture(frame: Frame, elements: Element[], stepIndexes: number[], language: Language): ReportPicture {
  const s = REPORT_STRINGS[language];
  const items: ReportPictureItem[] = [];
  const rest: ReportPictureItem[] = [];
  for (const el of elements) {
    if (!hasBox(el)) continue;
    const box = { id: el.id, x: el.x, y: el.y, width: el.width, height: el.height };
    if (el.type === 'frame') items.push({ ...box, kind: 'cluster', fill: null, text: el.title, fontSize: 20 });
    else if (el.type === 'note') rest.push({ ...box, kind: 'note', fill: COLORS[el.color].fill, text: el.text, fontSize: 20 });
    else if (el.type === 'shape') rest.push({ ...box, kind: 'shape', fill: COLORS[el.fill].fill, text: el.text, fontSize: 20 });
    else if (el.type === 'text') rest.push({ ...box, kind: 'text', fill: null, text: el.text, fontSize: el.fontSize });
    else if (el.type === 'action') rest.push({ ...box, kind: 'action', fill: '#ffffff', text: el.what, fontSize: 20 });
    else if (el.type === 'project') rest.push({ ...box, kind: 'action', fill: '#ffffff', text: el.title, fontSize: 20 });
  }
  const noteCount = rest.filter((i) => i.kind === 'note').length;
  const clusterTitles = items.map((i) => i.text.trim()).filter(Boolean);
  return {
    frameId: frame.id,
    title: frame.title.trim() || s.untitled,
    x: frame.x,
    y: frame.y,
    width: frame.width,
    height: frame.height,
    fill: COLORS[frame.fill].fill,
    items: [...items, ...rest],
    alt: s.pictureAlt(frame.title.trim() || s.untitled, noteCount, clusterTitles),
    stepIndexes,
  };
}

/** What each level promises, and what on the board shows it was delivered. */
function keptFor(level: ParticipationLevel, e: { collected: boolean; voted: boolean; acted: boolean }): boolean {
  switch (level) {
    case 'inform':
      return true;
    case 'consult':
    case 'involve':
      return e.collected;
    case 'collaborate':
    case 'cocreate':
      return e.collected && e.acted;
    case 'decide':
      return e.voted;
  }
}
