import type { Editor } from '../../editor/Editor.js';

/**
 * PLACEHOLDER while the facilitator panel is being written (replaced by the facilitator-panel work):
 * renders nothing.
 */
export function FacilitatorPanel(_props: { editor: Editor }) {
  return null;
}
