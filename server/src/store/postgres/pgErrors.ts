import { StorageError } from '../StorageError.js';

/**
 * SQLSTATE classes (https://www.postgresql.org/docs/current/errcodes-appendix.html) that mean the
 * store cannot take the write now, whatever was asked: connection exceptions (08), insufficient
 * resources (53; 53100 disk_full is `full`), operator intervention such as a shutdown (57P), system
 * errors such as an I/O error (58), internal errors (XX), and a read-only server (25006, a standby).
 */
const UNAVAILABLE_STATE = /^(08|53|57P|58|XX)|^25006$/;
/** What node-postgres and the OS report when the connection itself fails. */
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|not queryable|connection error|Cannot use a pool after calling end/i;

/**
 * Classifies an error thrown by `pg`: a full disk, or storage unavailable (a lost or refused
 * connection, a shutting-down or read-only server). Anything else (a constraint, a bug) is returned
 * as is, as `fromSqliteError` does.
 */
export function fromPostgresError(err: unknown): unknown {
  if (err instanceof StorageError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  if (code === '53100') return new StorageError('full', err);
  if (typeof code === 'string' && (UNAVAILABLE_STATE.test(code) || UNAVAILABLE_NODE_CODES.has(code))) return new StorageError('unavailable', err);
  if (err instanceof Error && UNAVAILABLE_MESSAGE.test(err.message)) return new StorageError('unavailable', err);
  return err;
}
