/**
 * A write (or read) the storage could not do: the caller must treat the change as not made. `full`
 * is a full disk (HTTP 507), `unavailable` anything else the store refused — a read-only file, an
 * I/O error, later a lost PostgreSQL connection (HTTP 503). Storage implementations throw this and
 * nothing else for their own failures, so the sync core and the HTTP layer need not know SQLite.
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly kind: 'full' | 'unavailable',
    override readonly cause: unknown,
  ) {
    super(kind === 'full' ? 'storage is full' : `storage unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** SQLite result codes that mean the disk is full (https://sqlite.org/rescode.html). */
const FULL_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR_WRITE_FULL']);

/**
 * Classifies an error thrown by the SQLite driver: full disk, or storage unavailable (read-only,
 * I/O error, locked, corrupt, cannot open). Anything else (a constraint, a bug) is returned as is.
 */
export function fromSqliteError(err: unknown): unknown {
  if (err instanceof StorageError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) {
    // An ENOSPC/EIO from the OS (e.g. creating the folder) is a storage failure too.
    if (code === 'ENOSPC') return new StorageError('full', err);
    if (code === 'EIO' || code === 'EROFS' || code === 'EACCES') return new StorageError('unavailable', err);
    return err;
  }
  if (FULL_CODES.has(code)) return new StorageError('full', err);
  if (/^SQLITE_(IOERR|READONLY|CANTOPEN|BUSY|LOCKED|CORRUPT|NOTADB|PROTOCOL|NOLFS|PERM)/.test(code)) return new StorageError('unavailable', err);
  return err;
}

/** An object whose members are all async methods (a synchronous one would silently become async). */
type AsyncMethods<T> = { [K in keyof T]: (...args: never[]) => Promise<unknown> };

/**
 * Wraps every method of a store object so that driver failures leave as StorageError (`classify`
 * knows the driver: SQLite by default, `fromPostgresError` for PostgreSQL). The methods must be async
 * (the Storage interface's are), so a synchronous throw becomes a rejection too.
 */
export function guardStore<T extends AsyncMethods<T>>(store: T, classify: (err: unknown) => unknown = fromSqliteError): T {
  const guarded = {} as Record<string, unknown>;
  for (const [key, value] of Object.entries(store)) {
    guarded[key] =
      typeof value === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await (value as (...a: unknown[]) => unknown).apply(store, args);
            } catch (err) {
              throw classify(err);
            }
          }
        : value;
  }
  return guarded as T;
}

/** The StorageError behind `err` (itself, or a cause of it, e.g. a board that could not open), or null. */
export function storageFailure(err: unknown): StorageError | null {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof StorageError) return e;
  }
  return null;
}
