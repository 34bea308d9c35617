import { useMemo } from 'react';
import QRCode from 'qrcode';
import { qrPath } from './qrPath.js';

/** Quiet zone around the code, in modules (the QR standard asks for four). */
const QUIET = 4;

/**
 * A QR code as inline SVG (no canvas, no image URL: sharp on a projector at any size and allowed
 * by the page's strict CSP). `label` is what a screen reader says instead of the picture.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { size, path } = useMemo(() => {
    // Level M survives a smudged projector screen and keeps the code small enough to scan from afar.
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    return { size: modules.size, path: qrPath(modules.size, (r, c) => !!modules.get(r, c)) };
  }, [text]);
  const full = size + 2 * QUIET;
  return (
    <svg className={className} viewBox={`${-QUIET} ${-QUIET} ${full} ${full}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect x={-QUIET} y={-QUIET} width={full} height={full} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
