import type { AgendaStepView } from '@sammen/shared';

/**
 * What a participant reads for a step: its participant text (template format v2), never the
 * facilitator's notes (the server does not send those to participants anyway).
 */
export function participantText(step: AgendaStepView): string {
  return step.participantText.trim();
}
