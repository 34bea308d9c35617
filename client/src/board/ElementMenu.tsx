import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Point } from '../geometry/bounds.js';
import { deleteSelection, duplicateSelection, reorderSelection } from '../editor/commands.js';
import type { Editor } from '../editor/Editor.js';

/** Room the menu needs (CSS px) so that it is kept inside the canvas. */
const MENU_WIDTH = 220;
const ITEM_HEIGHT = 48;

/**
 * The element's menu, opened by a long press on touch screens: the main actions of the selection
 * toolbar as large touch targets (at least 44 px). Closes on Escape, on a press elsewhere and after
 * an action. The element is already selected, so every action works on the selection.
 */
export function ElementMenu({ editor, elementId, at, bounds, onClose }: {
  editor: Editor;
  elementId: string;
  at: Point;
  bounds: { width: number; height: number };
  onClose(): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const el = editor.store.get(elementId);
  const editable = !!el && ('text' in el || el.type === 'frame' || el.type === 'action' || el.type === 'project');

  useEffect(() => {
    // Focus goes into the menu (Escape, arrows and Enter work), without a ring for the finger that opened it.
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true, focusVisible: false } as FocusOptions);
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    const onDown = (e: PointerEvent): void => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onDown, true);
    };
  }, [onClose]);

  // The element went away (someone else deleted it): nothing to act on.
  useEffect(() => {
    if (!el) onClose();
  }, [el, onClose]);
  if (!el) return null;

  const items: Array<{ key: string; label: string; run(): void }> = [
    ...(editable ? [{ key: 'edit', label: t('selection.edit'), run: () => editor.startEditing(elementId) }] : []),
    { key: 'duplicate', label: t('selection.duplicate'), run: () => duplicateSelection(editor) },
    { key: 'front', label: t('selection.front'), run: () => reorderSelection(editor, 'front') },
    { key: 'back', label: t('selection.back'), run: () => reorderSelection(editor, 'back') },
    { key: 'delete', label: t('selection.delete'), run: () => deleteSelection(editor) },
  ];
  const height = items.length * ITEM_HEIGHT + 12;
  const left = Math.max(4, Math.min(at.x, bounds.width - MENU_WIDTH - 4));
  const top = Math.max(4, Math.min(at.y, bounds.height - height - 4));

  return (
    <div ref={ref} className="element-menu" role="menu" aria-label={t('selection.menu')} style={{ left, top, width: MENU_WIDTH }} data-testid="element-menu">
      {items.map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          className={item.key === 'delete' ? 'element-menu-item element-menu-danger' : 'element-menu-item'}
          data-action={item.key}
          onClick={() => {
            onClose();
            item.run();
          }}
        >
          {item.label}
        </button>
      ))}
    </div>
  );
}
