import type { AgendaStep, AgendaStepView, Frame, Viewport } from '@sammen/shared';

/**
 * Pure edits of the agenda: the panel edits a copy of the list and sends the whole list
 * (`agenda.set`), because the server keeps the agenda as one value.
 */

/**
 * The steps of a facilitator's view as whole steps. The server sends `facilitatorNotes` to
 * facilitators only; a missing one is an empty script, so an edit never drops a colleague's notes.
 */
export const fullSteps = (steps: readonly AgendaStepView[]): AgendaStep[] => steps.map((s) => ({ ...s, facilitatorNotes: s.facilitatorNotes ?? '' }));

/** A fresh step id: short, URL-safe, and unlikely to collide with a colleague's edit. */
export function newStepId(random: () => number = Math.random): string {
  return `s${Math.floor(random() * 36 ** 8).toString(36).padStart(8, '0')}`;
}

/** A new, empty step as the editor starts it: ten minutes, consultation, nothing private. */
export function blankStep(title: string, id: string = newStepId()): AgendaStep {
  return { id, title, participantText: '', facilitatorNotes: '', minutes: 10, frameId: null, level: 'consult', promise: '', private: false, vote: null };
}

/** `steps` with the step at `index` moved by `delta` places (clamped to the list). */
export function moveStep(steps: readonly AgendaStep[], index: number, delta: number): AgendaStep[] {
  const out = [...steps];
  const target = Math.max(0, Math.min(out.length - 1, index + delta));
  if (target === index || !out[index]) return out;
  const [step] = out.splice(index, 1);
  out.splice(target, 0, step!);
  return out;
}

export const removeStep = (steps: readonly AgendaStep[], index: number): AgendaStep[] => steps.filter((_, i) => i !== index);

/** `steps` with `step` in place of the step with its id, or appended when it is new. */
export function upsertStep(steps: readonly AgendaStep[], step: AgendaStep): AgendaStep[] {
  const i = steps.findIndex((s) => s.id === step.id);
  if (i < 0) return [...steps, step];
  return steps.map((s, j) => (j === i ? step : s));
}

/**
 * What the step form holds, as typed, turned into a step the server accepts: a trimmed title (the
 * form requires one), whole minutes between 0 and 480, dots between 1 and 50. Returns null when
 * the title is empty.
 */
export function normaliseStep(step: AgendaStep): AgendaStep | null {
  const title = step.title.trim().slice(0, 200);
  if (!title) return null;
  const clampInt = (n: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(Number.isFinite(n) ? n : min)));
  return {
    ...step,
    title,
    participantText: step.participantText.trim().slice(0, 1000),
    facilitatorNotes: step.facilitatorNotes.slice(0, 4000),
    promise: step.promise.trim().slice(0, 300),
    minutes: clampInt(step.minutes, 0, 480),
    vote: step.vote ? { ...step.vote, dotsPerPerson: clampInt(step.vote.dotsPerPerson, 1, 50) } : null,
  };
}

/** The frames a step can point at, in reading order (top to bottom, then left to right). */
export function frameChoices(frames: readonly Frame[]): Frame[] {
  return [...frames].sort((a, b) => a.y - b.y || a.x - b.x);
}

/** The viewport (board coordinates) that shows a whole frame with a margin, for "show everyone". */
export function frameViewport(frame: Frame, margin = 48): Viewport {
  return { x: frame.x - margin, y: frame.y - margin, width: frame.width + 2 * margin, height: frame.height + 2 * margin };
}
