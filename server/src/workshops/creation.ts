import { type CreateWorkshopBody, type CreateWorkshopResponse, newBoardId, randomId } from '@sammen/shared';
import type { StorageWrites } from '../store/DocumentStore.js';
import { privateDocId } from './reveal.js';
import { hashToken, newJoinCode, newToken } from './tokens.js';
import { type MemberRecord, type WorkshopRecord, type WorkshopState, type WorkshopStore, initialWorkshopState } from './types.js';

export interface CreationDeps {
  workshops: WorkshopStore;
  writes: StorageWrites;
  now: number;
  /** A new workshop's retention when none is chosen, and what a workshop's retention means (days). */
  defaultDays: number;
  retentionOf: (workshop: WorkshopRecord) => number;
}

/** A workshop from a backup: its content, with the members' ids the private documents refer to. */
export interface RestoreInput {
  title: string;
  language: CreateWorkshopBody['language'];
  createdAt: string;
  state: WorkshopState;
  members: Array<Omit<MemberRecord, 'workshopId' | 'tokenHash'>>;
  retentionDays: number | null;
  /** The board's state, private documents (by the members' ids above) and named versions. */
  content: { board: Uint8Array; privateDocs: Array<{ memberId: string; state: Uint8Array }>; versions: Array<{ name: string; createdAt: string; state: Uint8Array }> };
}

/** A new workshop with its board and facilitator, in one transaction. */
export async function createWorkshop(deps: CreationDeps, body: CreateWorkshopBody, agenda?: WorkshopState['agenda']): Promise<CreateWorkshopResponse> {
  const id = randomId(20);
  const boardId = newBoardId();
  const facilitatorToken = newToken();
  const observerToken = newToken();
  const joinCode = await uniqueJoinCode(deps.workshops);
  const workshop: WorkshopRecord = {
    id, boardId, title: body.title, language: body.language, joinCode, observerToken,
    state: { ...initialWorkshopState(agenda), place: body.place ?? '', question: body.question ?? '' }, createdAt: new Date(deps.now).toISOString(),
    retentionDays: body.retentionDays ?? deps.defaultDays, stateRevision: 0,
  };
  const facilitator: MemberRecord = {
    id: randomId(12), workshopId: id, role: 'facilitator', name: body.facilitatorName ?? 'Facilitator',
    tokenHash: hashToken(facilitatorToken), createdAt: workshop.createdAt, removed: false,
  };
  // Board, workshop and facilitator in one transaction; the template's content follows (a failure
  // there leaves a working, empty board).
  await deps.writes.createWorkshop({ workshop, members: [facilitator] });
  return { id, boardId, facilitatorToken, joinCode, observerToken, retentionDays: deps.retentionOf(workshop) };
}

/** Recreates a workshop from a backup: new id, board id, tokens and join code; the same content. */
export async function restoreWorkshop(deps: CreationDeps, input: RestoreInput): Promise<CreateWorkshopResponse> {
  const id = randomId(20);
  const boardId = newBoardId();
  const facilitatorToken = newToken();
  const observerToken = newToken();
  const joinCode = await uniqueJoinCode(deps.workshops);
  const workshop: WorkshopRecord = {
    id, boardId, title: input.title, language: input.language, joinCode, observerToken, state: input.state, createdAt: input.createdAt, retentionDays: input.retentionDays, stateRevision: 0,
  };
  const [facilitator, ...others] = [...input.members].sort((a, b) => (a.role === 'facilitator' ? -1 : b.role === 'facilitator' ? 1 : 0));
  // Everything in one transaction: an import that fails half-way leaves nothing behind.
  await deps.writes.createWorkshop({
    workshop,
    members: [
      { ...facilitator!, workshopId: id, tokenHash: hashToken(facilitatorToken) },
      // Other members keep their names and roles but get no usable token: they join again with the new code.
      ...others.map((m) => ({ ...m, workshopId: id, tokenHash: hashToken(newToken()) })),
    ],
    documents: [
      { docId: boardId, update: input.content.board },
      ...input.content.privateDocs.map((p) => ({ docId: privateDocId(boardId, p.memberId), update: p.state })),
    ],
    versions: input.content.versions.map((v) => ({ id: randomId(16), boardId, name: v.name, createdAt: v.createdAt, state: v.state })),
  });
  return { id, boardId, facilitatorToken, joinCode, observerToken, retentionDays: deps.retentionOf(workshop) };
}

/** A join code no workshop has now. */
export async function uniqueJoinCode(workshops: WorkshopStore): Promise<string> {
  for (;;) {
    const code = newJoinCode();
    if (!(await workshops.getByJoinCode(code))) return code;
  }
}
