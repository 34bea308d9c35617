import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { getProjectMoves, observeProjectMoves, type ProjectMove } from '@sammen/shared';

const cache = new WeakMap<Y.Doc, Map<string, ProjectMove[]>>();

/** Every card's recorded phase moves (the server-written `projectLog`), kept current. */
export function useProjectMoves(doc: Y.Doc): ReadonlyMap<string, ProjectMove[]> {
  return useSyncExternalStore(
    (fn) =>
      observeProjectMoves(doc, () => {
        cache.delete(doc);
        fn();
      }),
    () => {
      let moves = cache.get(doc);
      if (!moves) cache.set(doc, (moves = getProjectMoves(doc)));
      return moves;
    },
  );
}

/** A date (and time of day) in the reader's language. */
export const formatWhen = (at: number, language: string, withTime = true): string =>
  new Intl.DateTimeFormat(language === 'nn' || language === 'nb' ? 'nb' : language, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(at);
