import type Database from 'better-sqlite3';
import type { StorageWrites, WorkshopCreation } from './DocumentStore.js';
import { StorageError } from './StorageError.js';
import { privateDocRange } from './privateDocs.js';

/**
 * The writes that belong together (`StorageWrites`), each one better-sqlite3 transaction: synchronous,
 * so no other request's statements can run inside it (an async transaction on the one connection would
 * let them in, and a rollback would take their writes along).
 */
export function sqliteStorageWrites(db: Database.Database): StorageWrites {
  const q = {
    board: db.prepare<[string, string, string, string, string]>('INSERT INTO boards (id, title, created_at, updated_at, workshop_id) VALUES (?, ?, ?, ?, ?)'),
    workshop: db.prepare(
      `INSERT INTO workshops (id, board_id, title, language, join_code, observer_token, state, created_at, retention_days)
       VALUES (@id, @boardId, @title, @language, @joinCode, @observerToken, @state, @createdAt, @retentionDays)`,
    ),
    member: db.prepare('INSERT INTO members (id, workshop_id, role, name, token_hash, created_at, removed) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    append: db.prepare<[string, Buffer]>('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)'),
    version: db.prepare<[string, string, string, string, Buffer]>('INSERT INTO board_versions (id, board_id, name, created_at, data) VALUES (?, ?, ?, ?, ?)'),
    dropDoc: db.prepare<[string]>('DELETE FROM doc_updates WHERE doc_id = ?'),
    dropSnapshot: db.prepare<[string]>('DELETE FROM doc_snapshots WHERE doc_id = ?'),
    dropDocRange: db.prepare<[string, string]>('DELETE FROM doc_updates WHERE doc_id >= ? AND doc_id < ?'),
    dropSnapshotRange: db.prepare<[string, string]>('DELETE FROM doc_snapshots WHERE doc_id >= ? AND doc_id < ?'),
    dropVersions: db.prepare<[string]>('DELETE FROM board_versions WHERE board_id = ?'),
    dropMembers: db.prepare<[string]>('DELETE FROM members WHERE workshop_id = ?'),
    dropWorkshop: db.prepare<[string]>('DELETE FROM workshops WHERE id = ?'),
    dropBoard: db.prepare<[string]>('DELETE FROM boards WHERE id = ?'),
    saveState: db.prepare<[string, string]>('UPDATE workshops SET state = ?, state_revision = state_revision + 1 WHERE id = ?'),
    casState: db.prepare<[string, string, number]>('UPDATE workshops SET state = ?, state_revision = state_revision + 1 WHERE id = ? AND state_revision = ?'),
    revision: db.prepare<[string], { state_revision: number }>('SELECT state_revision FROM workshops WHERE id = ?'),
    removeMember: db.prepare<[string, string]>('UPDATE members SET removed = 1 WHERE id = ? AND workshop_id = ?'),
  };

  const createWorkshop = db.transaction(({ workshop: w, members, documents = [], versions = [] }: WorkshopCreation) => {
    const now = new Date().toISOString();
    q.board.run(w.boardId, w.title, now, now, w.id);
    q.workshop.run({ ...w, state: JSON.stringify(w.state) });
    for (const m of members) q.member.run(m.id, m.workshopId, m.role, m.name, m.tokenHash, m.createdAt, m.removed ? 1 : 0);
    for (const d of documents) {
      if (q.append.run(d.docId, Buffer.from(d.update)).changes !== 1) throw new StorageError('unavailable', new Error('append stored no row'));
    }
    for (const v of versions) q.version.run(v.id, v.boardId, v.name, v.createdAt, Buffer.from(v.state));
  });

  const deleteBoard = db.transaction((board: { id: string; workshopId: string | null }) => {
    const { from, to } = privateDocRange(board.id);
    q.dropDocRange.run(from, to);
    q.dropSnapshotRange.run(from, to);
    if (board.workshopId) {
      q.dropMembers.run(board.workshopId);
      q.dropWorkshop.run(board.workshopId);
    }
    q.dropVersions.run(board.id);
    q.dropDoc.run(board.id);
    q.dropSnapshot.run(board.id);
    q.dropBoard.run(board.id);
  });

  const removeMember = db.transaction((c: Parameters<StorageWrites['removeMember']>[0]): number | null => {
    const state = JSON.stringify(c.state);
    const written = c.expectedRevision === null ? q.saveState.run(state, c.workshopId) : q.casState.run(state, c.workshopId, c.expectedRevision);
    if (written.changes !== 1) return null;
    // Throwing rolls the state back too: no state change for a member who is not there.
    if (q.removeMember.run(c.memberId, c.workshopId).changes !== 1) throw new Error(`workshop ${c.workshopId} has no member ${c.memberId}`);
    return q.revision.get(c.workshopId)!.state_revision;
  });

  return {
    async createWorkshop(creation) {
      createWorkshop(creation);
    },
    async deleteBoard(board) {
      deleteBoard(board);
    },
    async removeMember(change) {
      return removeMember(change);
    },
  };
}
