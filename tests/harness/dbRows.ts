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
