import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { getVoteResults, observeVoteResults, type VoteResult, type WorkshopView } from '@sammen/shared';
import type { Editor } from '../editor/Editor.js';
import { shownResults } from '../workshop/votes.js';
import { buildBoardView, type BoardViewModel } from './boardModel.js';

const noop = () => () => {};

/**
 * Re-renders when the editor's elements or session state change (a policy change, such as a new
 * lock, always comes with a new state object); the pair serves as a memo dependency.
 */
export function useEditorVersion(editor: Editor | null): readonly [number, unknown] {
  const store = useSyncExternalStore(editor ? (fn) => editor.store.subscribe(fn) : noop, () => editor?.store.version ?? 0);
  const state = useSyncExternalStore(editor?.subscribe ?? noop, () => editor?.getState() ?? null);
  return [store, state] as const;
}

/** Revealed votes stored in the board document (written by the server at each reveal). */
function useStoredResults(doc: Y.Doc): VoteResult[] {
  const [results, setResults] = useState<VoteResult[]>(() => getVoteResults(doc));
  useEffect(() => {
    setResults(getVoteResults(doc));
    return observeVoteResults(doc, () => setResults(getVoteResults(doc)));
  }, [doc]);
  return results;
}

/** The live model of the accessible view for the board's editor and the workshop view. */
export function useBoardViewModel(board: Editor, view: WorkshopView | null, canVote: boolean): BoardViewModel {
  const [version, state] = useEditorVersion(board);
  const stored = useStoredResults(board.doc);
  return useMemo(
    () =>
      buildBoardView({
        elements: board.store.all(),
        canEdit: (el) => board.canEdit(el.id),
        canPlaceIn: (id) => board.canPlaceIn(id),
        lockedFrames: view?.locks.frames ?? [],
        vote: canVote ? (view?.vote ?? null) : null,
        results: view ? shownResults(view.vote, stored) : null,
      }),
    // `version` and `state` stand for the store and the policy.
    [board, version, state, view, canVote, stored],
  );
}
