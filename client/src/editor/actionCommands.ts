import { actionCardDefaults, indexAbove, insertElement, newElementId, updateElement, type ActionCard, type ElementPatchOf } from '@sammen/shared';
import { canBecomeAction, placeBeside } from '../geometry/actionCard.js';
import { elementBounds, frameAt } from '../geometry/elements.js';
import { visibleWorldBox } from '../geometry/viewport.js';
import type { Editor } from './Editor.js';

/**
 * Action cards: turning a cluster or a note into an action (placed to its right, remembering where it
 * came from), adding one with no source, and saving the edit dialog. Each is one local, undoable
 * transaction. Returns the new card's id, or null when nothing was made.
 */
export function createActionCard(editor: Editor, sourceId: string | null): string | null {
  const source = sourceId ? editor.store.get(sourceId) : undefined;
  if (sourceId && (!source || !canBecomeAction(source))) return null;
  const size = { width: actionCardDefaults.width, height: actionCardDefaults.height };
  let box;
  if (source) {
    const from = elementBounds(source, editor.store.lookup)!;
    const near = editor.store.query({ x: from.x + from.width, y: from.y - size.height, width: size.width * 2, height: from.height + size.height * 8 });
    const occupied = near.filter((e) => e.type !== 'frame' || e.id !== source.id).map((e) => elementBounds(e, editor.store.lookup)).filter((b) => !!b);
    box = placeBeside(from, size, occupied);
  } else {
    const view = visibleWorldBox(editor.getState().viewport, editor.size);
    box = { x: view.x + view.width / 2 - size.width / 2, y: view.y + view.height / 2 - size.height / 2, ...size };
  }
  // The card joins a frame only if it lands inside one (not the cluster it came from: it sits beside it).
  const frameId = frameAt(box, editor.frames())?.id ?? null;
  if (!editor.canPlaceIn(frameId)) {
    editor.onBlocked?.('frameLocked');
    return null;
  }
  const what = source?.type === 'frame' ? source.title : source?.type === 'note' ? source.text : '';
  const card: ActionCard = {
    ...actionCardDefaults,
    who: [],
    ...box,
    id: newElementId(),
    type: 'action',
    index: indexAbove(editor.store.indices()),
    frameId,
    what: what.slice(0, 500),
    sourceId: source?.id ?? null,
  };
  editor.transact(() => insertElement(editor.doc, card));
  if (!editor.store.get(card.id)) return null;
  editor.select([card.id]);
  return card.id;
}

export type ActionCardFields = Pick<ActionCard, 'what' | 'who' | 'whoDetail' | 'firstStep' | 'when'>;

/** Saves the fields that changed (only those, so a colleague's edit of another field is kept). */
export function updateActionCard(editor: Editor, id: string, fields: ActionCardFields): void {
  const card = editor.store.get(id);
  if (!card || card.type !== 'action') return;
  const patch: ElementPatchOf<'action'> = {};
  if (fields.what !== card.what) patch.what = fields.what;
  if (fields.whoDetail !== card.whoDetail) patch.whoDetail = fields.whoDetail;
  if (fields.firstStep !== card.firstStep) patch.firstStep = fields.firstStep;
  if (fields.when !== card.when) patch.when = fields.when;
  if (fields.who.join() !== card.who.join()) patch.who = [...fields.who];
  if (Object.keys(patch).length) editor.transact(() => updateElement(editor.doc, id, patch));
}
