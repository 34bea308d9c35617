import type { ActionCard, AgendaStep, Element, Frame, Language, ParticipationLevel, StickyNote } from '@sammen/shared';
import type { MemberRecord, VoteRecord, WorkshopRecord } from '../workshops/types.js';

/** One note as the report lists it. `author` only when the note was revealed "named" (signed). */
export interface ReportNote {
  id: string;
  text: string;
  votes: number;
  author: string | null;
  stepIndex: number | null;
  frameTitle: string | null;
  clusterLabel: string | null;
}
export interface ReportCluster {
  id: string;
  label: string;
  notes: ReportNote[];
  votes: number;
}
export interface ReportVote {
  id: string;
  title: string;
  results: Array<{ elementId: string; text: string; count: number }>;
}
export interface ReportAction {
  id: string;
  what: string;
  who: ActionCard['who'];
  whoDetail: string;
  firstStep: string;
  when: string;
  /** The decision trail: the cluster or note the action came from, its notes and their votes. */
  source: { kind: 'cluster' | 'note'; id: string; label: string; notes: ReportNote[]; votes: number } | null;
}
export interface ReportStep {
  index: number;
  step: AgendaStep;
  frame: Frame | null;
  clusters: ReportCluster[];
  unclustered: ReportNote[];
  votes: ReportVote[];
  /** Whether the board shows the outcome the step's participation level promised. */
  kept: boolean;
}
export interface ReportModel {
  language: Language;
  title: string;
  createdAt: string;
  plannedMinutes: number;
  roles: { facilitator: number; cofacilitator: number; participant: number };
  steps: ReportStep[];
  votes: ReportVote[];
  actions: ReportAction[];
  parkingLot: ReportNote[];
  /** Every note on the board (the CSV), in step and cluster order. */
  notes: ReportNote[];
  /** Frames with what is inside them, for the pictures. */
  frames: Array<{ frame: Frame; elements: Element[] }>;
}

const centreInside = (el: { x: number; y: number; width: number; height: number }, f: Frame) => {
  const cx = el.x + el.width / 2;
  const cy = el.y + el.height / 2;
  return cx >= f.x && cx <= f.x + f.width && cy >= f.y && cy <= f.y + f.height;
};

/**
 * Turns a workshop (server state, members) and its board (elements) into the report's content. Pure:
 * every format (Markdown, CSV, HTML, PDF) renders this same model, so they cannot disagree.
 */
