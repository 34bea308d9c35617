import type { Config } from '../config.js';
import type { Storage } from './DocumentStore.js';
import { openSqliteStorage } from './SqliteStorage.js';
import { openPostgresStorage } from './postgres/PostgresStorage.js';

/** The store the configuration asks for: PostgreSQL with DATABASE_URL, else the SQLite file in DATA_DIR. */
export async function openStorage(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'databasePoolSize'>): Promise<Storage> {
  if (config.databaseUrl) return openPostgresStorage(config.databaseUrl, { poolSize: config.databasePoolSize });
  return openSqliteStorage(config.dataDir);
}

/** Where the data is, for the log: never the password. */
export function describeStorage(config: Pick<Config, 'dataDir' | 'databaseUrl'>): Record<string, string> {
  if (!config.databaseUrl) return { dataDir: config.dataDir };
  const url = new URL(config.databaseUrl);
  return { database: `${url.protocol}//${url.host}${url.pathname}` };
}
