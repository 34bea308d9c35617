import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '@sammen/shared';
import { ConfirmButton } from './ConfirmButton.js';
import { pickLocalized } from './localized.js';
import { TemplateCard } from './TemplateCard.js';
import { RequestError, deleteTemplate, downloadUrl, importTemplate, renameTemplate, type TemplateEntry } from './templateApi.js';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; message: string } | { kind: 'error'; message: string };

/** "Your templates": the ones this browser saved or imported, with rename, export, delete and import. */
export function OwnTemplates({
  templates,
  language,
  chosen,
  onChoose,
  onChanged,
}: {
  templates: TemplateEntry[];
  language: Language;
  chosen: string;
  onChoose: (id: string) => void;
  /** Reloads the list after a change; the id of an imported template, to choose it. */
  onChanged: (importedId?: string) => void;
}) {
  const { t } = useTranslation();
  const fileRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [renaming, setRenaming] = useState<string | null>(null);
  const [newTitle, setNewTitle] = useState('');

  const fail = (e: unknown) =>
    setStatus({ kind: 'error', message: e instanceof RequestError && e.status ? e.message : t('newWorkshop.networkError') });

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setStatus({ kind: 'busy' });
    try {
      const text = await file.text();
      const saved = await importTemplate(text);
      setStatus({ kind: 'done', message: t('newWorkshop.imported', { title: pickLocalized(saved.title, language) }) });
      onChanged(saved.id);
    } catch (e) {
      // The server names the field that is wrong ("agenda.0.level: …"): show it as it is.
      if (e instanceof RequestError && e.status === 400) setStatus({ kind: 'error', message: t('newWorkshop.importError', { message: e.message }) });
      else fail(e);
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const onRename = async (id: string) => {
    const title = newTitle.trim();
    if (!title) return;
    try {
      await renameTemplate(id, title);
      setRenaming(null);
      setStatus({ kind: 'idle' });
      onChanged();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <section aria-labelledby="own-templates-heading" className="own-templates">
      <div className="section-head">
        <h3 id="own-templates-heading">{t('newWorkshop.ownTemplates')}</h3>
        <button type="button" onClick={() => fileRef.current?.click()} disabled={status.kind === 'busy'}>
          {t('newWorkshop.import')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('newWorkshop.importFile')}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </div>
      <p role="status" className={status.kind === 'error' ? 'error' : 'muted'}>
        {status.kind === 'error' || status.kind === 'done' ? status.message : status.kind === 'busy' ? t('newWorkshop.importing') : ''}
      </p>
      {templates.length === 0 ? (
        <p className="muted">{t('newWorkshop.noOwnTemplates')}</p>
      ) : (
        <ul className="template-grid">
          {templates.map((entry) => {
            const title = pickLocalized(entry.title, language) || entry.id;
            return (
              <TemplateCard key={entry.id} entry={entry} language={language} checked={chosen === entry.id} onChoose={() => onChoose(entry.id)}>
                {renaming === entry.id ? (
                  // Not a <form>: this sits inside the new-workshop form, and forms do not nest.
                  <div className="inline-form" role="group" aria-label={t('newWorkshop.renameNamed', { title })}>
                    <label className="visually-hidden" htmlFor={`rename-${entry.id}`}>
                      {t('newWorkshop.newTitle')}
                    </label>
                    <input
                      id={`rename-${entry.id}`}
                      value={newTitle}
                      maxLength={200}
                      onChange={(e) => setNewTitle(e.target.value)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          void onRename(entry.id);
                        } else if (e.key === 'Escape') setRenaming(null);
                      }}
                      autoFocus
                    />
                    <button type="button" className="primary" onClick={() => void onRename(entry.id)}>
                      {t('newWorkshop.save')}
                    </button>
                    <button type="button" onClick={() => setRenaming(null)}>
                      {t('facilitator.cancel')}
                    </button>
                  </div>
                ) : (
                  <>
                    <button
                      type="button"
                      aria-label={t('newWorkshop.renameNamed', { title })}
                      onClick={() => {
                        setRenaming(entry.id);
                        setNewTitle(title);
                      }}
                    >
                      {t('newWorkshop.rename')}
                    </button>
                    <a className="button-link" href={downloadUrl(entry.id)} download aria-label={t('newWorkshop.exportNamed', { title })}>
                      {t('newWorkshop.export')}
                    </a>
                    <ConfirmButton
                      label={t('newWorkshop.delete')}
                      ariaLabel={t('newWorkshop.deleteNamed', { title })}
                      question={t('newWorkshop.deleteQuestion', { title })}
                      confirmLabel={t('newWorkshop.deleteConfirm')}
                      onConfirm={() => {
                        deleteTemplate(entry.id).then(() => {
                          setStatus({ kind: 'idle' });
                          onChanged();
                        }, fail);
                      }}
                    />
                  </>
                )}
              </TemplateCard>
            );
          })}
        </ul>
      )}
    </section>
  );
}