export function buildReport(workshop: WorkshopRecord, members: MemberRecord[], elements: Element[]): ReportModel {
  const state = workshop.state;
  const byId = new Map(elements.map((e) => [e.id, e]));
  const frames = elements.filter((e): e is Frame => e.type === 'frame');
  const notes = elements.filter((e): e is StickyNote => e.type === 'note');
  const revealedVotes: VoteRecord[] = [...state.pastVotes, ...(state.vote?.status === 'revealed' ? [state.vote] : [])];
  const votesFor = new Map<string, number>();
  for (const v of revealedVotes) for (const r of v.results ?? []) votesFor.set(r.elementId, (votesFor.get(r.elementId) ?? 0) + r.count);

  // Which frame (plain frame, not a cluster) a note or cluster belongs to: its frameId, else geometry.
  const plainFrames = frames.filter((f) => (f.variant ?? 'frame') === 'frame');
  const containerOf = (el: Element & { x: number; y: number; width: number; height: number }): Frame | null => {
    const parent = el.frameId ? byId.get(el.frameId) : undefined;
    if (parent?.type === 'frame') {
      if ((parent.variant ?? 'frame') === 'frame') return parent;
      return containerOf(parent);
    }
    return plainFrames.find((f) => f.id !== el.id && centreInside(el, f)) ?? null;
  };
  const stepOfFrame = new Map<string, number>();
  state.agenda.forEach((s, i) => s.frameId && !stepOfFrame.has(s.frameId) && stepOfFrame.set(s.frameId, i));

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
  const clusters = frames.filter((f) => f.variant === 'cluster');
  const clusterModel = (c: Frame): ReportCluster => {
    const inside = notes.filter((n) => n.frameId === c.id).map((n) => rows.get(n.id)!);
    return { id: c.id, label: c.title, notes: inside, votes: inside.reduce((s, n) => s + n.votes, 0) + (votesFor.get(c.id) ?? 0) };
  };
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
    // A card nobody filled in (templates bring empty ones) is a slot, not a proposal: it would print as "()".
    .filter((a) => a.what.trim() !== '')
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((a): ReportAction => {
      const src = a.sourceId ? byId.get(a.sourceId) : undefined;
      let source: ReportAction['source'] = null;
      if (src?.type === 'frame') {
        const c = clusterModel(src);
        source = { kind: 'cluster', id: src.id, label: src.title, notes: c.notes, votes: c.votes };
      } else if (src?.type === 'note') {
        const n = rows.get(src.id)!;
        source = { kind: 'note', id: src.id, label: src.text, notes: [n], votes: n.votes };
      }
      return { id: a.id, what: a.what, who: a.who, whoDetail: a.whoDetail, firstStep: a.firstStep, when: a.when, source };
    });

  const steps = state.agenda.map((step, index): ReportStep => {
    const frame = step.frameId ? (frames.find((f) => f.id === step.frameId) ?? null) : null;
    const stepClusters = frame ? clusters.filter((c) => containerOf(c)?.id === frame.id).map(clusterModel) : [];
    const clustered = new Set(stepClusters.flatMap((c) => c.notes.map((n) => n.id)));
    const unclustered = frame ? notes.filter((n) => !clustered.has(n.id) && containerOf(n)?.id === frame.id && !isCluster(byId, n.frameId)).map((n) => rows.get(n.id)!) : [];
    const stepNoteIds = new Set([...clustered, ...unclustered.map((n) => n.id), ...stepClusters.map((c) => c.id)]);
    const stepVotes = votes.filter((v) => v.results.some((r) => stepNoteIds.has(r.elementId)));
    const collected = stepClusters.length + unclustered.length > 0;
    const acted = actions.some((a) => a.source && (stepNoteIds.has(a.source.id) || a.source.notes.some((n) => stepNoteIds.has(n.id))));
    const kept = keptFor(step.level, { collected, voted: stepVotes.length > 0, acted });
    return { index, step, frame, clusters: stepClusters, unclustered, votes: stepVotes, kept };
  });

  const parkingFrames = frames.filter((f) => f.variant === 'parking-lot');
  const parkingLot = notes.filter((n) => parkingFrames.some((p) => n.frameId === p.id || centreInside(n, p))).map((n) => rows.get(n.id)!);
  const roles = { facilitator: 0, cofacilitator: 0, participant: 0 };
  for (const m of members) roles[m.role] += 1;
  const orderedNotes = [...rows.values()].sort(
    (a, b) => (a.stepIndex ?? 999) - (b.stepIndex ?? 999) || (a.clusterLabel ?? '\uffff').localeCompare(b.clusterLabel ?? '\uffff') || b.votes - a.votes,
  );
  return {
    language: workshop.language,
    title: workshop.title,
    createdAt: workshop.createdAt,
    plannedMinutes: state.agenda.reduce((s, st) => s + st.minutes, 0),
    roles,
    steps,
    votes,
    actions,
    parkingLot,
    notes: orderedNotes,
    frames: plainFrames.map((frame) => ({
      frame,
      elements: elements.filter((e) => e.type !== 'arrow' && e.id !== frame.id && centreInside(e as StickyNote, frame)),
    })),
  };
}

const isCluster = (byId: Map<string, Element>, id: string | null) => {
  const el = id ? byId.get(id) : undefined;
  return el?.type === 'frame' && el.variant === 'cluster';
};

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
