import type { RenderedPng } from './png.js';

/**
 * A one-page PDF holding the picture (made at 2×), the page sized to the content: one board unit
 * is one PDF point, so the page has the proportions and the physical size of the board area.
 * jsPDF is loaded only when someone exports a PDF.
 */
export async function pngToPdf(png: RenderedPng): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const w = png.width / png.pixelRatio;
  const h = png.height / png.pixelRatio;
  const doc = new jsPDF({ orientation: w >= h ? 'landscape' : 'portrait', unit: 'pt', format: [w, h], compress: true });
  const bytes = new Uint8Array(await png.blob.arrayBuffer());
  doc.addImage(bytes, 'PNG', 0, 0, w, h);
  return doc.output('blob');
}
