import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { boxCenter, boxContainsBox } from '../geometry/bounds.js';
import { elementBounds } from '../geometry/elements.js';
import { centerOn, fitBox, visibleWorldBox, worldToScreen } from '../geometry/viewport.js';
import type { Editor } from '../editor/Editor.js';
import { useAnnounce } from '../workshop/Announcer.js';
import { boardReadingOrder, stepInOrder } from './readingOrder.js';

/** Id of the canvas's keyboard help (the canvas's aria-describedby). */
export const CANVAS_HELP_ID = 'canvas-keyboard-help';

/**
 * The canvas by keyboard: Tab and Shift+Tab visit the board's elements in reading order (frames, then
 * their contents), selecting what this person may edit so that the existing keys apply (arrows move,
 * Alt+Shift+arrows resize, Enter edits, Delete deletes). Escape lets go: the next Tab leaves the canvas,
 * as does Tab past the last element, so the canvas is never a keyboard trap. The element with the
 * keyboard's focus gets a focus ring drawn over the canvas and is announced politely.
 *
 * Rendered as a child of BoardCanvas; it finds the canvas as its sibling, so the canvas component
 * itself stays unaware of it.
 */
export function CanvasKeyboard({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const ref = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const [canvasFocused, setCanvasFocused] = useState(false);
  const state = useSyncExternalStore(editor.subscribe, editor.getState);
  useSyncExternalStore(
    (fn) => editor.store.subscribe(fn),
    () => editor.store.version,
  );
  const focusedRef = useRef<string | null>(null);
  focusedRef.current = focused;
  const describe = useRef<(id: string, i: number, total: number) => string>(() => '');
  describe.current = (id, i, total) => {
    const el = editor.store.get(id);
    if (!el) return '';
    const kind = t(el.type === 'shape' ? `kind.${el.kind}` : `kind.${el.type}`);
    const text = el.type === 'frame' ? el.title || t('board.untitledFrame') : 'text' in el ? el.text.trim() || t('board.emptyNote') : '';
    const frame = el.frameId ? editor.store.get(el.frameId) : undefined;
    const where = frame?.type === 'frame' ? t('a11y.canvas.inFrame', { frame: frame.title || t('board.untitledFrame') }) : '';
    const locked = editor.canEdit(id) ? '' : t('a11y.item.readOnly');
    return [t('a11y.canvas.focused', { kind, text, position: i + 1, total }), where, locked].filter(Boolean).join(' ');
  };

  useEffect(() => {
    const canvas = ref.current?.parentElement?.querySelector<HTMLElement>('[data-testid=board-canvas]');
    if (!canvas) return;
    let leaving = false;
    const moveTo = (id: string, order: readonly { id: string }[]): void => {
      setFocused(id);
      if (editor.canEdit(id)) editor.select([id]);
      else editor.select([]);
      const el = editor.store.get(id);
      const b = el && elementBounds(el, editor.store.lookup);
      if (b && !boxContainsBox(visibleWorldBox(editor.getState().viewport, editor.size), b)) {
        const scale = editor.getState().viewport.scale;
        const fits = b.width * scale < editor.size.width - 96 && b.height * scale < editor.size.height - 96;
        editor.setViewport(fits ? centerOn(boxCenter(b), editor.size, scale) : fitBox(b, editor.size, 48, scale));
      }
      announce(describe.current(id, order.findIndex((e) => e.id === id), order.length));
    };
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.target !== canvas || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'Tab') {
        if (leaving) return; // the browser moves focus on
        const order = boardReadingOrder(editor.store.all());
        const sel = editor.getState().selection;
        const f = focusedRef.current;
        // After a click elsewhere, the keyboard goes on from what was clicked.
        const current = f && (sel.size === 0 || sel.has(f)) ? f : sel.size === 1 ? [...sel][0]! : f;
        const next = stepInOrder(order, current, e.shiftKey ? -1 : 1);
        if (!next) {
          setFocused(null);
          editor.select([]);
          return;
        }
        e.preventDefault();
        moveTo(next, order);
      } else if (e.key === 'Escape' && (focusedRef.current || editor.getState().selection.size)) {
        setFocused(null);
        leaving = true;
        announce(t('a11y.canvas.left'));
      } else if (e.key !== 'Shift') {
        leaving = false;
      }
    };
    const onFocus = (): void => {
      leaving = false;
      setCanvasFocused(true);
    };
    const onBlur = (): void => setCanvasFocused(false);
    canvas.addEventListener('keydown', onKeyDown);
    canvas.addEventListener('focus', onFocus);
    canvas.addEventListener('blur', onBlur);
    setCanvasFocused(document.activeElement === canvas);
    return () => {
      canvas.removeEventListener('keydown', onKeyDown);
      canvas.removeEventListener('focus', onFocus);
      canvas.removeEventListener('blur', onBlur);
    };
  }, [editor, announce, t]);

  // The ring follows the element (arrows move it) and the camera; a click elsewhere moves the
  // keyboard's place to the clicked element.
  const selected = state.selection.size === 1 ? [...state.selection][0]! : null;
  const shown = focused && (state.selection.size === 0 || state.selection.has(focused)) ? focused : selected;
  const el = shown ? editor.lookup(shown) : undefined;
  const b = el && elementBounds(el, editor.lookup);
  let ring = null;
  if (b && canvasFocused && !state.editingId) {
    const p = worldToScreen(state.viewport, b);
    ring = (
      <div
        className="canvas-focus-ring"
        style={{ left: p.x - 4, top: p.y - 4, width: b.width * state.viewport.scale + 8, height: b.height * state.viewport.scale + 8 }}
        data-testid="canvas-focus-ring"
      />
    );
  }
  return (
    <div ref={ref} className="canvas-keyboard">
      <p id={CANVAS_HELP_ID} className="visually-hidden">
        {t('a11y.canvas.help')}
      </p>
      {ring}
    </div>
  );
}
