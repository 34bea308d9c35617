import { useTranslation } from 'react-i18next';
import type { Editor } from '../../editor/Editor.js';
import { findParkingLot, openParkingLot, selectedFrame, selectedNotes, tidyFrame } from '../../editor/clusterCommands.js';
import { GroupNotesControl } from '../../ui/GroupNotesControl.js';
import { useSelection, useStoreVersion } from './useBoardFrames.js';

/**
 * Clustering: group similar notes under a label, tidy a cluster, and the parking lot. These are
 * ordinary board edits made by this person (undoable with Ctrl+Z), not server commands.
 */
export function ClusterSection({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  useSelection(editor);
  useStoreVersion(editor);
  const notes = selectedNotes(editor);
  const frame = selectedFrame(editor);
  const hasLot = !!findParkingLot(editor);
  const frameName = frame ? frame.title.trim() || t('board.untitledFrame') : '';

  return (
    <div className="fac-cluster">
      <GroupNotesControl editor={editor} count={notes.length} />
      {!notes.length && <p className="fac-meta">{t('facilitator.cluster.selectNotes')}</p>}
      {frame ? (
        <div className="fac-row">
          <button type="button" aria-label={t('facilitator.cluster.tidyGridNamed', { title: frameName })} onClick={() => tidyFrame(editor, frame.id, 'grid')}>
            {t('facilitator.cluster.tidyGrid')}
          </button>
          <button type="button" aria-label={t('facilitator.cluster.tidyStackNamed', { title: frameName })} onClick={() => tidyFrame(editor, frame.id, 'stack')}>
            {t('facilitator.cluster.tidyStack')}
          </button>
        </div>
      ) : (
        <p className="fac-meta">{t('facilitator.cluster.selectCluster')}</p>
      )}
      <button type="button" onClick={() => openParkingLot(editor, t('facilitator.cluster.parkingLotTitle'))}>
        {hasLot ? t('facilitator.cluster.showParkingLot') : t('facilitator.cluster.createParkingLot')}
      </button>
    </div>
  );
}
