import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Element } from '@sammen/shared';
import { boardMeasure } from '../board/textMeasure.js';
import { FONT_FAMILY } from '../board/theme.js';
import type { Editor } from '../editor/Editor.js';
import { restoreElements } from '../editor/restore.js';
import { exportContent } from '../export/scope.js';
import { elementsToSvg } from '../export/svg.js';
import { getVersion, listVersions, nameVersion, type VersionSummary } from '../outputs/api.js';
import { ModalDialog } from './ModalDialog.js';

type Preview = { version: VersionSummary; svg: string | null; count: number };

/**
 * Named versions of the board: name the current state, list the versions, preview one (a picture
 * drawn from its elements) and restore it. Restoring first names the current board "Before restoring
 * <name>", then applies the difference as one local change: Ctrl+Z undoes it.
 */
export function VersionsDialog({ editor, workshopId, token, focusName, onClose }: { editor: Editor; workshopId: string; token: string; focusName: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [confirming, setConfirming] = useState<VersionSummary | null>(null);

  const refresh = () =>
    listVersions(workshopId, token).then(
      (list) => setVersions([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt))),
      () => setStatus(t('outputs.failed')),
    );
  useEffect(() => {
    void refresh();
    // Loaded once when the dialog opens.
  }, []);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setStatus('');
    try {
      await fn();
    } catch {
      setStatus(t('outputs.failed'));
    } finally {
      setBusy(false);
    }
  };

  const onName = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    void run(async () => {
      await nameVersion(workshopId, token, trimmed);
      setName('');
      setStatus(t('outputs.versions.named', { name: trimmed }));
      await refresh();
    });
  };

  const showPreview = (version: VersionSummary) =>
    run(async () => {
      const { elements } = await getVersion(workshopId, token, version.id);
      const byId = new Map(elements.map((e) => [e.id, e]));
      const content = exportContent(elements, { kind: 'board' }, (i) => byId.get(i), 40);
      const svg = content ? elementsToSvg(content.elements, content.bounds, { measure: boardMeasure(), fontFamily: FONT_FAMILY, untitledFrame: t('board.untitledFrame') }) : null;
      setPreview({ version, svg, count: elements.length });
    });

  const restore = (version: VersionSummary) =>
    run(async () => {
      const before = t('outputs.versions.beforeRestoring', { name: version.name });
      await nameVersion(workshopId, token, before);
      const { elements } = await getVersion(workshopId, token, version.id);
      restoreElements(editor, elements as Element[]);
      setConfirming(null);
      setPreview(null);
      setStatus(t('outputs.versions.restored', { name: version.name }));
      await refresh();
    });

  const when = (iso: string) => new Date(iso).toLocaleString(i18n.resolvedLanguage, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <ModalDialog labelledBy={`${id}-title`} onClose={onClose} className="versions-dialog">
      <h2 id={`${id}-title`}>{t('outputs.versions.title')}</h2>
      <form onSubmit={onName} className="version-name-form">
        <label htmlFor={`${id}-name`}>{t('outputs.versions.nameLabel')}</label>
        <div className="row">
          <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} autoFocus={focusName} placeholder={t('outputs.versions.namePlaceholder')} />
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            {t('outputs.versions.save')}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" className="export-status" data-testid="versions-status">
        {status}
      </p>
      {versions === null ? (
        <p>{t('outputs.loading')}</p>
      ) : versions.length === 0 ? (
        <p className="muted">{t('outputs.versions.none')}</p>
      ) : (
        <ul className="version-list" aria-label={t('outputs.versions.list')}>
          {versions.map((v) => (
            <li key={v.id}>
              <span className="version-name">{v.name}</span> <time dateTime={v.createdAt}>{when(v.createdAt)}</time>
              <span className="version-actions">
                <button type="button" disabled={busy} onClick={() => void showPreview(v)}>
                  {t('outputs.versions.preview')}
                </button>
                {confirming?.id === v.id ? (
                  <>
                    <button type="button" className="primary" disabled={busy} data-testid="confirm-restore" onClick={() => void restore(v)}>
                      {t('outputs.versions.confirmRestore')}
                    </button>
                    <button type="button" onClick={() => setConfirming(null)}>
                      {t('outputs.versions.cancel')}
                    </button>
                  </>
                ) : (
                  <button type="button" disabled={busy} onClick={() => setConfirming(v)}>
                    {t('outputs.versions.restore')}
                  </button>
                )}
              </span>
              {confirming?.id === v.id && <p className="muted">{t('outputs.versions.restoreHelp', { name: t('outputs.versions.beforeRestoring', { name: v.name }) })}</p>}
            </li>
          ))}
        </ul>
      )}
      {preview && (
        <figure className="version-preview">
          {preview.svg ? (
            <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(preview.svg)}`} alt={t('outputs.versions.previewAlt', { name: preview.version.name, count: preview.count })} />
          ) : (
            <p>{t('outputs.versions.emptyVersion')}</p>
          )}
          <figcaption>
            {preview.version.name} · {when(preview.version.createdAt)}
          </figcaption>
        </figure>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('outputs.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
