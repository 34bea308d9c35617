import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { z } from 'zod';
import { LANGUAGES, formatZodError, randomId } from '@sammen/shared';
import type { Storage } from '../store/DocumentStore.js';
import { workshopStateSchema } from '../workshops/stateSchema.js';
import type { MemberRecord, WorkshopState } from '../workshops/types.js';
import { type WorkshopService, privateDocId } from '../workshops/WorkshopService.js';

/**
 * A whole workshop in one file: board, agenda and all server-kept state (votes with their ballots,
 * reveals), members (names and roles, never tokens), unrevealed private notes and named versions.
 * A SHA-256 over the content detects a damaged file; everything is checked before anything is written.
 */
export const BACKUP_FORMAT = 'sammen-workshop-backup';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const backupContentSchema = z.object({
  workshop: z.object({
    title: z.string().min(1).max(200),
    language: z.enum(LANGUAGES),
    createdAt: z.string(),
    state: workshopStateSchema,
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
  privateDocs: z.array(z.object({ memberId: z.string().max(40), state: base64 })),
  versions: z.array(z.object({ name: z.string().max(200), createdAt: z.string(), state: base64 })),
});
export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  content: backupContentSchema,
});
export type Backup = z.infer<typeof backupSchema>;
type BackupContent = z.infer<typeof backupContentSchema>;

const checksumOf = (content: BackupContent): string => createHash('sha256').update(JSON.stringify(content)).digest('hex');
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

async function docState(storage: Storage, docId: string): Promise<Uint8Array | null> {
  const stored = await storage.documents.load(docId);
  if (!stored.snapshot && stored.updates.length === 0) return null;
  const doc = new Y.Doc();
  for (const u of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, u);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

export async function exportWorkshop(storage: Storage, workshops: WorkshopService, workshopId: string): Promise<Backup | null> {
  const loaded = await workshops.load(workshopId);
  if (!loaded) return null;
  const { workshop, members } = loaded;
  await workshops.flushBoard(workshop.boardId); // what is in memory is on disk
  const privateDocs: BackupContent['privateDocs'] = [];
  for (const m of members) {
    const state = await docState(storage, privateDocId(workshop.boardId, m.id));
    if (state) privateDocs.push({ memberId: m.id, state: b64(state) });
  }
  const content: BackupContent = {
    workshop: { title: workshop.title, language: workshop.language, createdAt: workshop.createdAt, state: workshop.state },
    members: members.map(({ id, role, name, createdAt, removed }) => ({ id, role, name, createdAt, removed })),
    board: b64((await docState(storage, workshop.boardId)) ?? Y.encodeStateAsUpdate(new Y.Doc())),
    privateDocs,
    versions: (await storage.versions.list(workshop.boardId)).map((v) => ({ name: v.name, createdAt: v.createdAt, state: b64(v.state) })),
  };
  return { format: BACKUP_FORMAT, version: 1, exportedAt: new Date().toISOString(), checksum: checksumOf(content), content };
}

export type ImportResult = { ok: true; backup: Backup } | { ok: false; message: string };

/** Checks a backup file completely without writing anything. */
export function checkBackup(data: unknown): ImportResult {
  if (typeof data !== 'object' || data === null) return { ok: false, message: 'This is not a Sammen backup file (expected a JSON object).' };
  if ((data as { format?: unknown }).format !== BACKUP_FORMAT) return { ok: false, message: `This is not a Sammen backup file (format must be "${BACKUP_FORMAT}").` };
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) return { ok: false, message: `The backup file is damaged: ${formatZodError(parsed.error)}` };
  const backup = parsed.data;
  if (checksumOf(backup.content) !== backup.checksum) return { ok: false, message: 'The backup file is damaged: its checksum does not match its content.' };
  try {
    for (const state of [backup.content.board, ...backup.content.privateDocs.map((p) => p.state), ...backup.content.versions.map((v) => v.state)]) {
      Y.decodeUpdate(unb64(state));
    }
  } catch {
    return { ok: false, message: 'The backup file is damaged: a board in it cannot be read.' };
  }
  const ids = new Set(backup.content.members.map((m) => m.id));
  if (!backup.content.members.some((m) => m.role === 'facilitator')) return { ok: false, message: 'The backup file is damaged: it has no facilitator.' };
  if (backup.content.privateDocs.some((p) => !ids.has(p.memberId))) return { ok: false, message: 'The backup file is damaged: private notes of an unknown member.' };
  return { ok: true, backup };
}

/** Member ids are new on this server (ids must not clash); ballots, hands and follow follow them. */
function remapState(state: WorkshopState, map: Map<string, string>): WorkshopState {
  const id = (old: string) => map.get(old) ?? old;
  const remapVote = <V extends { ballots: Record<string, string[]> }>(v: V): V => ({
    ...v,
    ballots: Object.fromEntries(Object.entries(v.ballots).map(([k, dots]) => [id(k), dots])),
  });
  return {
    ...state,
    vote: state.vote && remapVote(state.vote),
    pastVotes: state.pastVotes.map(remapVote),
    hands: state.hands.map((h) => ({ ...h, memberId: id(h.memberId) })),
    follow: { ...state.follow, leaderId: state.follow.leaderId && id(state.follow.leaderId) },
  };
}

/** Writes a checked backup as a new workshop; returns its ids and fresh tokens. */
export async function importWorkshop(storage: Storage, workshops: WorkshopService, backup: Backup) {
  const { content } = backup;
  const idMap = new Map(content.members.map((m) => [m.id, randomId(12)]));
  const members: Array<Omit<MemberRecord, 'workshopId' | 'tokenHash'>> = content.members.map((m) => ({ ...m, id: idMap.get(m.id)! }));
  const created = await workshops.restore({
    title: content.workshop.title,
    language: content.workshop.language,
    createdAt: content.workshop.createdAt,
    state: remapState(content.workshop.state as WorkshopState, idMap),
    members,
  });
  await storage.documents.append(created.boardId, unb64(content.board));
  for (const p of content.privateDocs) await storage.documents.append(privateDocId(created.boardId, idMap.get(p.memberId)!), unb64(p.state));
  for (const v of content.versions) {
    await storage.versions.save({ id: randomId(16), boardId: created.boardId, name: v.name, createdAt: v.createdAt, state: unb64(v.state) });
  }
  return created;
}
