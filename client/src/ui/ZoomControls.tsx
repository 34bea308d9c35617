import { useTranslation } from 'react-i18next';
import type { Editor } from '../editor/Editor.js';
import { Icon } from './icons.js';

export function ZoomControls({ editor, scale }: { editor: Editor; scale: number }) {
  const { t } = useTranslation();
  const percent = Math.round(scale * 100);
  return (
    <div role="group" aria-label={t('zoom.controls')} className="zoom-controls">
      <button type="button" className="tool-button" aria-label={t('zoom.out')} title={`${t('zoom.out')} (Ctrl+-)`} onClick={() => editor.zoomBy(0.8)}>
        <Icon name="zoomOut" />
      </button>
      <button type="button" className="zoom-level" aria-label={t('zoom.reset')} title={t('zoom.reset')} onClick={() => editor.zoomReset()}>
        {t('zoom.level', { percent })}
      </button>
      <button type="button" className="tool-button" aria-label={t('zoom.in')} title={`${t('zoom.in')} (Ctrl++)`} onClick={() => editor.zoomBy(1.25)}>
        <Icon name="zoomIn" />
      </button>
      <button type="button" className="tool-button" aria-label={t('zoom.fit')} title={`${t('zoom.fit')} (Shift+1)`} onClick={() => editor.zoomToFit()}>
        <Icon name="fit" />
      </button>
    </div>
  );
}
