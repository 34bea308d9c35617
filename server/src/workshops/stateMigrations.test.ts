import { describe, expect, it } from 'vitest';
import { checkSequence } from '@sammen/shared';
import { WORKSHOP_STATE_VERSION, migrateWorkshopState, workshopStateMigrations } from './stateMigrations.js';
import { workshopStateSchema } from './stateSchema.js';
import { initialWorkshopState } from './types.js';

/** Workshop state as servers stored it before it had a version (v1). */
const { version: _v, ...fresh } = initialWorkshopState();
const v1 = {
  ...fresh,
  agenda: [{ id: 's1', title: 'Velkommen', instructions: 'Byd alle velkommen.', minutes: 5, frameId: null, level: 'inform', promise: '', private: false }],
};

describe('workshop state migrations', () => {
  it('are ordered and namespaced; new state is written at the current version', () => {
    expect(checkSequence(workshopStateMigrations)).toEqual([]);
    expect(initialWorkshopState().version).toBe(WORKSHOP_STATE_VERSION);
  });

  it('v1 → v2 moves each step’s instructions into facilitatorNotes and leaves participantText empty', () => {
    const migrated = migrateWorkshopState(v1);
    expect(migrated).toMatchObject({ ok: true, from: 1, to: 2 });
    if (!migrated.ok) throw new Error(migrated.detail);
    expect((migrated.value.agenda as unknown[])[0]).toEqual({ id: 's1', title: 'Velkommen', participantText: '', facilitatorNotes: 'Byd alle velkommen.', minutes: 5, frameId: null, level: 'inform', promise: '', private: false });
  });

  it('the state schema (backups) accepts v1 and v2 and refuses a newer state', () => {
    expect(workshopStateSchema.safeParse(v1).success).toBe(true);
    expect(workshopStateSchema.safeParse(initialWorkshopState()).success).toBe(true);
    expect(workshopStateSchema.safeParse({ ...initialWorkshopState(), version: 3 }).success).toBe(false);
  });
});
