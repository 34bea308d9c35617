import type { StepRun, WorkshopState } from './types.js';

/**
 * When agenda steps ran. A step runs while it is the current step of a live workshop (at least one
 * participant connected): from the moment the facilitator goes to it, starts its timer or a vote in it,
 * or the first participant arrives, until the facilitator moves on or the last participant leaves.
 * Clicking through the agenda while preparing alone records nothing. Pure helpers on a state copy:
 * `commands.ts` and `WorkshopService` (arrivals and departures) call them.
 */

/** Ends the open run of every step (there is at most one), at `now`. */
export function endRuns(s: WorkshopState, now: number): void {
  for (const runs of Object.values(s.stepRuns)) {
    const last = runs[runs.length - 1];
    if (last && last.end === null) last.end = Math.max(last.start, now);
  }
}

/**
 * A step that becomes live again this soon after its run ended, with no other step run in between,
 * continues that run: a phone that drops off and reconnects is one run, not dozens of 0-minute ones.
 */
export const RUN_RESUME_MS = 5 * 60_000;

/** The step `index` becomes the running step: any other open run ends, a new run starts unless it runs already. */
export function startRun(s: WorkshopState, index: number, now: number): void {
  const step = s.agenda[index];
  if (!step) return;
  const runs = s.stepRuns[step.id] ?? [];
  const last = runs[runs.length - 1];
  if (last && last.end === null) return;
  endRuns(s, now);
  if (last && last.end !== null && now - last.end <= RUN_RESUME_MS && isLatestRun(s, last)) {
    last.end = null;
    return;
  }
  // A stored state keeps at most 1000 runs per step (the schema's bound): the oldest go first.
  s.stepRuns[step.id] = [...runs, { start: now, end: null } satisfies StepRun].slice(-1000);
}

/** True when no run of any step started after `run` (so reopening it cannot overlap another). */
function isLatestRun(s: WorkshopState, run: StepRun): boolean {
  return Object.values(s.stepRuns).every((runs) => runs.every((r) => r === run || r.start < run.start));
}

/** Starts the current step's run if none is open (the facilitator started working in it). */
export function ensureCurrentRuns(s: WorkshopState, now: number): void {
  const step = s.agenda[s.current];
  if (!step) return;
  const last = s.stepRuns[step.id]?.at(-1);
  if (!last || last.end !== null) startRun(s, s.current, now);
}

/**
 * After the agenda changed: an open run stays open only if its step is still the current one (a
 * removed or reordered step stopped being current). Past runs are kept.
 */
export function closeRunsNotCurrent(s: WorkshopState, now: number): void {
  const currentId = s.agenda[s.current]?.id;
  for (const [id, runs] of Object.entries(s.stepRuns)) {
    const last = runs[runs.length - 1];
    if (id !== currentId && last && last.end === null) last.end = Math.max(last.start, now);
  }
}
