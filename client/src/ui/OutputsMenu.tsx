import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFacilitatorRole } from '@sammen/shared';
import type { Editor } from '../editor/Editor.js';
import { downloadBlob } from '../export/download.js';
import { fetchBackup, fetchPortfolio, fetchReport, type ReportFormat } from '../outputs/api.js';
import { useWorkshop } from '../workshop/WorkshopContext.js';
import { ExportDialog } from './ExportDialog.js';
import { Icon } from './icons.js';
import { VersionsDialog } from './VersionsDialog.js';
import './outputs.css';

type Open = null | 'export' | 'versions' | 'nameVersion';

/**
 * The board header's "Report & export" menu. Everyone may export the board as a picture; the
 * facilitator and co-facilitators also get the report (printable page, Markdown, CSV, PDF, Word), the
 * letter to participants, the backup file, the results for Decidim and as open data, and named versions
 * with preview and restore.
 */
export function OutputsMenu({ editor, boardTitle }: { editor: Editor; boardTitle: string }) {
  const { t } = useTranslation();
  const workshop = useWorkshop();
  const session = workshop?.session;
  const facilitator = !!session && isFacilitatorRole(session.role);
  const [expanded, setExpanded] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const [status, setStatus] = useState('');
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!expanded) return;
    const onDown = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setExpanded(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [expanded]);

  // The menu takes focus when it opens; arrow keys move between its items (WAI-ARIA menu pattern).
  useEffect(() => {
    if (expanded) rootRef.current?.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
  }, [expanded]);
  const onMenuKey = (e: React.KeyboardEvent<HTMLUListElement>) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role=menuitem]')];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : (at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items[next]?.focus();
  };

  const act = (fn: () => void | Promise<void>) => () => {
    setExpanded(false);
    setStatus('');
    void Promise.resolve(fn()).catch(() => setStatus(t('outputs.failed')));
  };

  const openReport = (format: 'html' | 'letter') => () => {
    // Opened now, while the click still counts as a user gesture (popup blockers); filled when the report arrives.
    const tab = window.open('', '_blank');
    return fetchReport(session!.workshopId, session!.token, format).then(
      ({ blob }) => {
        const url = URL.createObjectURL(new Blob([blob], { type: 'text/html' }));
        if (tab) tab.location.href = url;
        else window.location.assign(url);
        setTimeout(() => URL.revokeObjectURL(url), 120_000);
      },
      (e: unknown) => {
        tab?.close();
        throw e;
      },
    );
  };
  const download = (format: Exclude<ReportFormat, 'html' | 'letter'>) => async () => {
    const { blob, filename } = await fetchReport(session!.workshopId, session!.token, format);
    downloadBlob(blob, filename);
  };
  const portfolio = (format: 'csv' | 'xlsx') => async () => {
    const { blob, filename } = await fetchPortfolio(session!.workshopId, session!.token, format);
    downloadBlob(blob, filename);
  };
  const backup = async () => {
    const { blob, filename } = await fetchBackup(session!.workshopId, session!.token);
    downloadBlob(blob, filename);
  };

  const item = (key: string, label: string, onClick: () => void) => (
    <li role="none" key={key}>
      <button type="button" role="menuitem" data-testid={`outputs-${key}`} onClick={onClick}>
        {label}
      </button>
    </li>
  );

  return (
    <div
      className="outputs-menu"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && expanded) {
          e.stopPropagation();
          setExpanded(false);
          rootRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="header-button"
        aria-haspopup="menu"
        aria-expanded={expanded}
        aria-controls={menuId}
        data-testid="outputs-menu"
        onClick={() => setExpanded((x) => !x)}
      >
        <Icon name="export" /> {facilitator ? t('outputs.menu') : t('outputs.menuExportOnly')}
      </button>
      {expanded && (
        <ul id={menuId} role="menu" onKeyDown={onMenuKey} className="outputs-list" aria-label={facilitator ? t('outputs.menu') : t('outputs.menuExportOnly')}>
          {facilitator && (
            <>
              {item('report', t('outputs.report.open'), act(openReport('html')))}
              {item('letter', t('outputs.report.letter'), act(openReport('letter')))}
              {item('letter-pdf', t('outputs.report.letterPdf'), act(download('letter-pdf')))}
              {item('md', t('outputs.report.md'), act(download('md')))}
              {item('csv', t('outputs.report.csv'), act(download('csv')))}
              {item('pdf', t('outputs.report.pdf'), act(download('pdf')))}
              {item('docx', t('outputs.report.docx'), act(download('docx')))}
              {item('backup', t('outputs.backup'), act(backup))}
              {item('portfolio-csv', t('projects.export.csv'), act(portfolio('csv')))}
              {item('portfolio-xlsx', t('projects.export.xlsx'), act(portfolio('xlsx')))}
              <li role="separator" />
              {item('decidim-csv', t('outputs.platform.decidimCsv'), act(download('decidim-csv')))}
              {item('decidim-xlsx', t('outputs.platform.decidimXlsx'), act(download('decidim-xlsx')))}
              {item('decidim-json', t('outputs.platform.decidimJson'), act(download('decidim-json')))}
              {item('open-data-csv', t('outputs.platform.openDataCsv'), act(download('open-data-csv')))}
              {item('datapackage', t('outputs.platform.dataPackage'), act(download('datapackage')))}
              <li role="separator" />
              {item('name-version', t('outputs.versions.name'), act(() => setOpen('nameVersion')))}
              {item('versions', t('outputs.versions.open'), act(() => setOpen('versions')))}
              <li role="separator" />
            </>
          )}
          {item('export-board', t('outputs.export.board'), act(() => setOpen('export')))}
        </ul>
      )}
      {status && (
        <span role="alert" className="outputs-error">
          {status}
        </span>
      )}
      {open === 'export' && <ExportDialog editor={editor} scope={{ kind: 'board' }} boardTitle={boardTitle} onClose={() => setOpen(null)} />}
      {(open === 'versions' || open === 'nameVersion') && session && (
        <VersionsDialog editor={editor} workshopId={session.workshopId} token={session.token} focusName={open === 'nameVersion'} onClose={() => setOpen(null)} />
      )}
    </div>
  );
}
