import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './a11y.css';

/** The header button that switches between the canvas and the board as a list (also Alt+Shift+A). */
export function ListViewToggle({ on, onToggle }: { on: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="header-button" aria-pressed={on} onClick={onToggle} title={t('a11y.view.shortcut')} data-testid="list-view-toggle">
      {t('a11y.view.toggle')}
    </button>
  );
}

/**
 * "About" on the board page: the accessibility statement, the privacy notice and the keyboard help.
 * A disclosure, not an ARIA menu: its entries are ordinary links a screen reader lists as such. The
 * pages open in a new tab so the board (and its connection) stays where it is.
 */
export function BoardMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        setOpen(false);
        rootRef.current?.querySelector('button')?.focus();
      }
    };
    const onDown = (e: PointerEvent): void => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [open]);
  return (
    <div className="board-menu" ref={rootRef}>
      <button type="button" className="header-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {t('a11y.menu.button')}
      </button>
      <div id={id} className="board-menu-panel" hidden={!open}>
        <ul>
          <li>
            <a href="/accessibility" target="_blank" rel="noopener">
              {t('legal.accessibility.link')}
              <span className="visually-hidden"> {t('a11y.menu.newTab')}</span>
            </a>
          </li>
          <li>
            <a href="/privacy" target="_blank" rel="noopener">
              {t('legal.privacy.link')}
              <span className="visually-hidden"> {t('a11y.menu.newTab')}</span>
            </a>
          </li>
        </ul>
        <h2 className="board-menu-heading">{t('a11y.menu.keysHeading')}</h2>
        <p>{t('a11y.canvas.help')}</p>
      </div>
    </div>
  );
}
