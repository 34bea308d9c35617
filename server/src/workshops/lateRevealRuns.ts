import { type CommandResult, notesToReveal } from '@sammen/shared';
import { carryOnRoundStart, forgetRevealedNotes, isLateForReveal, lateNoteAllowed, privateDocId, revealPrivateNotes, withLateReveal } from './reveal.js';
import type { ServerDocs } from './serverDocs.js';
import type { Change } from './stateChange.js';
import type { Loaded } from './workshopCache.js';

/** What the runs need of the workshop service. */
export interface LateRevealRunDeps {
  docs: ServerDocs;
  /** The workshop as this process has it cached (kept current by every change, here or elsewhere). */
  peek(workshopId: string): Loaded | undefined;
  /** A state change by compare-and-set, retried on a lost race (WorkshopService.changeState). */
  changeState(workshopId: string, compute: (loaded: Loaded) => Promise<Change>): Promise<CommandResult>;
  revealed(workshopId: string, memberId: string, count: number): void;
  now(): number;
}

/**
 * What LateReveals (lateReveals.ts) schedules, run in the workshop's command queue: the late reveal of
 * a member's private notes, and a round start's clearing of revealed notes done again.
 */
export async function revealLateNotes(deps: LateRevealRunDeps, workshopId: string, boardId: string, memberId: string): Promise<CommandResult> {
  // Most private documents have nothing new after a reveal (the sweep looks at all that are loaded
  // here): look in the loaded document before the reveal reads the store and takes a state change.
  if (!(await deps.docs.read(privateDocId(boardId, memberId), (doc) => notesToReveal(doc).length > 0))) return { ok: true };
  const revealed = new Map<string, number>();
  return deps.changeState(workshopId, async (loaded) => {
    const state = loaded.workshop.state;
    const member = loaded.members.find((m) => m.id === memberId && !m.removed);
    if (!member || !isLateForReveal(state, deps.now())) return { state };
    // Kept across attempts (a lost race re-runs this): a reveal copies no note twice, so count once.
    for (const r of await revealPrivateNotes(deps.docs, boardId, [member], state.private.reveal, lateNoteAllowed(state))) revealed.set(r.memberId, r.count);
    const count = revealed.get(memberId) ?? 0;
    if (count === 0) return { state };
    return { state: withLateReveal(state, count), after: () => deps.revealed(workshopId, memberId, count) };
  });
}

/**
 * Clears the private documents of `memberIds` of revealed notes again, as the start of round `round`
 * did, if that round still runs: a late reveal on this process may have recorded a note there just
 * after the round start's cleanup (on another process) read the list.
 */
export async function forgetRevealedAgain(deps: LateRevealRunDeps, workshopId: string, boardId: string, memberIds: string[], round: number): Promise<void> {
  const loaded = deps.peek(workshopId);
  const state = loaded?.workshop.state;
  if (!loaded || !state?.private.active || state.reveals.length !== round) return;
  const members = loaded.members.filter((m) => !m.removed && memberIds.includes(m.id));
  await forgetRevealedNotes(deps.docs, boardId, members, carryOnRoundStart(state));
}
