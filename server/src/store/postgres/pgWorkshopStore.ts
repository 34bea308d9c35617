import type pg from 'pg';
import type { MemberRecord, NewWorkshopRecord, WorkshopRecord, WorkshopState, WorkshopStore } from '../../workshops/types.js';
import { type MemberRow, type WorkshopRow, toMember, toWorkshop } from '../workshopRows.js';

/** A pool, or one client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

const COLS = 'id, board_id, title, language, join_code, observer_token, state, state_revision, created_at, retention_days';

export async function insertWorkshop(db: Queryable, w: NewWorkshopRecord): Promise<void> {
  await db.query(
    `INSERT INTO workshops (id, board_id, title, language, join_code, observer_token, state, created_at, retention_days)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [w.id, w.boardId, w.title, w.language, w.joinCode, w.observerToken, JSON.stringify(w.state), w.createdAt, w.retentionDays],
  );
}
export async function insertMember(db: Queryable, m: MemberRecord): Promise<void> {
  await db.query(
    'INSERT INTO members (id, workshop_id, role, name, token_hash, created_at, removed) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [m.id, m.workshopId, m.role, m.name, m.tokenHash, m.createdAt, m.removed],
  );
}
/** One conditional UPDATE: of two writers expecting the same revision only one matches the row. */
export async function compareAndSetState(db: Queryable, id: string, expectedRevision: number, state: WorkshopState): Promise<number | null> {
  const { rows } = await db.query<{ state_revision: string }>(
    'UPDATE workshops SET state = $1, state_revision = state_revision + 1 WHERE id = $2 AND state_revision = $3 RETURNING state_revision',
    [JSON.stringify(state), id, expectedRevision],
  );
  return rows[0] ? Number(rows[0].state_revision) : null;
}
export async function deleteWorkshopRows(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM members WHERE workshop_id = $1', [id]);
  await db.query('DELETE FROM workshops WHERE id = $1', [id]);
}

/**
 * Workshops and members in PostgreSQL. `inTransaction` runs a function on one client between BEGIN
 * and COMMIT (rolled back if it throws).
 */
export function pgWorkshopStore(pool: pg.Pool, inTransaction: <T>(run: (c: pg.PoolClient) => Promise<T>) => Promise<T>): WorkshopStore {
  const one = async (where: string, value: string): Promise<WorkshopRecord | null> => {
    const { rows } = await pool.query<WorkshopRow>(`SELECT ${COLS} FROM workshops WHERE ${where} = $1`, [value]);
    return rows[0] ? toWorkshop(rows[0]) : null;
  };
  return {
    async create(workshop, facilitator) {
      await inTransaction(async (c) => {
        await insertWorkshop(c, workshop);
        await insertMember(c, facilitator);
      });
    },
    get: (id) => one('id', id),
    getByBoardId: (boardId) => one('board_id', boardId),
    getByJoinCode: (code) => one('join_code', code),
    getByObserverToken: (token) => one('observer_token', token),
    async saveState(id, state) {
      await pool.query('UPDATE workshops SET state = $1, state_revision = state_revision + 1 WHERE id = $2', [JSON.stringify(state), id]);
    },
    compareAndSetState: (id, expectedRevision, state) => compareAndSetState(pool, id, expectedRevision, state),
    async setLinks(id, links) {
      // One statement, so a renewal of both links is never half done.
      await pool.query(
        `UPDATE workshops SET
           join_code = CASE WHEN $2 THEN $3 ELSE join_code END,
           observer_token = CASE WHEN $4 THEN $5 ELSE observer_token END
         WHERE id = $1`,
        [id, links.joinCode !== undefined, links.joinCode ?? null, links.observerToken !== undefined, links.observerToken ?? null],
      );
    },
    addMember: (member) => insertMember(pool, member),
    async getMemberByTokenHash(hash) {
      const { rows } = await pool.query<MemberRow>('SELECT * FROM members WHERE token_hash = $1', [hash]);
      return rows[0] ? toMember(rows[0]) : null;
    },
    async listMembers(workshopId) {
      const { rows } = await pool.query<MemberRow>('SELECT * FROM members WHERE workshop_id = $1 ORDER BY created_at, id', [workshopId]);
      return rows.map(toMember);
    },
    async updateMember(id, change) {
      await pool.query(
        'UPDATE members SET role = COALESCE($2, role), removed = COALESCE($3, removed) WHERE id = $1',
        [id, change.role ?? null, change.removed ?? null],
      );
    },
    async delete(id) {
      await inTransaction((c) => deleteWorkshopRows(c, id));
    },
  };
}
