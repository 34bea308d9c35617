import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import { useDismiss } from '../ui/useDismiss.js';

/**
 * A sheet that slides over the lower part of a phone's board: a title, a close button, and what it
 * holds. Closes on its button, on Escape and on a tap outside; focus goes into it when it opens and
 * back to what opened it when it closes.
 */
export function PhoneSheet({ title, onClose, children, testId }: { title: string; onClose(): void; children: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  useDismiss(true, onClose, rootRef, openerRef);
  useEffect(() => {
    openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = rootRef.current?.querySelector<HTMLElement>('[data-autofocus]') ?? rootRef.current?.querySelector<HTMLElement>('button');
    first?.focus();
    const opener = openerRef.current;
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <div ref={rootRef} className="phone-sheet" role="dialog" aria-labelledby={titleId} data-testid={testId}>
      <div className="phone-sheet-head">
        <h2 id={titleId} className="phone-sheet-title">
          {title}
        </h2>
        <button type="button" className="touch-icon-button" aria-label={t('workshop.phone.close')} onClick={onClose}>
          <X size={22} aria-hidden="true" />
        </button>
      </div>
      <div className="phone-sheet-body">{children}</div>
    </div>
  );
}
