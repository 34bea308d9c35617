import type { RoomManager } from '../sync/RoomManager.js';
import type { Storage } from './DocumentStore.js';

/** What the operator allows (RETENTION_DAYS, RETENTION_DEFAULT_DAYS, RETENTION_MAX_DAYS). */
export interface RetentionPolicy {
  /** Open boards (no workshop) unchanged for this many days are deleted; 0 keeps them. */
  openBoardDays: number;
  /** A workshop that chose none (or was made before per-workshop retention). */
  defaultDays: number;
  /** Most days a facilitator may choose; 0: no maximum, and 0 ("keep") may be chosen. */
  maxDays: number;
}

const DAY = 24 * 3600_000;

/** The retention a facilitator asked for, checked against the operator's maximum. */
export function chooseRetention(requested: number | undefined, policy: RetentionPolicy): { ok: true; days: number } | { ok: false; message: string } {
  if (requested === undefined) return { ok: true, days: policy.defaultDays };
  if (policy.maxDays > 0 && (requested === 0 || requested > policy.maxDays)) {
    return { ok: false, message: `retentionDays: this server deletes workshops at the latest ${policy.maxDays} days after their last change; choose 1 to ${policy.maxDays}` };
  }
  return { ok: true, days: requested };
}

/** An imported workshop keeps its retention, shortened to this server's maximum. */
export function importedRetention(days: number | undefined, policy: RetentionPolicy): number {
  const wanted = days ?? policy.defaultDays;
  return policy.maxDays > 0 && (wanted === 0 || wanted > policy.maxDays) ? policy.maxDays : wanted;
}

/**
 * Deletes every board whose retention has run out, with everything that belongs to it: the workshop,
 * its members, private notes, votes (workshop state) and named versions; reports are made on request
 * and never stored. Each workshop has its own retention (days after the board's last change); open
 * boards follow `openBoardDays`. Boards open right now, here or (`openElsewhere`) on another process,
 * are kept. Returns the deleted board ids.
 */
export async function purgeExpired(
  storage: Storage,
  rooms: RoomManager,
  policy: RetentionPolicy,
  now = Date.now(),
  /** Which of these boards another process has open (REDIS_URL); it throws rather than guess. */
  openElsewhere: (boardIds: string[]) => Promise<Set<string>> = async () => new Set(),
): Promise<string[]> {
  const loaded = new Set(rooms.loadedIds());
  const deleted: string[] = [];
  // Every retention is at least a day: boards changed within the last day are never due.
  for (const board of await storage.boards.listIdleSince(new Date(now - DAY).toISOString())) {
    if (loaded.has(board.id)) continue;
    let days = policy.openBoardDays;
    if (board.workshopId) {
      const workshop = await storage.workshops.get(board.workshopId).catch(() => null);
      days = workshop?.retentionDays ?? policy.defaultDays;
    }
    if (days <= 0 || board.updatedAt >= new Date(now - days * DAY).toISOString()) continue;
    // Asked last, right before deleting: a board someone opened on another process a moment ago stays.
    if ((await openElsewhere([board.id])).has(board.id)) continue;
    await deleteBoardAndWorkshop(storage, board);
    deleted.push(board.id);
  }
  return deleted;
}

/**
 * Deletes a board and everything that belongs to it (workshop, members, private notes, versions) and
 * then makes the deleted bytes unrecoverable from the store's files (`Storage.eraseDeleted`).
 */
export async function deleteBoardAndWorkshop(storage: Storage, board: { id: string; workshopId: string | null }): Promise<void> {
  // One transaction: a failure half-way leaves the workshop whole (and deletable again), never half.
  await storage.deleteBoard(board);
  await storage.eraseDeleted();
}
