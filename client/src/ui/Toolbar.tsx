import { useTranslation } from 'react-i18next';
import type { Editor } from '../editor/Editor.js';
import { useRef, useState } from 'react';
import { useCovering } from '../workshop/ui/useCovering.js';
import { createActionCard } from '../editor/actionCommands.js';
import { createProjectCard } from '../editor/projectCommands.js';
import { PortfolioPanel } from './PortfolioPanel.js';
import { redo, undo } from '../editor/commands.js';
import { allowedTools } from '../editor/permissions.js';
import type { ToolId } from '../tools/types.js';
import { Icon, type IconName } from './icons.js';

const TOOLS: ReadonlyArray<{ id: ToolId; icon: IconName; key: string }> = [
  { id: 'select', icon: 'select', key: 'V' },
  { id: 'hand', icon: 'hand', key: 'H' },
  { id: 'note', icon: 'note', key: 'N' },
  { id: 'text', icon: 'text', key: 'T' },
  { id: 'rect', icon: 'rect', key: 'R' },
  { id: 'ellipse', icon: 'ellipse', key: 'O' },
  { id: 'arrow', icon: 'arrow', key: 'A' },
  { id: 'frame', icon: 'frame', key: 'F' },
];

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
const MOD = isMac ? '⌘' : 'Ctrl+';

/**
 * The tools, with their shortcuts in the tooltip and accessible name; plus undo and redo. Only the
 * tools this person may use are shown (looking only for observers and on a locked board). With
 * `covers` (a workshop), a step's frame is fitted clear of it: wide frames begin with their row labels.
 */
export function Toolbar({ editor, tool, canUndo, canRedo, covers = false }: { editor: Editor; tool: ToolId; canUndo: boolean; canRedo: boolean; covers?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useCovering(ref, editor, covers, 'toolbar');
  const policy = editor.getPolicy();
  const allowed = allowedTools(policy);
  const [portfolioOpen, setPortfolioOpen] = useState(false);
  return (
    <div ref={ref} role="toolbar" aria-label={t('tool.toolbar')} aria-orientation="vertical" className="toolbar">
      {TOOLS.filter(({ id }) => allowed.includes(id)).map(({ id, icon, key }) => {
        const label = t('tool.shortcut', { label: t(`tool.${id}`), key });
        return (
          <button
            key={id}
            type="button"
            className="tool-button"
            aria-label={label}
            title={label}
            aria-pressed={tool === id}
            data-tool={id}
            onClick={() => editor.setTool(id)}
          >
            <Icon name={icon} />
          </button>
        );
      })}
      {!policy.readOnly && !policy.notesOnly && (
        <button
          type="button"
          className="tool-button"
          aria-label={t('actions.add')}
          title={t('actions.add')}
          data-testid="add-action"
          onClick={() => {
            const id = createActionCard(editor, null);
            if (id) editor.startEditing(id);
          }}
        >
          <Icon name="action" />
        </button>
      )}
      {!policy.readOnly && !policy.notesOnly && (
        <button
          type="button"
          className="tool-button"
          aria-label={t('projects.add')}
          title={t('projects.add')}
          data-testid="add-project"
          onClick={() => {
            const id = createProjectCard(editor);
            if (id) editor.startEditing(id);
          }}
        >
          <Icon name="project" />
        </button>
      )}
      <button
        type="button"
        className="tool-button"
        aria-label={t('projects.portfolio.open')}
        title={t('projects.portfolio.open')}
        aria-pressed={portfolioOpen}
        data-testid="open-portfolio"
        onClick={() => setPortfolioOpen((v) => !v)}
      >
        <Icon name="portfolio" />
      </button>
      {portfolioOpen && <PortfolioPanel editor={editor} onClose={() => setPortfolioOpen(false)} />}
      {!policy.readOnly && (
        <>
      <hr aria-hidden="true" />
      <button
        type="button"
        className="tool-button"
        aria-label={t('tool.shortcut', { label: t('tool.undo'), key: `${MOD}Z` })}
        title={t('tool.shortcut', { label: t('tool.undo'), key: `${MOD}Z` })}
        disabled={!canUndo}
        onClick={() => undo(editor)}
      >
        <Icon name="undo" />
      </button>
      <button
        type="button"
        className="tool-button"
        aria-label={t('tool.shortcut', { label: t('tool.redo'), key: `${MOD}Shift+Z` })}
        title={t('tool.shortcut', { label: t('tool.redo'), key: `${MOD}Shift+Z` })}
        disabled={!canRedo}
        onClick={() => redo(editor)}
      >
        <Icon name="redo" />
      </button>
        </>
      )}
    </div>
  );
}
