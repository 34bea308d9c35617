/**
 * Versioned migrations for plain JSON records kept outside the board document: template files,
 * saved templates and stored workshop state. Modelled on tldraw's migration sequences: each
 * migration has a namespaced id, takes the record from version `to - 1` to `to`, is pure (returns a
 * new object, never mutates its input) and the list is append-at-the-end only, so a file written
 * by any earlier version can be brought up to date by running the tail of the list.
 */
export type JsonRecord = Record<string, unknown>;

export interface DataMigration {
  /** Namespaced and never reused, e.g. `com.sammen.template/2_participant_text`. */
  id: string;
  /** The version this migration produces; the first migration has `to === 2`. */
  to: number;
  up(record: JsonRecord): JsonRecord;
}

export interface MigrationSequence {
  /** What the records are (`com.sammen.template`). */
  id: string;
  /** The key that holds the record's version. A record without it is version 1. */
  versionKey: string;
  /** Ordered: migrations[i].to === i + 2. Append at the end only. */
  migrations: readonly DataMigration[];
}

export type DataMigrationResult =
  | { ok: true; value: JsonRecord; from: number; to: number }
  | { ok: false; error: 'not-an-object' | 'bad-version' | 'newer-version' | 'migration-failed'; detail: string };

/** The version this code writes for a sequence: one more than the number of its migrations. */
export const currentVersion = (sequence: MigrationSequence): number => sequence.migrations.length + 1;

const isRecord = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Brings `data` up to the sequence's current version. Reports instead of throwing: a record from a
 * newer Sammen is left alone (`newer-version`), and a migration that throws on damaged input yields
 * `migration-failed` naming the migration, so the caller can answer with a clear error.
 */
export function migrateRecord(sequence: MigrationSequence, data: unknown): DataMigrationResult {
  if (!isRecord(data)) return { ok: false, error: 'not-an-object', detail: `${sequence.id}: expected a JSON object` };
  const raw = data[sequence.versionKey] ?? 1;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) {
    return { ok: false, error: 'bad-version', detail: `${sequence.id}: ${sequence.versionKey} must be a whole number from 1` };
  }
  const target = currentVersion(sequence);
  if (raw > target) {
    return { ok: false, error: 'newer-version', detail: `${sequence.id}: version ${raw} is newer than this server knows (${target})` };
  }
  let value = data;
  for (const migration of sequence.migrations.slice(raw - 1)) {
    try {
      value = { ...migration.up(value), [sequence.versionKey]: migration.to };
    } catch (e) {
      return { ok: false, error: 'migration-failed', detail: `${migration.id}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { ok: true, value, from: raw, to: target };
}

/** Checks the ordering rule; used by the tests of every sequence. */
export function checkSequence(sequence: MigrationSequence): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  sequence.migrations.forEach((m, i) => {
    if (m.to !== i + 2) problems.push(`${m.id}: expected to === ${i + 2}`);
    if (!m.id.startsWith(`${sequence.id}/`)) problems.push(`${m.id}: not namespaced under ${sequence.id}`);
    if (ids.has(m.id)) problems.push(`${m.id}: duplicate id`);
    ids.add(m.id);
  });
  return problems;
}
