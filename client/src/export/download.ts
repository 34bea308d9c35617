/** Saves a blob as a file through a temporary link (no popup, works for every format). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has taken the data by the next task; keep the URL alive a little for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name made of the board title and what was exported, safe on every system. */
export function exportFileName(title: string, what: string, ext: string): string {
  const base = `${title}-${what}`
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]+/g, '')
    .replace(/\p{Cc}+/gu, '')
    .replace(/\s+/g, '-')
    .slice(0, 80);
  return `${base || 'sammen'}.${ext}`;
}
