import { memo, useDeferredValue, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Element } from '@sammen/shared';
import type { Editor } from '../editor/Editor.js';

const kindKey = (el: Element): string => (el.type === 'shape' ? `kind.${el.kind}` : `kind.${el.type}`);

const Item = memo(function Item({ el, emptyNote, untitledFrame, kind }: { el: Element; emptyNote: string; untitledFrame: string; kind: string }) {
  const text = el.type === 'frame' ? el.title || untitledFrame : 'text' in el ? el.text || emptyNote : '';
  return (
    <li data-id={el.id} data-type={el.type}>
      {kind}: {text}
    </li>
  );
});

/** The deferred version's first value: nothing listed yet. */
const NOT_YET = -1;

/**
 * The board as a list, for screen readers (the canvas itself is a picture to them): every element
 * in reading order (top to bottom, left to right), read from the same document.
 */
export const BoardOutline = memo(function BoardOutline({ editor, id }: { editor: Editor; id: string }) {
  const { t } = useTranslation();
  const version = useSyncExternalStore(
    (fn) => editor.store.subscribe(fn),
    () => editor.store.version,
  );
  // Rebuilding a list of thousands of items must never delay drawing or typing. The first render too
  // (NOT_YET): a board that arrived before the page mounted (preconnect.ts) is listed after its first draw.
  const deferred = useDeferredValue(version, NOT_YET);
  const elements = useMemo(
    () =>
      deferred === NOT_YET
        ? []
        : [...editor.store.all()]
            .filter((e) => e.type !== 'arrow')
            .sort((a, b) => ('y' in a && 'y' in b ? a.y - b.y || a.x - b.x : 0)),
    [editor, deferred],
  );
  // Translate each kind once, not once per element: boards have thousands of notes.
  const kinds = useMemo(() => {
    const out = new Map<string, string>();
    for (const key of ['kind.note', 'kind.text', 'kind.rect', 'kind.ellipse', 'kind.frame']) out.set(key, t(key));
    return out;
  }, [t]);
  const emptyNote = t('board.emptyNote');
  const untitledFrame = t('board.untitledFrame');
  return (
    <section id={id} className="visually-hidden" aria-label={t('board.contents')} data-testid="board-outline">
      {elements.length === 0 ? (
        <p>{t('board.emptyBoard')}</p>
      ) : (
        <ul>
          {elements.map((el) => (
            <Item key={el.id} el={el} kind={kinds.get(kindKey(el)) ?? ''} emptyNote={emptyNote} untitledFrame={untitledFrame} />
          ))}
        </ul>
      )}
    </section>
  );
});
