import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionCard } from '@sammen/shared';
import { boardMeasure } from '../board/textMeasure.js';
import { FONT_FAMILY } from '../board/theme.js';
import type { Editor } from '../editor/Editor.js';
import { downloadBlob, exportFileName } from '../export/download.js';
import { pngToPdf } from '../export/pdf.js';
import { renderPng } from '../export/png.js';
import { exportContent, type ExportScope } from '../export/scope.js';
import { elementsToSvg } from '../export/svg.js';
import { ModalDialog } from './ModalDialog.js';

type Format = 'png1' | 'png2' | 'png4' | 'svg' | 'pdf';
const FORMATS: readonly Format[] = ['png1', 'png2', 'png4', 'svg', 'pdf'];

/**
 * Export a frame, the selection or the whole board as PNG (1×, 2×, 4×), SVG or PDF. Everything in
 * the area is drawn, also what is outside the current view.
 */
export function ExportDialog({ editor, scope, boardTitle, onClose }: { editor: Editor; scope: ExportScope; boardTitle: string; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState<Format | null>(null);
  const [status, setStatus] = useState('');
  const content = exportContent([...editor.store.all()], scope, editor.store.lookup);
  const frameTitle = scope.kind === 'frame' ? (editor.store.get(scope.id) as { title?: string } | undefined)?.title : undefined;
  const what = scope.kind === 'frame' ? frameTitle || t('board.untitledFrame') : t(`outputs.export.scope.${scope.kind}`);

  const run = async (format: Format) => {
    if (!content || busy) return;
    setBusy(format);
    setStatus(t('outputs.export.working'));
    try {
      const name = (ext: string) => exportFileName(boardTitle, what, ext);
      if (format === 'svg') {
        const svg = elementsToSvg(content.elements, content.bounds, {
          measure: boardMeasure(),
          fontFamily: FONT_FAMILY,
          lookup: editor.store.lookup,
          untitledFrame: t('board.untitledFrame'),
          labels: {
            field: { what: t('actions.field.what'), who: t('actions.field.who'), firstStep: t('actions.field.firstStep'), when: t('actions.field.when') },
            actor: (a: ActionCard['who'][number]) => t(`actions.actor.${a}`),
            from: (label: string) => t('actions.from', { label }),
          },
        });
        downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), name('svg'));
      } else {
        const wanted = format === 'png4' ? 4 : format === 'png1' ? 1 : 2;
        const png = await renderPng(content, wanted, editor.store.lookup, t('board.untitledFrame'));
        if (format === 'pdf') downloadBlob(await pngToPdf(png), name('pdf'));
        else downloadBlob(png.blob, name(`${format === 'png1' ? '1x' : format === 'png2' ? '2x' : '4x'}.png`));
        if (png.pixelRatio < wanted) {
          setStatus(t('outputs.export.reduced', { ratio: Math.round(png.pixelRatio * 100) / 100 }));
          return;
        }
      }
      setStatus(t('outputs.export.done'));
    } catch {
      setStatus(t('outputs.export.failed'));
    } finally {
      setBusy(null);
    }
  };

  return (
    <ModalDialog labelledBy={`${id}-title`} onClose={onClose} className="export-dialog">
      <h2 id={`${id}-title`}>{t('outputs.export.title', { what })}</h2>
      {content ? (
        <p className="muted">{t('outputs.export.size', { width: content.bounds.width, height: content.bounds.height })}</p>
      ) : (
        <p role="alert">{t('outputs.export.empty')}</p>
      )}
      <div className="export-formats" role="group" aria-label={t('outputs.export.formats')}>
        {FORMATS.map((f) => (
          <button key={f} type="button" data-format={f} disabled={!content || busy !== null} onClick={() => void run(f)}>
            {t(`outputs.export.format.${f}`)}
          </button>
        ))}
      </div>
      <p role="status" aria-live="polite" className="export-status" data-testid="export-status">
        {status}
      </p>
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('outputs.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
