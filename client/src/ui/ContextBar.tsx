import { useCallback, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Ellipsis } from 'lucide-react';
import { COLORS, NOTE_COLORS, type ColorName } from '@sammen/shared';
import type { Editor, EditorState } from '../editor/Editor.js';
import { colorSelection, deleteSelection, duplicateSelection, reorderSelection } from '../editor/commands.js';
import { MoveToFrame } from '../a11y/MoveToFrame.js';
import { GroupNotesControl } from './GroupNotesControl.js';
import { useDismiss } from '../workshop/ui/useDismiss.js';
import { useNarrowScreen } from '../workshop/phone/useNarrowScreen.js';
import { Icon, LucideGlyph } from './icons.js';
import { SelectionOutputs } from './SelectionOutputs.js';

const SHAPE_COLORS: readonly ColorName[] = [...NOTE_COLORS, 'white', 'dark'];

function Swatches({ colors, current, onPick }: { colors: readonly ColorName[]; current: ColorName | null; onPick: (c: ColorName) => void }) {
  const { t } = useTranslation();
  return (
    <div role="radiogroup" aria-label={t('color.label')} className="swatches">
      {colors.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={current === c}
          aria-label={t(`color.${c}`)}
          title={t(`color.${c}`)}
          className="swatch"
          style={{ background: COLORS[c].fill }}
          onClick={() => onPick(c)}
        />
      ))}
    </div>
  );
}

/**
 * Above the board: the note colour while the note tool is active, or colours and actions for the
 * selection (duplicate, z-order, delete), each also on a shortcut. On a phone-narrow screen the bar
 * keeps one row (colours, duplicate, delete) and the rest opens under "More" (it never runs off the
 * screen or scrolls sideways under a finger).
 */
export function ContextBar({ editor, state, boardTitle = '' }: { editor: Editor; state: EditorState; boardTitle?: string }) {
  const { t } = useTranslation();
  const narrow = useNarrowScreen();
  if (state.tool === 'note') {
    return (
      <div className="context-bar" role="toolbar" aria-label={t('tool.note')}>
        <Swatches colors={NOTE_COLORS} current={state.noteColor} onPick={(c) => editor.setNoteColor(c)} />
      </div>
    );
  }
  if (state.tool !== 'select' || !state.selection.size || state.preview || state.editingId) return null;
  const selected = [...state.selection].map((id) => editor.store.get(id)).filter((e) => !!e);
  if (!selected.length) return null;
  const onlyNotes = selected.every((e) => e.type === 'note');
  const first = selected[0]!;
  const current: ColorName | null =
    first.type === 'shape' || first.type === 'frame' ? first.fill : first.type === 'note' || first.type === 'text' || first.type === 'arrow' ? first.color : null;
  const swatches = (
    <Swatches
      colors={onlyNotes ? NOTE_COLORS : SHAPE_COLORS}
      current={current}
      onPick={(c) => {
        colorSelection(editor, c);
        if (onlyNotes) editor.setNoteColor(c);
      }}
    />
  );
  const group = onlyNotes ? <GroupNotesControl editor={editor} count={selected.length} compact /> : null;
  const move = selected.every((e) => e.type !== 'frame' && e.type !== 'arrow') ? <MoveToFrame editor={editor} ids={selected.map((e) => e.id)} /> : null;
  const outputs = <SelectionOutputs editor={editor} selected={selected} boardTitle={boardTitle} />;
  const duplicate = (
    <button type="button" className="tool-button" aria-label={t('selection.duplicate')} title={`${t('selection.duplicate')} (Ctrl+D)`} onClick={() => duplicateSelection(editor)}>
      <Icon name="duplicate" />
    </button>
  );
  const order = (
    <>
      <button type="button" className="tool-button" aria-label={t('selection.front')} title={`${t('selection.front')} (])`} onClick={() => reorderSelection(editor, 'front')}>
        <Icon name="front" />
      </button>
      <button type="button" className="tool-button" aria-label={t('selection.back')} title={`${t('selection.back')} ([)`} onClick={() => reorderSelection(editor, 'back')}>
        <Icon name="back" />
      </button>
    </>
  );
  const remove = (
    <button type="button" className="tool-button" aria-label={t('selection.delete')} title={`${t('selection.delete')} (Delete)`} onClick={() => deleteSelection(editor)}>
      <Icon name="trash" />
    </button>
  );
  if (narrow) {
    return (
      <div className="context-bar context-bar-narrow" role="toolbar" aria-label={t('selection.toolbar')}>
        {swatches}
        {duplicate}
        {remove}
        <MoreActions>
          {group}
          {move}
          <span className="context-more-row">
            {outputs}
            {order}
          </span>
        </MoreActions>
      </div>
    );
  }
  return (
    <div className="context-bar" role="toolbar" aria-label={t('selection.toolbar')}>
      {swatches}
      <span className="divider" aria-hidden="true" />
      {group && (
        <>
          {group}
          <span className="divider" aria-hidden="true" />
        </>
      )}
      {move && (
        <>
          {move}
          <span className="divider" aria-hidden="true" />
        </>
      )}
      {outputs}
      <span className="divider" aria-hidden="true" />
      {duplicate}
      {order}
      {remove}
    </div>
  );
}

/** "More" on a narrow screen: the selection's other actions in a panel under the bar. */
function MoreActions({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLSpanElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, rootRef, buttonRef);
  return (
    <span
      className="context-more"
      ref={rootRef}
      onKeyDown={(e) => {
        // Escape inside closes only this menu: it must not reach the board, which would drop the selection.
        if (e.key !== 'Escape' || !open) return;
        e.stopPropagation();
        close();
        buttonRef.current?.focus();
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="tool-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('selection.more')}
        title={t('selection.more')}
        data-testid="context-more"
        onClick={() => setOpen(!open)}
      >
        <LucideGlyph icon={Ellipsis} size={18} />
      </button>
      <div id={panelId} className="context-more-panel" hidden={!open} data-testid="context-more-panel">
        {children}
      </div>
    </span>
  );
}
