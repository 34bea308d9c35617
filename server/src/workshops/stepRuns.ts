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

/** The step `index` becomes the running step: any other open run ends, a new run starts unless it runs already. */
export function startRun(s: WorkshopState, index: number, now: number): void {
  const step = s.agenda[index];
  if (!step) return;
  const runs = s.stepRuns[step.id] ?? [];
  const last = runs[runs.length - 1];
  if (last && last.end === null) return;
  endRuns(s, now);
  // A stored state keeps at most 1000 runs per step (the schema's bound): the oldest go first.
  s.stepRuns[step.id] = [...runs, { start: now, end: null } satisfies StepRun].slice(-1000);
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
