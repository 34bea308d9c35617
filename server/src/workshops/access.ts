import { ERRORS, isBoardId } from '@sammen/shared';
import type { AuthorizeSync } from '../routes/sync.js';
import type { BoardCatalog } from '../store/DocumentStore.js';
import { type WorkshopService, privateDocId } from './WorkshopService.js';

/**
 * Who may open which document: an open board (POST /api/boards) with its link alone; a workshop's
 * board only with a token of that workshop; a private-notes document only with a member's own token.
 */
export function createSyncAuthorizer(
  boards: BoardCatalog,
  workshops: WorkshopService,
  /** A board is about to be opened (retention on other processes must keep it). */
  onOpen: (boardId: string) => Promise<void> = async () => {},
): AuthorizeSync {
  return async ({ boardId, token, privateDoc }) => {
    const board = isBoardId(boardId) ? await boards.get(boardId) : null;
    if (!board) return { ok: false, error: ERRORS.BOARD_NOT_FOUND };
    await onOpen(board.id);
    if (!board.workshopId) {
      if (privateDoc) return { ok: false, error: ERRORS.NOT_FOUND };
      return { ok: true, docId: board.id, sender: { workshopId: null, memberId: null, role: null, privateDoc: false } };
    }
    if (!token) return { ok: false, error: ERRORS.UNAUTHORIZED };
    const session = await workshops.resolveToken(token);
    if (!session || session.workshopId !== board.workshopId) return { ok: false, error: ERRORS.FORBIDDEN };
    const sender = { workshopId: session.workshopId, memberId: session.memberId, role: session.role, privateDoc };
    if (!privateDoc) return { ok: true, docId: board.id, sender };
    if (!session.memberId) return { ok: false, error: ERRORS.FORBIDDEN }; // observers have no private notes
    return { ok: true, docId: privateDocId(board.id, session.memberId), sender };
  };
}
