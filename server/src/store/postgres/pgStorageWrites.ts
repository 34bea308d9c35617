import type pg from 'pg';
import type { StorageWrites } from '../DocumentStore.js';
import { privateDocRange } from '../privateDocs.js';
import { insertVersion } from './pgCatalogStores.js';
import { compareAndSetState, deleteWorkshopRows, insertMember, insertWorkshop } from './pgWorkshopStore.js';

/** The writes that belong together (`StorageWrites`), each in one PostgreSQL transaction. */
export function pgStorageWrites(inTransaction: <T>(run: (c: pg.PoolClient) => Promise<T>) => Promise<T>): StorageWrites {
  return {
    async createWorkshop({ workshop, members, documents = [], versions = [] }) {
      await inTransaction(async (c) => {
        const now = new Date().toISOString();
        await c.query('INSERT INTO boards (id, title, created_at, updated_at, workshop_id) VALUES ($1, $2, $3, $3, $4)', [workshop.boardId, workshop.title, now, workshop.id]);
        await insertWorkshop(c, workshop);
        for (const m of members) await insertMember(c, m);
        if (documents.length) {
          await c.query('INSERT INTO doc_updates (doc_id, data) SELECT d, u FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS t(d, u, n) ORDER BY n', [
            documents.map((d) => d.docId),
            documents.map((d) => Buffer.from(d.update)),
          ]);
        }
        for (const v of versions) await insertVersion(c, v);
      });
    },
    async deleteBoard(board) {
      await inTransaction(async (c) => {
        const { from, to } = privateDocRange(board.id);
        await c.query('DELETE FROM doc_updates WHERE doc_id >= $1 AND doc_id < $2', [from, to]);
        await c.query('DELETE FROM doc_snapshots WHERE doc_id >= $1 AND doc_id < $2', [from, to]);
        if (board.workshopId) await deleteWorkshopRows(c, board.workshopId);
        await c.query('DELETE FROM board_versions WHERE board_id = $1', [board.id]);
        await c.query('DELETE FROM doc_updates WHERE doc_id = $1', [board.id]);
        await c.query('DELETE FROM doc_snapshots WHERE doc_id = $1', [board.id]);
        await c.query('DELETE FROM boards WHERE id = $1', [board.id]);
      });
    },
    async removeMember({ workshopId, memberId, expectedRevision, state }) {
      return inTransaction(async (c) => {
        let revision: number | null;
        if (expectedRevision === null) {
          const { rows } = await c.query<{ state_revision: string }>(
            'UPDATE workshops SET state = $1, state_revision = state_revision + 1 WHERE id = $2 RETURNING state_revision',
            [JSON.stringify(state), workshopId],
          );
          revision = rows[0] ? Number(rows[0].state_revision) : null;
        } else {
          revision = await compareAndSetState(c, workshopId, expectedRevision, state);
        }
        if (revision === null) return null;
        const { rowCount } = await c.query('UPDATE members SET removed = true WHERE id = $1 AND workshop_id = $2', [memberId, workshopId]);
        // Throwing rolls the state back too: no state change for a member who is not there.
        if (rowCount !== 1) throw new Error(`workshop ${workshopId} has no member ${memberId}`);
        return revision;
      });
    },
  };
}
