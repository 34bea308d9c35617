import type Database from 'better-sqlite3';
import { type Template, parseTemplate } from '@sammen/shared';
import type { SavedTemplateRecord, TemplateStore } from '../templates/types.js';

interface Row {
  id: string;
  owner_key_hash: string;
  data: string;
  created_at: string;
  updated_at: string;
}
/** Saved templates are migrated on read, so one saved by an older Sammen opens as the current version. */
function readTemplate(r: Row): Template {
  const parsed = parseTemplate(JSON.parse(r.data));
  if (!parsed.ok) throw new Error(`saved template ${r.id} cannot be read: ${parsed.message}`);
  return parsed.value;
}
const toRecord = (r: Row): SavedTemplateRecord => ({
  id: r.id,
  ownerKeyHash: r.owner_key_hash,
  template: readTemplate(r),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Saved templates in the embedded SQLite file (table made by SqliteStorage's migrations). */
export function sqliteTemplateStore(db: Database.Database): TemplateStore {
  const q = {
    insert: db.prepare<[string, string, string, string, string]>(
      'INSERT INTO templates (id, owner_key_hash, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    ),
    get: db.prepare<[string], Row>('SELECT * FROM templates WHERE id = ?'),
    list: db.prepare<[], Row>('SELECT * FROM templates ORDER BY created_at, id'),
    update: db.prepare<[string, string, string]>('UPDATE templates SET data = ?, updated_at = ? WHERE id = ?'),
    delete: db.prepare<[string]>('DELETE FROM templates WHERE id = ?'),
  };
  return {
    async save(r) {
      q.insert.run(r.id, r.ownerKeyHash, JSON.stringify(r.template), r.createdAt, r.updatedAt);
    },
    async get(id) {
      const row = q.get.get(id);
      return row ? toRecord(row) : null;
    },
    async list() {
      return q.list.all().map(toRecord);
    },
    async update(id, template) {
      q.update.run(JSON.stringify(template), new Date().toISOString(), id);
    },
    async delete(id) {
      q.delete.run(id);
    },
  };
}
