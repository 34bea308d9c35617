import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { z } from 'zod';
import { LANGUAGES, formatZodError } from '@sammen/shared';
import { workshopStateSchema } from '../workshops/stateSchema.js';

/**
 * The backup file as data: its schema, its checksum and the complete check before an import. Pure
 * (no storage), so that "every file we write is accepted" can be tested as a property.
 *
 * Why a canonical form: the checksum used to be SHA-256 over `JSON.stringify(content)` as exported,
 * and on import over `JSON.stringify` of what zod returned. zod rebuilds every object in the order of
 * its schema (and trims, strips unknown keys), so any state whose keys were in another order — every
 * agenda made from a template — was "damaged" on import. The checksum is now over the canonical JSON
 * (RFC 8785 style: keys sorted, no whitespace) of the content exactly as it stands in the file, before
 * any parsing, so it depends only on the data, not on how either side built its objects.
 */
export const BACKUP_FORMAT = 'sammen-workshop-backup';
export const BACKUP_VERSION = 2;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
export const backupContentSchema = z.object({
  workshop: z.object({
    title: z.string().min(1).max(200),
    language: z.enum(LANGUAGES),
    createdAt: z.string(),
    state: workshopStateSchema,
    /** Days after the last change before the workshop is deleted; 0 keeps it (absent in version 1). */
    retentionDays: z.number().int().min(0).max(100 * 365).optional(),
  }),
  members: z.array(
    z.object({
      id: z.string().max(40),
      role: z.enum(['facilitator', 'cofacilitator', 'participant']),
      name: z.string().max(40),
      createdAt: z.string(),
      removed: z.boolean(),
    }),
  ),
  board: base64,
  /** Unrevealed private notes: written only by version 1 files; read for compatibility. */
  privateDocs: z.array(z.object({ memberId: z.string().max(40), state: base64 })),
  versions: z.array(z.object({ name: z.string().max(200), createdAt: z.string(), state: base64 })),
  /** What the exporting server deliberately left out (secrets before their reveal); see README. */
  omitted: z.array(z.string().max(300)).max(20).optional(),
});
export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: z.string(),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  content: backupContentSchema,
});
export type Backup = z.infer<typeof backupSchema>;
export type BackupContent = z.infer<typeof backupContentSchema>;

/**
 * Canonical JSON: what `JSON.stringify` would write, with object keys sorted by code unit and no
 * whitespace. Values JSON cannot hold are treated as JSON.stringify treats them (undefined members
 * dropped, undefined/functions in arrays → null, non-finite numbers → null, -0 → 0, toJSON honoured),
 * so a value and `JSON.parse(JSON.stringify(value))` have the same canonical form.
 */
export function canonicalJson(value: unknown): string {
  const plain: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value) ?? 'null');
  return write(plain);
}

function write(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${write(obj[k])}`).join(',')}}`;
}

/** SHA-256 (hex) over the canonical JSON of a backup's content. */
export const backupChecksum = (content: unknown): string => createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');

/** Version 1 files: SHA-256 over `JSON.stringify(content)` in the file's own key order (kept by JSON.parse). */
const legacyChecksum = (content: unknown): string => createHash('sha256').update(JSON.stringify(content), 'utf8').digest('hex');

/** A complete backup file around `content`, as the server writes it. */
export function sealBackup(content: BackupContent, exportedAt = new Date().toISOString()): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, checksum: backupChecksum(content), content };
}

export type CheckResult = { ok: true; backup: Backup } | { ok: false; message: string };

const b64ToBytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

/** Checks a backup file (parsed JSON) completely without writing anything. */
export function checkBackup(data: unknown): CheckResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, message: 'This is not a Sammen backup file (expected a JSON object).' };
  const raw = data as { format?: unknown; version?: unknown; checksum?: unknown; content?: unknown };
  if (raw.format !== BACKUP_FORMAT) return { ok: false, message: `This is not a Sammen backup file (format must be "${BACKUP_FORMAT}").` };
  if (raw.version !== 1 && raw.version !== BACKUP_VERSION) {
    return { ok: false, message: `This backup file has version ${String(raw.version)}; this Sammen reads versions 1 and ${BACKUP_VERSION}. Upgrade Sammen.` };
  }
  // The checksum is over the content as it is in the file, before zod rebuilds it.
  if (typeof raw.checksum === 'string' && raw.content !== undefined) {
    const matches = raw.checksum === backupChecksum(raw.content) || (raw.version === 1 && raw.checksum === legacyChecksum(raw.content));
    if (!matches) return { ok: false, message: 'The backup file is damaged: its checksum does not match its content.' };
  }
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) return { ok: false, message: `The backup file is damaged: ${formatZodError(parsed.error)}` };
  const backup = parsed.data;
  const { content } = backup;
  try {
    for (const state of [content.board, ...content.privateDocs.map((p) => p.state), ...content.versions.map((v) => v.state)]) Y.decodeUpdate(b64ToBytes(state));
  } catch {
    return { ok: false, message: 'The backup file is damaged: a board in it cannot be read.' };
  }
  const ids = new Set(content.members.map((m) => m.id));
  if (ids.size !== content.members.length) return { ok: false, message: 'The backup file is damaged: two members have the same id.' };
  if (!content.members.some((m) => m.role === 'facilitator')) return { ok: false, message: 'The backup file is damaged: it has no facilitator.' };
  if (content.privateDocs.some((p) => !ids.has(p.memberId))) return { ok: false, message: 'The backup file is damaged: private notes of an unknown member.' };
  return { ok: true, backup };
}
