import { useState, type ReactNode } from 'react';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { LucideGlyph } from '../../ui/icons.js';

const STORAGE_KEY = 'sammen.facilitator.closedSections';

function loadClosed(): Set<string> {
  try {
    const data: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]');
    return new Set(Array.isArray(data) ? data.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

function saveClosed(closed: Set<string>): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...closed]));
  } catch {
    // Not remembered; fine.
  }
}

/**
 * One section of the facilitator panel. Open by default, so every control is one click away; a
 * facilitator who never uses a section can fold it, and the panel remembers that on this device.
 */
export function PanelSection({ id, title, summary, children }: { id: string; title: string; summary?: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(() => !loadClosed().has(id));
  const toggle = () => {
    const closed = loadClosed();
    if (open) closed.add(id);
    else closed.delete(id);
    saveClosed(closed);
    setOpen(!open);
  };
  const bodyId = `fac-section-${id}`;
  return (
    <section className="fac-section" aria-labelledby={`${bodyId}-heading`}>
      <h2 id={`${bodyId}-heading`} className="fac-section-heading">
        <button type="button" aria-expanded={open} aria-controls={bodyId} onClick={toggle} className="fac-section-toggle">
          <span aria-hidden="true" className="fac-chevron">
            <LucideGlyph icon={open ? ChevronDown : ChevronRight} size={18} />
          </span>
          {title}
        </button>
        {summary && <span className="fac-section-summary">{summary}</span>}
      </h2>
      <div id={bodyId} hidden={!open} className="fac-section-body">
        {children}
      </div>
    </section>
  );
}
