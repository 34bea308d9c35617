import { deleteElements, getElementText, getElements, insertElement, updateElement, validateElement, type Element, type ElementPatch } from '@sammen/shared';
import { planRestore, type RestorePlan } from '../outputs/restorePlan.js';
import type { Editor } from './Editor.js';
import { diffText } from './textDiff.js';

/**
 * Makes the board equal to a version's elements as ONE local transaction (origin `LOCAL_ORIGIN`
 * through `editor.transact`): a single Ctrl+Z undoes the whole restore, and later history stays.
 * Elements that fail validation are left out before anything is written (a throw half-way through
 * a Yjs transaction would leave half a restore). Returns the plan that was applied.
 */
export function restoreElements(editor: Editor, versionElements: readonly Element[]): RestorePlan {
  const valid = versionElements.filter((e) => validateElement(e).ok);
  const plan = planRestore(getElements(editor.doc), valid);
  if (!plan.remove.length && !plan.insert.length && !plan.update.length) return plan;
  editor.undoManager.stopCapturing();
  editor.transact(() => {
    deleteElements(editor.doc, plan.remove);
    for (const el of plan.insert) insertElement(editor.doc, el);
    for (const { id, patch, text } of plan.update) {
      if (Object.keys(patch).length) updateElement(editor.doc, id, patch as ElementPatch);
      if (text === undefined) continue;
      const ytext = getElementText(editor.doc, id);
      if (!ytext) continue;
      // One splice from the current text to the version's, so text typed meanwhile elsewhere survives.
      const splice = diffText(ytext.toString(), text);
      if (!splice) continue;
      if (splice.remove) ytext.delete(splice.index, splice.remove);
      if (splice.insert) ytext.insert(splice.index, splice.insert);
    }
  });
  editor.undoManager.stopCapturing();
  return plan;
}
