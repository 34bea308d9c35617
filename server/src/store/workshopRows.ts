import type { Language } from '@sammen/shared';
import { migrateWorkshopState } from '../workshops/stateMigrations.js';
import type { MemberRecord, WorkshopRecord, WorkshopState } from '../workshops/types.js';

/**
 * The `workshops` and `members` rows as both stores read them, and their records. The drivers differ
 * only in types: PostgreSQL returns a bigint revision as a string and `removed` as a boolean, SQLite
 * numbers for both.
 */
export interface WorkshopRow {
  id: string;
  board_id: string;
  title: string;
  language: string;
  join_code: string | null;
  observer_token: string | null;
  state: string;
  state_revision: number | string;
  created_at: string;
  retention_days: number | null;
}
export interface MemberRow {
  id: string;
  workshop_id: string;
  role: string;
  name: string;
  token_hash: string;
  created_at: string;
  removed: number | boolean;
}

/**
 * Stored state is migrated on read (old rows stay as they are until the next save writes the current
 * version). A state from a newer server, or one that cannot be migrated, is an error naming the workshop.
 */
export function toWorkshop(r: WorkshopRow): WorkshopRecord {
  const migrated = migrateWorkshopState(JSON.parse(r.state));
  if (!migrated.ok) throw new Error(`workshop ${r.id}: stored state cannot be read: ${migrated.detail}`);
  return {
    id: r.id,
    boardId: r.board_id,
    title: r.title,
    language: r.language as Language,
    joinCode: r.join_code,
    observerToken: r.observer_token,
    state: migrated.value as unknown as WorkshopState,
    stateRevision: Number(r.state_revision),
    createdAt: r.created_at,
    retentionDays: r.retention_days,
  };
}

export const toMember = (r: MemberRow): MemberRecord => ({
  id: r.id,
  workshopId: r.workshop_id,
  role: r.role as MemberRecord['role'],
  name: r.name,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  removed: r.removed === true || r.removed === 1,
});
