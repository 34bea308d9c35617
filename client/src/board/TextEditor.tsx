import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { deleteElements, getElementText, updateElement, type Frame, type TextElement } from '@sammen/shared';
import { FRAME_TITLE_PX } from '../geometry/elements.js';
import { worldToScreen, type Viewport } from '../geometry/viewport.js';
import { renameFrame } from '../editor/commands.js';
import type { Editor } from '../editor/Editor.js';
import { diffText, transformPosition, type TextDeltaOp } from '../editor/textDiff.js';
import { ActionCardDialog } from '../ui/ActionCardDialog.js';
import { ProjectCardDialog } from '../ui/ProjectCardDialog.js';
import { fitBoxText } from './textMeasure.js';
import { frameTitleLayout, maxTextFor } from '../geometry/lod.js';
import { FONT_FAMILY, LINE_HEIGHT, NOTE_PADDING, SHAPE_PADDING, fillOf, inkOf, textColorOf } from './theme.js';

interface Props {
  editor: Editor;
  id: string;
  viewport: Viewport;
}

function useElement(editor: Editor, id: string) {
  return useSyncExternalStore(
    (fn) => editor.store.subscribe((changed) => changed.has(id) && fn()),
    () => editor.store.get(id),
  );
}

/** Edits an element's text in place: an HTML overlay over the element, for IME, spellcheck and screen readers. */
export function TextEditor({ editor, id, viewport }: Props) {
  const el = useElement(editor, id);
  if (!el) return null;
  if (el.type === 'frame') return <FrameTitleEditor key={id} editor={editor} frame={el} viewport={viewport} />;
  if (el.type === 'action') return <ActionCardDialog key={id} editor={editor} card={el} />;
  if (el.type === 'project') return <ProjectCardDialog key={id} editor={editor} card={el} />;
  if (!('text' in el)) return null;
  return <TextAreaEditor key={id} editor={editor} el={el} viewport={viewport} />;
}

/**
 * A textarea bound to the element's Y.Text. Each input is applied as the one splice that turns the
 * previous value into the new one (see textDiff.ts), so concurrent typing by others is kept; remote
 * changes are shown as they arrive, with the caret kept in place. While an IME composition is open
 * (dead keys, Asian input), remote changes wait so the composition is not broken.
 */
