import type Database from 'better-sqlite3';
import type { BoardVersionRecord, VersionStore } from '../outputs/types.js';

interface Row {
  id: string;
  board_id: string;
  name: string;
  created_at: string;
  data: Buffer;
}
const toRecord = (r: Row): BoardVersionRecord => ({ id: r.id, boardId: r.board_id, name: r.name, createdAt: r.created_at, state: new Uint8Array(r.data) });

/** Named versions of boards in the embedded SQLite file. */
export function sqliteVersionStore(db: Database.Database): VersionStore {
  const q = {
    insert: db.prepare<[string, string, string, string, Buffer]>('INSERT INTO board_versions (id, board_id, name, created_at, data) VALUES (?, ?, ?, ?, ?)'),
    list: db.prepare<[string], Row>('SELECT * FROM board_versions WHERE board_id = ? ORDER BY created_at, id'),
    get: db.prepare<[string], Row>('SELECT * FROM board_versions WHERE id = ?'),
    deleteForBoard: db.prepare<[string]>('DELETE FROM board_versions WHERE board_id = ?'),
  };
  return {
    async save(v) {
      q.insert.run(v.id, v.boardId, v.name, v.createdAt, Buffer.from(v.state));
    },
    async list(boardId) {
      return q.list.all(boardId).map(toRecord);
    },
    async get(id) {
      const row = q.get.get(id);
      return row ? toRecord(row) : null;
    },
    async deleteForBoard(boardId) {
      q.deleteForBoard.run(boardId);
    },
  };
}
