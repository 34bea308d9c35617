import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Pencil } from 'lucide-react';
import { COLORS, type StickyNote } from '@sammen/shared';
import type { Editor } from '../../editor/Editor.js';
import type { ElementStore } from '../../editor/elementStore.js';
import { elementBounds } from '../../geometry/elements.js';
import { deleteOne } from '../../a11y/commands.js';
import { ConfirmButton } from '../../ui/ConfirmButton.js';
import { PhoneSheet } from './PhoneSheet.js';

const useStoreVersion = (store: ElementStore | null): number =>
  useSyncExternalStore(
    (fn) => store?.subscribe(fn) ?? (() => {}),
    () => store?.version ?? 0,
  );

/** One's own notes: the private ones and those on the board written on this device. */
export function myNotes(board: Editor, privateEditor: Editor | null, mine: readonly string[]): { privateNotes: StickyNote[]; boardNotes: StickyNote[] } {
  const isNote = (e: unknown): e is StickyNote => !!e && (e as StickyNote).type === 'note';
  const privateNotes = privateEditor ? [...privateEditor.store.all()].filter(isNote) : [];
  const boardNotes = mine.map((id) => board.store.get(id)).filter(isNote);
  return { privateNotes, boardNotes };
}

interface Props {
  board: Editor;
  privateEditor: Editor | null;
  mine: readonly string[];
  onEdit(editor: Editor, note: StickyNote): void;
  onClose(): void;
}

/** "My notes": each with its text, show it on the board, edit and delete. */
export function MyNotesSheet({ board, privateEditor, mine, onEdit, onClose }: Props) {
  const { t } = useTranslation();
  useStoreVersion(board.store);
  useStoreVersion(privateEditor?.store ?? null);
  const { privateNotes, boardNotes } = myNotes(board, privateEditor, mine);
  const list = (editor: Editor, notes: StickyNote[]) => (
    <ul className="my-notes">
      {notes.map((n) => {
        const text = n.text.trim() || t('board.emptyNote');
        return (
          <li key={n.id} className="my-note" data-testid="my-note">
            <button
              type="button"
              className="my-note-text"
              style={{ background: COLORS[n.color].fill, color: COLORS[n.color].text }}
              onClick={() => {
                const box = elementBounds(n, editor.store.lookup);
                if (box) editor.fitBoardRect(box, 48);
                onClose();
              }}
              aria-label={t('workshop.phone.showNote', { note: text })}
            >
              {text}
            </button>
            <div className="my-note-actions">
              <button type="button" className="phone-small-button" onClick={() => onEdit(editor, n)} aria-label={t('workshop.phone.editNamed', { note: text })} disabled={!editor.canEdit(n.id)}>
                <Pencil size={18} aria-hidden="true" /> {t('workshop.phone.edit')}
              </button>
              <ConfirmButton
                className="phone-small-button"
                label={t('workshop.phone.delete')}
                ariaLabel={t('workshop.phone.deleteNamed', { note: text })}
                question={t('workshop.phone.deleteQuestion')}
                confirmLabel={t('workshop.phone.delete')}
                disabled={!editor.canEdit(n.id)}
                onConfirm={() => void deleteOne(editor, n.id)}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
  const count = privateNotes.length + boardNotes.length;
  return (
    <PhoneSheet title={t('workshop.phone.myNotesTitle', { count })} onClose={onClose} testId="my-notes">
      {count === 0 && <p>{t('workshop.phone.noNotes')}</p>}
      {privateEditor && privateNotes.length > 0 && (
        <>
          <h3 className="my-notes-heading">{t('workshop.phone.privateHeading')}</h3>
          {list(privateEditor, privateNotes)}
        </>
      )}
      {boardNotes.length > 0 && (
        <>
          <h3 className="my-notes-heading">{t('workshop.phone.boardHeading')}</h3>
          {list(board, boardNotes)}
        </>
      )}
    </PhoneSheet>
  );
}