function TextAreaEditor({ editor, el, viewport }: { editor: Editor; el: TextElement; viewport: Viewport }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(el.text);
  const shadow = useRef(el.text);
  const composing = useRef(false);
  const queued = useRef<TextDeltaOp[][]>([]);
  const ytextRef = useRef<Y.Text | undefined>(undefined);

  useEffect(() => {
    const ta = ref.current!;
    const ytext = getElementText(editor.doc, el.id);
    ytextRef.current = ytext;
    const initial = ytext?.toString() ?? '';
    ta.value = initial;
    shadow.current = initial;
    setText(initial);
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(initial.length, initial.length);
    if (!ytext) return;
    editor.beginTextSession();
    const onChange = (event: Y.YTextEvent): void => {
      const next = ytext.toString();
      if (next === ta.value) {
        shadow.current = next;
        return;
      }
      if (composing.current) {
        queued.current.push(event.delta as TextDeltaOp[]);
        return;
      }
      const start = transformPosition(ta.selectionStart, event.delta as TextDeltaOp[]);
      const end = transformPosition(ta.selectionEnd, event.delta as TextDeltaOp[]);
      ta.value = next;
      shadow.current = next;
      ta.setSelectionRange(start, end);
      setText(next);
    };
    ytext.observe(onChange);
    const id = el.id;
    const type = el.type;
    return () => {
      ytext.unobserve(onChange);
      // Still editing this element: React re-ran the effect (StrictMode); the session goes on.
      if (editor.getState().editingId === id) return;
      // An empty free text is noise on the board: it goes when editing ends (in the same undo step).
      if (type === 'text' && !ytext.toString().trim() && editor.store.get(id)) {
        editor.transact(() => deleteElements(editor.doc, [id]));
      }
      editor.endTextSession();
    };
    // The binding is per element; geometry changes must not rebind it.
  }, [editor, el.id]);

  const onInput = () => {
    const ta = ref.current!;
    const ytext = ytextRef.current;
    if (!ytext) return;
    const splice = diffText(shadow.current, ta.value, ta.selectionEnd);
    shadow.current = ta.value;
    setText(ta.value);
    if (!splice) return;
    // Positions in the textarea lag behind the Y.Text by the remote changes queued during composition.
    let index = splice.index;
    for (const delta of queued.current) index = transformPosition(index, delta);
    editor.transact(() => {
      if (splice.remove) ytext.delete(index, Math.min(splice.remove, ytext.length - index));
      if (splice.insert) ytext.insert(index, splice.insert);
    });
    if (el.type === 'text') {
      const needed = ta.scrollHeight / viewport.scale;
      if (needed > el.height + 1) editor.transact(() => updateElement(editor.doc, el.id, { height: Math.ceil(needed) }));
    }
  };

  const onCompositionEnd = () => {
    composing.current = false;
    const ta = ref.current!;
    const ytext = ytextRef.current;
    if (!ytext || !queued.current.length) return;
    queued.current = [];
    const next = ytext.toString();
    const caret = ta.selectionEnd;
    ta.value = next;
    shadow.current = next;
    ta.setSelectionRange(Math.min(caret, next.length), Math.min(caret, next.length));
    setText(next);
  };

  const isText = el.type === 'text';
  const padding = isText ? 0 : el.type === 'note' ? NOTE_PADDING : SHAPE_PADDING;
  const fontSize = isText
    ? el.fontSize
    : fitBoxText(text, el.width, el.height, padding, maxTextFor(el.type, el.width, el.height)).fontSize;
  // Typing is never done in text too small to read: far out, the editor is magnified (and grows
  // around the element's centre); 16 px also keeps phones from zooming the page into the field.
  const s = Math.max(viewport.scale, MIN_EDIT_PX / fontSize);
  const grow = s / viewport.scale - 1;
  const at = worldToScreen(viewport, el);
  const pos = { x: at.x - (el.width * viewport.scale * grow) / 2, y: at.y - (el.height * viewport.scale * grow) / 2 };
  const background = el.type === 'note' ? fillOf(el.color) : 'transparent';
  const color = el.type === 'note' ? textColorOf(el.color) : el.type === 'shape' ? textColorOf(el.fill) : inkOf(el.color);

  // Centre the text vertically, as Konva draws it, by growing the top padding.
  useLayoutEffect(() => {
    const ta = ref.current;
    if (!ta || isText) return;
    ta.style.paddingTop = `${padding * s}px`;
    const content = ta.scrollHeight - 2 * padding * s;
    ta.style.paddingTop = `${Math.max(padding * s, (el.height * s - content) / 2)}px`;
  });

  return (
    <textarea
      ref={ref}
      className="text-editor"
      aria-label={t(el.type === 'note' ? 'editor.note' : el.type === 'shape' ? 'editor.shape' : 'editor.text')}
      data-testid="text-editor"
      maxLength={10_000}
      spellCheck
      onInput={onInput}
      onCompositionStart={() => (composing.current = true)}
      onCompositionEnd={onCompositionEnd}
      onBlur={() => editor.stopEditing()}
      onKeyDown={(e) => {
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
          e.preventDefault();
          editor.stopEditing();
          editor.select([el.id]);
        }
      }}
      style={{
        left: pos.x,
        top: pos.y,
        width: el.width * s,
        height: isText ? Math.max(el.height * s, fontSize * LINE_HEIGHT * s) : el.height * s,
        padding: `${padding * s}px`,
        fontSize: fontSize * s,
        fontFamily: FONT_FAMILY,
        lineHeight: LINE_HEIGHT,
        textAlign: isText ? 'left' : 'center',
        color,
        background,
        borderRadius: el.type === 'note' ? 3 * s : 0,
      }}
    />
  );
}

/** The smallest text size (CSS px) anything is typed in. */
const MIN_EDIT_PX = 16;

function FrameTitleEditor({ editor, frame, viewport }: { editor: Editor; frame: Frame; viewport: Viewport }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(frame.title);
  const done = useRef(false);
  const pos = worldToScreen(viewport, { x: frame.x, y: frame.y });
  const title = frameTitleLayout(frame, viewport.scale);
  const height = Math.max(FRAME_TITLE_PX, title.height * viewport.scale);
  const commit = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    if (save && value !== frame.title) renameFrame(editor, frame.id, value);
    editor.stopEditing();
  };
  return (
    <input
      className="frame-title-editor"
      aria-label={t('editor.frameTitle')}
      autoFocus
      maxLength={200}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => commit(true)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(true);
        if (e.key === 'Escape') commit(false);
      }}
      style={{
        left: pos.x,
        top: pos.y - height,
        height,
        width: Math.max(200, frame.width * viewport.scale),
        fontSize: Math.max(MIN_EDIT_PX, title.screenPx),
        fontFamily: FONT_FAMILY,
      }}
    />
  );
}
