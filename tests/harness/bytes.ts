import fs from 'node:fs';
import path from 'node:path';

/**
 * Which of `needles` occur anywhere in the raw bytes of any file under `dir` (UTF-8 and, for SQLite
 * text stored in another encoding, UTF-16LE), with the file each was found in. For erasure tests:
 * what a person with the disk could read.
 */
export function findInFiles(dir: string, needles: string[]): Array<{ needle: string; file: string }> {
  const found: Array<{ needle: string; file: string }> = [];
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const file of walk(dir)) {
    const bytes = fs.readFileSync(file);
    for (const needle of needles) {
      if (bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'))) found.push({ needle, file: path.basename(file) });
    }
  }
  return found;
}
