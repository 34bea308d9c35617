import type Database from 'better-sqlite3';
import type { MemberRecord, NewWorkshopRecord, WorkshopStore } from '../workshops/types.js';
import { type MemberRow, type WorkshopRow, toMember, toWorkshop } from './workshopRows.js';


/** Workshops and members in the embedded SQLite file (tables created by SqliteStorage's migrations). */
export function sqliteWorkshopStore(db: Database.Database): WorkshopStore {
  const cols = 'id, board_id, title, language, join_code, observer_token, state, state_revision, created_at, retention_days';
  const q = {
    insert: db.prepare(`INSERT INTO workshops (${cols.replace('state_revision, ', '')}) VALUES (@id, @board_id, @title, @language, @join_code, @observer_token, @state, @created_at, @retention_days)`),
    byId: db.prepare<[string], WorkshopRow>(`SELECT ${cols} FROM workshops WHERE id = ?`),
    byBoard: db.prepare<[string], WorkshopRow>(`SELECT ${cols} FROM workshops WHERE board_id = ?`),
    byCode: db.prepare<[string], WorkshopRow>(`SELECT ${cols} FROM workshops WHERE join_code = ?`),
    byObserver: db.prepare<[string], WorkshopRow>(`SELECT ${cols} FROM workshops WHERE observer_token = ?`),
    saveState: db.prepare<[string, string]>('UPDATE workshops SET state = ?, state_revision = state_revision + 1 WHERE id = ?'),
    casState: db.prepare<[string, string, number]>('UPDATE workshops SET state = ?, state_revision = state_revision + 1 WHERE id = ? AND state_revision = ?'),
    setCode: db.prepare<[string | null, string]>('UPDATE workshops SET join_code = ? WHERE id = ?'),
    setObserver: db.prepare<[string | null, string]>('UPDATE workshops SET observer_token = ? WHERE id = ?'),
    addMember: db.prepare(
      'INSERT INTO members (id, workshop_id, role, name, token_hash, created_at, removed) VALUES (@id, @workshop_id, @role, @name, @token_hash, @created_at, @removed)',
    ),
    memberByToken: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE token_hash = ?'),
    members: db.prepare<[string], MemberRow>('SELECT * FROM members WHERE workshop_id = ? ORDER BY created_at, id'),
    setRole: db.prepare<[string, string]>('UPDATE members SET role = ? WHERE id = ?'),
    setRemoved: db.prepare<[number, string]>('UPDATE members SET removed = ? WHERE id = ?'),
    deleteMembers: db.prepare<[string]>('DELETE FROM members WHERE workshop_id = ?'),
    deleteWorkshop: db.prepare<[string]>('DELETE FROM workshops WHERE id = ?'),
  };
  const deleteTx = db.transaction((id: string) => {
    q.deleteMembers.run(id);
    q.deleteWorkshop.run(id);
  });
  const memberParams = (m: MemberRecord) => ({
    id: m.id, workshop_id: m.workshopId, role: m.role, name: m.name, token_hash: m.tokenHash, created_at: m.createdAt, removed: m.removed ? 1 : 0,
  });
  const create = db.transaction((w: NewWorkshopRecord, f: MemberRecord) => {
    q.insert.run({
      id: w.id, board_id: w.boardId, title: w.title, language: w.language, join_code: w.joinCode,
      observer_token: w.observerToken, state: JSON.stringify(w.state), created_at: w.createdAt, retention_days: w.retentionDays,
    });
    q.addMember.run(memberParams(f));
  });

  return {
    async create(workshop, facilitator) {
      create(workshop, facilitator);
    },
    async get(id) {
      const r = q.byId.get(id);
      return r ? toWorkshop(r) : null;
    },
    async getByBoardId(boardId) {
      const r = q.byBoard.get(boardId);
      return r ? toWorkshop(r) : null;
    },
    async getByJoinCode(code) {
      const r = q.byCode.get(code);
      return r ? toWorkshop(r) : null;
    },
    async getByObserverToken(token) {
      const r = q.byObserver.get(token);
      return r ? toWorkshop(r) : null;
    },
    async saveState(id, state) {
      q.saveState.run(JSON.stringify(state), id);
    },
    async compareAndSetState(id, expectedRevision, state) {
      // One statement: SQLite runs it atomically, so two writers with the same expected revision
      // cannot both succeed.
      const { changes } = q.casState.run(JSON.stringify(state), id, expectedRevision);
      return changes === 1 ? expectedRevision + 1 : null;
    },
    async setLinks(id, links) {
      if (links.joinCode !== undefined) q.setCode.run(links.joinCode, id);
      if (links.observerToken !== undefined) q.setObserver.run(links.observerToken, id);
    },
    async addMember(member) {
      q.addMember.run(memberParams(member));
    },
    async getMemberByTokenHash(hash) {
      const r = q.memberByToken.get(hash);
      return r ? toMember(r) : null;
    },
    async listMembers(workshopId) {
      return q.members.all(workshopId).map(toMember);
    },
    async updateMember(id, change) {
      if (change.role) q.setRole.run(change.role, id);
      if (change.removed !== undefined) q.setRemoved.run(change.removed ? 1 : 0, id);
    },
    async delete(id) {
      deleteTx(id);
    },
  };
}
