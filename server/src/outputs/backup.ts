import * as Y from 'yjs';
import { randomId } from '@sammen/shared';
import type { Storage } from '../store/DocumentStore.js';
import { importedRetention } from '../store/retention.js';
import type { MemberRecord, VoteRecord, WorkshopState } from '../workshops/types.js';
import type { OpinionRecord } from '../workshops/opinionRound.js';
import type { RoleRoundRecord } from '../workshops/roleRound.js';
import type { WorkshopService } from '../workshops/WorkshopService.js';
import { type Backup, type BackupContent, sealBackup } from './backupFile.js';

export { BACKUP_FORMAT, type Backup, checkBackup } from './backupFile.js';

/**
 * A whole workshop in one file for its facilitator: board, agenda, server-kept state, members (names
 * and roles, never tokens) and named versions. It holds nothing the README promises no one sees before
 * a reveal: no unrevealed private notes and no ballots (who put which dot); see `OMITTED`. The whole
 * server, secrets included, is backed up by the operator with `npm run backup` (ops/backupDatabase.ts).
 */
export const OMITTED = [
  'ballots: who put which dot is never exported; revealed votes keep their counts; a vote that was not revealed starts again with no dots when this file is imported',
  'private notes not yet revealed: they stay with their authors; when this file is imported a private round that was on is on again, with no private notes',
  'opinion marks and who suggested a statement: a revealed round keeps only its anonymous map; a round that was not revealed starts again with no marks when this file is imported',
  'politician role markers (who placed which marker where): a revealed self-assessment keeps only its counts; one that was not revealed starts again with no markers when this file is imported',
] as const;

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const unb64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

/** The workshop state without secrets: no ballots, no opinion marks, no role markers; an unrevealed vote or round restarts (open, empty). */
export function shareableState(state: WorkshopState): WorkshopState {
  const noBallots = (v: VoteRecord): VoteRecord => ({ ...v, ballots: {} });
  const vote = state.vote && (state.vote.status === 'revealed' ? noBallots(state.vote) : { ...noBallots(state.vote), status: 'open' as const, results: null });
  const noMarks = (r: OpinionRecord): OpinionRecord => ({ ...r, marks: {}, suggestions: [] });
  const opinion = state.opinion && (state.opinion.status === 'revealed' ? noMarks(state.opinion) : { ...noMarks(state.opinion), result: null });
  const noMarkers = (r: RoleRoundRecord): RoleRoundRecord => ({ ...r, markers: [] });
  const roleRound = state.roleRound && (state.roleRound.status === 'revealed' ? noMarkers(state.roleRound) : { ...noMarkers(state.roleRound), result: null });
  return {
    ...state, vote, pastVotes: state.pastVotes.map(noBallots), opinion, pastOpinions: state.pastOpinions.map(noMarks),
    roleRound, pastRoleRounds: state.pastRoleRounds.map(noMarkers),
  };
}

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
  const content: BackupContent = {
    workshop: {
      title: workshop.title, language: workshop.language, createdAt: workshop.createdAt, state: shareableState(workshop.state), retentionDays: workshops.retentionOf(workshop),
    },
    members: members.map(({ id, role, name, createdAt, removed }) => ({ id, role, name, createdAt, removed })),
    board: b64((await docState(storage, workshop.boardId)) ?? Y.encodeStateAsUpdate(new Y.Doc())),
    privateDocs: [],
    versions: (await storage.versions.list(workshop.boardId)).map((v) => ({ name: v.name, createdAt: v.createdAt, state: b64(v.state) })),
    omitted: [...OMITTED],
  };
  return sealBackup(content);
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
export async function importWorkshop(workshops: WorkshopService, backup: Backup) {
  const { content } = backup;
  const idMap = new Map(content.members.map((m) => [m.id, randomId(12)]));
  const members: Array<Omit<MemberRecord, 'workshopId' | 'tokenHash'>> = content.members.map((m) => ({ ...m, id: idMap.get(m.id)! }));
  const created = await workshops.restore({
    title: content.workshop.title,
    language: content.workshop.language,
    createdAt: content.workshop.createdAt,
    state: remapState(content.workshop.state as WorkshopState, idMap),
    members,
    retentionDays: importedRetention(content.workshop.retentionDays, workshops.retention),
    // Stored with the workshop in one transaction: a failed import leaves nothing half-made.
    content: {
      board: unb64(content.board),
      // Version 1 files (from before secrets were left out) may still carry private notes: keep them private.
      privateDocs: content.privateDocs.map((p) => ({ memberId: idMap.get(p.memberId)!, state: unb64(p.state) })),
      versions: content.versions.map((v) => ({ name: v.name, createdAt: v.createdAt, state: unb64(v.state) })),
    },
  });
  return created;
}
