import * as Y from 'yjs';
import { elementsMap } from '@sammen/shared';
import { LOCAL_ORIGIN } from './origin.js';

/** Local changes closer together than this merge into one undo step (a drag, a burst of typing). */
export const UNDO_CAPTURE_MS = 400;

/**
 * An undo manager over the board's elements that only records this person's transactions. Changes
 * within `captureTimeout` merge into one step, so typing a word or dragging undoes as one.
 */
export function createUndoManager(doc: Y.Doc): Y.UndoManager {
  return new Y.UndoManager(elementsMap(doc), {
    trackedOrigins: new Set([LOCAL_ORIGIN]),
    captureTimeout: UNDO_CAPTURE_MS,
  });
}
