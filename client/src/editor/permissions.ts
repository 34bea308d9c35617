import type { Element, Role, WorkshopView } from '@sammen/shared';
import { isFacilitatorRole } from '@sammen/shared';
import { TOOL_IDS, type ToolId } from '../tools/types.js';

/**
 * What this person may change, mirrored from the server's update gate so that the editor never
 * makes a change the server would refuse (a refused update closes the board socket). The server
 * stays the authority; this only keeps the UI honest.
 */
export interface EditPolicy {
  /** Nothing may change: an observer, a locked board, or the board behind one's private notes. */
  readonly readOnly: boolean;
  /** Locked frames: frameId → whether their contents are locked too. */
  readonly lockedFrames: ReadonlyMap<string, boolean>;
  /** Only notes may be created (the private brainstorm document keeps notes only). */
  readonly notesOnly: boolean;
}

export const OPEN_POLICY: EditPolicy = { readOnly: false, lockedFrames: new Map(), notesOnly: false };

/** The policy for a role under the workshop's locks. Facilitators may edit locked things (to prepare them). */
export function policyFor(role: Role, locks: WorkshopView['locks'] | null): EditPolicy {
  if (role === 'observer') return { readOnly: true, lockedFrames: new Map(), notesOnly: false };
  if (isFacilitatorRole(role) || !locks) return OPEN_POLICY;
  return {
    readOnly: locks.board,
    lockedFrames: new Map(locks.frames.map((f) => [f.frameId, f.contents])),
    notesOnly: false,
  };
}

/** Whether the element may be selected, moved, resized, recoloured, edited or deleted. */
export function canEditElement(policy: EditPolicy, el: Pick<Element, 'id' | 'frameId'>): boolean {
  if (policy.readOnly) return false;
  if (policy.lockedFrames.has(el.id)) return false;
  return !(el.frameId !== null && policy.lockedFrames.get(el.frameId) === true);
}

/** Whether something may be placed in (created in, dropped into) this frame; null is the open board. */
export const canPlaceIn = (policy: EditPolicy, frameId: string | null): boolean =>
  !policy.readOnly && (frameId === null || !policy.lockedFrames.has(frameId));

/** The tools this person can use: looking only when read-only, notes only in the private document. */
export function allowedTools(policy: EditPolicy): readonly ToolId[] {
  if (policy.readOnly) return ['select', 'hand'];
  if (policy.notesOnly) return ['select', 'hand', 'note'];
  return TOOL_IDS;
}

export const samePolicy = (a: EditPolicy, b: EditPolicy): boolean =>
  a.readOnly === b.readOnly &&
  a.notesOnly === b.notesOnly &&
  a.lockedFrames.size === b.lockedFrames.size &&
  [...a.lockedFrames].every(([id, contents]) => b.lockedFrames.get(id) === contents);
