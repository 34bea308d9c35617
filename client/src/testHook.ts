import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { Element } from '@sammen/shared';
import type { RenderedTextLayout } from './board/textProps.js';
import type { DrawnText } from './board/drawnText.js';

/**
 * A deliberately small hook for end-to-end tests to assert on the document the page holds. Not an
 * API: nothing in the app reads it.
 */
export interface SammenTestHook {
  doc: Y.Doc;
  provider: WebsocketProvider;
  undoManager: Y.UndoManager;
  /** The board's elements as the app reads them (`getElements`): tests need not know the document's layout. */
  elements: () => Element[];
  /** How the board draws an element's text (fitted size, Konva's own lines), or null for other kinds. */
  textLayout?: (id: string) => RenderedTextLayout | null;
  /**
   * Every text the canvas draws in the current view: its on-screen size, whether it is a
   * level-of-detail stand-in (quiet lines), what it shows, whether it was cut, and where.
   */
  drawnText?: () => DrawnText[];
}

declare global {
  interface Window {
    __sammen?: SammenTestHook;
  }
}

export function exposeTestHook(hook: SammenTestHook): () => void {
  window.__sammen = hook;
  return () => {
    if (window.__sammen === hook) delete window.__sammen;
  };
}
