import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { displayLink, groupJoinCode } from './links.js';
import { QrCode } from './QrCode.js';

/**
 * What goes on the projector while people arrive: the join code as large as the screen allows, the
 * link to type, and a QR code to scan. Covers the whole window; Esc or the button closes it, and
 * focus goes back where it was.
 */
export function ProjectorView({ joinCode, link, title, onClose }: { joinCode: string; link: string; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const closeRef = useRef<HTMLButtonElement>(null);
  // The latest onClose without re-running the effect (which would move focus) on every render.
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onCloseRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      before?.focus();
    };
  }, []);

  const spelled = joinCode.split('').join(' ');
  return (
    <div className="projector" role="dialog" aria-modal="true" aria-labelledby="projector-heading">
      <button ref={closeRef} type="button" className="projector-close" onClick={onClose}>
        {t('facilitator.links.closeProjector')}
      </button>
      <h2 id="projector-heading" className="projector-title">
        {title}
      </h2>
      <div className="projector-body">
        <div className="projector-text">
          <p className="projector-step">{t('facilitator.links.projectorGoTo')}</p>
          <p className="projector-link">{displayLink(link.replace(/\/join\/[^/]*$/, '/join'))}</p>
          <p className="projector-step">{t('facilitator.links.projectorEnterCode')}</p>
          <p className="projector-code" aria-label={t('facilitator.links.joinCodeSpelled', { code: spelled })}>
            {groupJoinCode(joinCode)}
          </p>
        </div>
        <QrCode text={link} label={t('facilitator.links.qrLabel', { link: displayLink(link) })} className="projector-qr" />
      </div>
    </div>
  );
}
