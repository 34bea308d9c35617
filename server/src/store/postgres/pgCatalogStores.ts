import type pg from 'pg';
import { type Template, parseTemplate } from '@sammen/shared';
import type { BoardVersionRecord, VersionStore } from '../../outputs/types.js';
import type { SavedTemplateRecord, TemplateStore } from '../../templates/types.js';
import type { Queryable } from './pgWorkshopStore.js';

interface TemplateRow {
  id: string;
  owner_key_hash: string;
  data: string;
  created_at: string;
  updated_at: string;
}
/** Saved templates are migrated on read, as in SQLite (`sqliteTemplateStore.ts`). */
function toTemplateRecord(r: TemplateRow): SavedTemplateRecord {
  const parsed = parseTemplate(JSON.parse(r.data));
  if (!parsed.ok) throw new Error(`saved template ${r.id} cannot be read: ${parsed.message}`);
  return { id: r.id, ownerKeyHash: r.owner_key_hash, template: parsed.value as Template, createdAt: r.created_at, updatedAt: r.updated_at };
}

/** Saved templates in PostgreSQL. */
export function pgTemplateStore(pool: pg.Pool): TemplateStore {
  return {
    async save(r) {
      await pool.query('INSERT INTO templates (id, owner_key_hash, data, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)', [
        r.id, r.ownerKeyHash, JSON.stringify(r.template), r.createdAt, r.updatedAt,
      ]);
    },
    async get(id) {
      const { rows } = await pool.query<TemplateRow>('SELECT * FROM templates WHERE id = $1', [id]);
      return rows[0] ? toTemplateRecord(rows[0]) : null;
    },
    async list() {
      const { rows } = await pool.query<TemplateRow>('SELECT * FROM templates ORDER BY created_at, id');
      return rows.map(toTemplateRecord);
    },
    async update(id, template) {
      await pool.query('UPDATE templates SET data = $1, updated_at = $2 WHERE id = $3', [JSON.stringify(template), new Date().toISOString(), id]);
    },
    async delete(id) {
      await pool.query('DELETE FROM templates WHERE id = $1', [id]);
    },
  };
}

interface VersionRow {
  id: string;
  board_id: string;
  name: string;
  created_at: string;
  data: Buffer;
}
const toVersion = (r: VersionRow): BoardVersionRecord => ({ id: r.id, boardId: r.board_id, name: r.name, createdAt: r.created_at, state: new Uint8Array(r.data) });

export async function insertVersion(db: Queryable, v: BoardVersionRecord): Promise<void> {
  await db.query('INSERT INTO board_versions (id, board_id, name, created_at, data) VALUES ($1, $2, $3, $4, $5)', [
    v.id, v.boardId, v.name, v.createdAt, Buffer.from(v.state),
  ]);
}

/** Named versions of boards in PostgreSQL. */
export function pgVersionStore(pool: pg.Pool): VersionStore {
  return {
    save: (v) => insertVersion(pool, v),
    async list(boardId) {
      const { rows } = await pool.query<VersionRow>('SELECT * FROM board_versions WHERE board_id = $1 ORDER BY created_at, id', [boardId]);
      return rows.map(toVersion);
    },
    async get(id) {
      const { rows } = await pool.query<VersionRow>('SELECT * FROM board_versions WHERE id = $1', [id]);
      return rows[0] ? toVersion(rows[0]) : null;
    },
    async deleteForBoard(boardId) {
      await pool.query('DELETE FROM board_versions WHERE board_id = $1', [boardId]);
    },
  };
}
