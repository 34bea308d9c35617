import type { AgendaStepView, WorkshopView } from '@sammen/shared';

/**
 * The one thing the facilitator does next in the current step, as its settings call for it:
 * a private step starts its private round (with the step's timer) and then reveals; a step with a
 * dot vote starts the vote and then shows the results; then on to the next step.
 */
export type NextAction =
  | { kind: 'startPrivate'; minutes: number }
  | { kind: 'reveal' }
  | { kind: 'startVote'; frameId: string | null; dotsPerPerson: number; allowMultiplePerElement: boolean }
  | { kind: 'showResults' }
  | { kind: 'nextStep'; index: number }
  | { kind: 'finished' }
  | { kind: 'none' };

/** What of the workshop's state the decision reads (a subset of the facilitator's view). */
export interface RunState {
  current: number;
  stepCount: number;
  private: Pick<WorkshopView['private'], 'active' | 'revealedInStep'>;
  timer: Pick<WorkshopView['timer'], 'status'>;
  vote: { status: 'open' | 'closed' | 'revealed'; stepId?: string | null } | null;
}

export const runStateOf = (view: WorkshopView): RunState => ({
  current: view.agenda.current,
  stepCount: view.agenda.steps.length,
  private: view.private,
  timer: view.timer,
  vote: view.vote,
});

export function nextAction(step: AgendaStepView | undefined, state: RunState): NextAction {
  if (!step) return { kind: 'none' };
  if (step.private && !state.private.revealedInStep) {
    // Arriving at a private step already switches private mode on (server side); the round itself
    // starts when the facilitator starts it, with the step's time box on everyone's clock.
    const notStarted = !state.private.active || (state.timer.status === 'idle' && step.minutes > 0);
    return notStarted ? { kind: 'startPrivate', minutes: step.minutes } : { kind: 'reveal' };
  }
  // A private round left on from an earlier step keeps this step's notes hidden too: reveal first.
  if (!step.private && state.private.active) return { kind: 'reveal' };
  if (step.vote) {
    const ours = state.vote !== null && state.vote.stepId === step.id;
    if (!ours) {
      return { kind: 'startVote', frameId: step.frameId, dotsPerPerson: step.vote.dotsPerPerson, allowMultiplePerElement: step.vote.allowMultiplePerElement };
    }
    if (state.vote!.status !== 'revealed') return { kind: 'showResults' };
  }
  // A vote started in this step from the tools (the step asks for none) is also shown before moving on:
  // the run sheet is the facilitator's only view of an open vote.
  if (state.vote && state.vote.stepId === step.id && state.vote.status !== 'revealed') return { kind: 'showResults' };
  return state.current < state.stepCount - 1 ? { kind: 'nextStep', index: state.current + 1 } : { kind: 'finished' };
}
