import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Element } from '@sammen/shared';
import { createActionCard } from '../editor/actionCommands.js';
import type { Editor } from '../editor/Editor.js';
import { canBecomeAction } from '../geometry/actionCard.js';
import { ExportDialog } from './ExportDialog.js';
import { Icon } from './icons.js';

/**
 * Context-bar buttons for what the selection can become: an action card (from one cluster or note)
 * and an export (a frame alone exports as its box; anything else as the selection).
 */
export function SelectionOutputs({ editor, selected, boardTitle }: { editor: Editor; selected: readonly Element[]; boardTitle: string }) {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const only = selected.length === 1 ? selected[0]! : null;
  const policy = editor.getPolicy();
  const canAct = !!only && canBecomeAction(only) && !policy.readOnly && !policy.notesOnly;
  const scope = only?.type === 'frame' ? ({ kind: 'frame', id: only.id } as const) : ({ kind: 'selection', ids: selected.map((e) => e.id) } as const);
  return (
    <>
      {canAct && (
        <button
          type="button"
          className="text-button"
          data-testid="turn-into-action"
          onClick={() => {
            const id = createActionCard(editor, only.id);
            if (id) editor.startEditing(id);
          }}
        >
          <Icon name="action" /> {t('actions.turnInto')}
        </button>
      )}
      <button type="button" className="tool-button" aria-label={t('outputs.export.open')} title={t('outputs.export.open')} data-testid="export-selection" onClick={() => setExporting(true)}>
        <Icon name="export" />
      </button>
      {exporting && <ExportDialog editor={editor} scope={scope} boardTitle={boardTitle} onClose={() => setExporting(false)} />}
    </>
  );
}
