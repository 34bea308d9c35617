import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

/**
 * `npm run backup -- <folder or file>`: the operator's full backup of the whole server, secrets
 * included (unrevealed private notes, ballots, token hashes), made while the server runs. SQLite's
 * online backup API copies a consistent snapshot page by page without stopping writers. Run it on the
 * server machine with the server's DATA_DIR; the file is readable by its owner only.
 */
export async function backupDatabase(dataDir: string, target: string, now = new Date()): Promise<string> {
  const source = path.join(dataDir, 'sammen.db');
  if (!fs.existsSync(source)) throw new Error(`no Sammen database at ${source} (set DATA_DIR to the server's data folder)`);
  const isFolder = target.endsWith('/') || (fs.existsSync(target) && fs.statSync(target).isDirectory());
  const file = isFolder ? path.join(target, `sammen-${now.toISOString().replace(/[:.]/g, '-')}.db`) : target;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (fs.existsSync(file)) throw new Error(`${file} exists already; choose another name`);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(file);
  } finally {
    db.close();
  }
  fs.chmodSync(file, 0o600);
  const check = new Database(file, { readonly: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`the backup ${file} failed its integrity check: ${String(result)}`);
  } finally {
    check.close();
  }
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const target = process.argv[2];
  if (process.env.DATABASE_URL) {
    // The SQLite file in DATA_DIR (if any) is not what the server uses: copying it would look like a backup.
    console.error('This Sammen stores everything in PostgreSQL (DATABASE_URL): back it up with pg_dump -Fc "$DATABASE_URL" > sammen.dump');
    process.exit(2);
  }
  if (!target) {
    console.error('usage: npm run backup -- <folder or file>   (DATA_DIR as for the server, default ./data)');
    process.exit(2);
  }
  const resolved = path.resolve(target) + (target.endsWith('/') ? '/' : '');
  backupDatabase(path.resolve(process.env.DATA_DIR || './data'), resolved).then(
    (file) => console.log(`backup written to ${file}`),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
