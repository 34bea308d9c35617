import { useTranslation } from 'react-i18next';
import { COLORS, NOTE_COLORS, type ColorName } from '@sammen/shared';
import type { Editor, EditorState } from '../editor/Editor.js';
import { colorSelection, deleteSelection, duplicateSelection, reorderSelection } from '../editor/commands.js';
import { MoveToFrame } from '../a11y/MoveToFrame.js';
import { GroupNotesControl } from './GroupNotesControl.js';
import { Icon } from './icons.js';
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
 * selection (duplicate, z-order, delete), each also on a shortcut.
 */
export function ContextBar({ editor, state, boardTitle = '' }: { editor: Editor; state: EditorState; boardTitle?: string }) {
  const { t } = useTranslation();
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
  return (
    <div className="context-bar" role="toolbar" aria-label={t('selection.toolbar')}>
      <Swatches
        colors={onlyNotes ? NOTE_COLORS : SHAPE_COLORS}
        current={current}
        onPick={(c) => {
          colorSelection(editor, c);
          if (onlyNotes) editor.setNoteColor(c);
        }}
      />
      <span className="divider" aria-hidden="true" />
      {onlyNotes && (
        <>
          <GroupNotesControl editor={editor} count={selected.length} compact />
          <span className="divider" aria-hidden="true" />
        </>
      )}
      {selected.every((e) => e.type !== 'frame' && e.type !== 'arrow') && (
        <>
          <MoveToFrame editor={editor} ids={selected.map((e) => e.id)} />
          <span className="divider" aria-hidden="true" />
        </>
      )}
      <SelectionOutputs editor={editor} selected={selected} boardTitle={boardTitle} />
      <span className="divider" aria-hidden="true" />
      <button type="button" className="tool-button" aria-label={t('selection.duplicate')} title={`${t('selection.duplicate')} (Ctrl+D)`} onClick={() => duplicateSelection(editor)}>
        <Icon name="duplicate" />
      </button>
      <button type="button" className="tool-button" aria-label={t('selection.front')} title={`${t('selection.front')} (])`} onClick={() => reorderSelection(editor, 'front')}>
        <Icon name="front" />
      </button>
      <button type="button" className="tool-button" aria-label={t('selection.back')} title={`${t('selection.back')} ([)`} onClick={() => reorderSelection(editor, 'back')}>
        <Icon name="back" />
      </button>
      <button type="button" className="tool-button" aria-label={t('selection.delete')} title={`${t('selection.delete')} (Delete)`} onClick={() => deleteSelection(editor)}>
        <Icon name="trash" />
      </button>
    </div>
  );
}
