import { createHash } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Rows in every table of a server's store (`DATA_DIR/sammen.db`), read through a second, read-only
 * connection: for "nothing was stored" after a refused request.
 */
export function rowCounts(dataDir: string): Record<string, number> {
  const db = new Database(path.join(dataDir, 'sammen.db'), { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name}"`).get()!.n]));
  } finally {
    db.close();
  }
}

/** Columns that record when something was last used, which reads and live edits may touch. */
const VOLATILE = /^(updated_at|last_|touched)/;

/**
 * A digest of everything stored (every row of every table but activity timestamps): equal before and
 * after a refused request means the request stored nothing.
 */
export function dbFingerprint(dataDir: string): string {
  const db = new Database(path.join(dataDir, 'sammen.db'), { readonly: true, fileMustExist: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    for (const { name } of tables) {
      hash.update(`\n#${name}\n`);
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).iterate() as Iterable<Record<string, unknown>>) {
        for (const [column, value] of Object.entries(row)) {
          if (VOLATILE.test(column)) continue;
          hash.update(`${column}=`);
          hash.update(Buffer.isBuffer(value) ? value : String(value));
          hash.update('\u0000');
        }
      }
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
