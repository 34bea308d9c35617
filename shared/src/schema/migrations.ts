import * as Y from 'yjs';
import { packFieldsMigration } from './packFieldsMigration.js';

/**
 * The document schema version this code writes. Bump it together with a migration in MIGRATIONS
 * whenever the shape of elements in the Y.Doc changes.
 */
export const SCHEMA_VERSION = 2;

/** One step from `from` to `from + 1`. It runs inside a transaction and reports instead of throwing. */
export interface Migration {
  from: number;
  description: string;
  up(doc: Y.Doc): { ok: true } | { ok: false; error: string };
}

/**
 * Ordered migrations; MIGRATIONS[i].from === i + 1. Version 1 is the first published schema (a key
 * per field); version 2 packs fields into groups (layout.ts).
 */
export const MIGRATIONS: readonly Migration[] = [packFieldsMigration];

export type MigrationResult =
  | { ok: true; from: number; to: number }
  | { ok: false; error: 'newer-schema' | 'missing-migration' | 'migration-failed'; detail: string };

const META = 'meta';
const VERSION_KEY = 'schemaVersion';

export function getSchemaVersion(doc: Y.Doc): number | undefined {
  const v = doc.getMap(META).get(VERSION_KEY);
  return typeof v === 'number' ? v : undefined;
}

/**
 * Brings `doc` up to `target`. A document without a version is taken as version 1 (new, or written
 * before versions were stamped). A newer document than this code understands is left untouched and
 * reported, so that an old server never rewrites a new board. Migrations run on a scratch copy and
 * only a complete, successful run is applied, as one update, so a failure leaves `doc` as it was.
 */
export function migrateDoc(
  doc: Y.Doc,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
  origin: unknown = 'migration',
): MigrationResult {
  const start = getSchemaVersion(doc) ?? 1;
  if (start > target) {
    return { ok: false, error: 'newer-schema', detail: `document has schema ${start}, this server knows ${target}` };
  }
  if (start === target) {
    // Stamp only when missing, so that loading a current board writes nothing.
    if (getSchemaVersion(doc) === undefined) doc.transact(() => doc.getMap(META).set(VERSION_KEY, target), origin);
    return { ok: true, from: start, to: target };
  }
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  let version = start;
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step) return { ok: false, error: 'missing-migration', detail: `no migration from schema ${version}` };
    const result = scratch.transact(() => step.up(scratch));
    if (!result.ok) return { ok: false, error: 'migration-failed', detail: `${step.description}: ${result.error}` };
    version += 1;
  }
  scratch.getMap(META).set(VERSION_KEY, version);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(doc)), origin);
  scratch.destroy();
  return { ok: true, from: start, to: version };
}

/**
 * A stored board's bytes (a snapshot, a version's state, a backup's board) as a document at this
 * schema, for reading outside a room: stored before a migration, it is migrated here like a room
 * migrates it on load. A board from a newer schema is returned as it is (its elements read as invalid).
 */
export function readBoardState(...updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  migrateDoc(doc);
  return doc;
}
