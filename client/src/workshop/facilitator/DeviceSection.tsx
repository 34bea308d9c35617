import { Copy, QrCode as QrIcon } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LucideGlyph } from '../../ui/icons.js';
import { tokenLink } from '../tokens.js';
import { QrCode } from './QrCode.js';

/**
 * How to run the workshop from another device (a tablet at the front, one's own phone): copy the
 * facilitator link, or scan it. The link is a secret, so it is never shown as text here and the QR
 * code appears only when asked for (the screen is often on a projector).
 */
export function DeviceSection({ boardId, token }: { boardId: string; token: string }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const link = tokenLink(window.location.origin, boardId, token);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section className="fac-device" aria-labelledby="fac-device-heading">
      <h3 id="fac-device-heading" className="fac-subheading">
        {t('facilitator.device.heading')}
      </h3>
      <p className="fac-meta">{t('facilitator.device.how')}</p>
      <div className="fac-row">
        <button type="button" onClick={() => void copy()}>
          <LucideGlyph icon={Copy} size={16} /> {t('facilitator.device.copy')}
        </button>
        <button type="button" aria-expanded={qr} aria-controls="fac-device-qr" onClick={() => setQr(!qr)}>
          <LucideGlyph icon={QrIcon} size={16} /> {qr ? t('facilitator.device.hideQr') : t('facilitator.device.showQr')}
        </button>
      </div>
      <p role="status" className="fac-meta">
        {copied === 'yes' ? t('facilitator.device.copied') : copied === 'failed' ? t('facilitator.device.copyFailed') : ''}
      </p>
      <div id="fac-device-qr" hidden={!qr}>
        {qr && (
          <>
            <QrCode text={link} label={t('facilitator.device.qrLabel')} className="fac-device-qr" />
            <p className="fac-warning">{t('facilitator.device.qrWarning')}</p>
          </>
        )}
      </div>
      <p className="fac-meta">{t('facilitator.links.facilitatorWarning')}</p>
    </section>
  );
}
