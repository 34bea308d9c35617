import type { RoomManager } from '../sync/RoomManager.js';
import type { Storage } from './DocumentStore.js';

/**
 * Deletes boards nobody has changed for `retentionDays`, with everything that belongs to them: the
 * workshop, its members, private notes and named versions. Boards that are open right now are kept.
 * Returns the ids of the boards deleted (for the log).
 */
export async function purgeIdleBoards(storage: Storage, rooms: RoomManager, retentionDays: number, now = Date.now()): Promise<string[]> {
  if (retentionDays <= 0) return [];
  const cutoff = new Date(now - retentionDays * 24 * 3600_000).toISOString();
  const loaded = new Set(rooms.loadedIds());
  const deleted: string[] = [];
  for (const board of await storage.boards.listIdleSince(cutoff)) {
    if (loaded.has(board.id)) continue;
    await deleteBoardAndWorkshop(storage, board);
    deleted.push(board.id);
  }
  return deleted;
}

/** Deletes a board and everything that belongs to it: workshop, members, private notes, versions. */
export async function deleteBoardAndWorkshop(storage: Storage, board: { id: string; workshopId: string | null }): Promise<void> {
  if (board.workshopId) {
    for (const member of await storage.workshops.listMembers(board.workshopId)) {
      await storage.documents.delete(`private:${board.id}:${member.id}`);
    }
    await storage.workshops.delete(board.workshopId);
  }
  await storage.versions.deleteForBoard(board.id);
  await storage.documents.delete(board.id);
  await storage.boards.delete(board.id);
}
