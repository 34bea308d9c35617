/**
 * A QR code's dark modules as one SVG path, one unit per module: runs of dark modules in a row
 * become one rectangle each, which keeps the path short (a workshop link is ~40 × 40 modules).
 * `dark(row, col)` reads the matrix (qrcode's BitMatrix.get); pure, so it is tested without a DOM.
 */
export function qrPath(size: number, dark: (row: number, col: number) => boolean): string {
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && dark(row, col)) col++;
      parts.push(`M${start} ${row}h${col - start}v1h${start - col}z`);
    }
  }
  return parts.join('');
}
