import { describe, expect, it } from 'vitest';
import { checkSequence } from '@sammen/shared';
import { WORKSHOP_STATE_VERSION, migrateWorkshopState, workshopStateMigrations } from './stateMigrations.js';
import { workshopStateSchema } from './stateSchema.js';
import { initialWorkshopState } from './types.js';

/** Workshop state as servers stored it before it had a version (v1). */
const { version: _v, stepRuns: _r, runsRecorded: _rr, place: _p, question: _q, opinion: _o, pastOpinions: _po, ...fresh } = initialWorkshopState();
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
    expect(migrated).toMatchObject({ ok: true, from: 1, to: WORKSHOP_STATE_VERSION });
    if (!migrated.ok) throw new Error(migrated.detail);
    expect((migrated.value.agenda as unknown[])[0]).toEqual({ id: 's1', title: 'Velkommen', participantText: '', facilitatorNotes: 'Byd alle velkommen.', minutes: 5, frameId: null, level: 'inform', promise: '', private: false });
  });

  it('v2 → v3 adds empty step runs marked as not recorded, and an empty place and question', () => {
    const migrated = migrateWorkshopState({ ...fresh, version: 2 });
    if (!migrated.ok) throw new Error(migrated.detail);
    expect(migrated.value).toMatchObject({ version: WORKSHOP_STATE_VERSION, stepRuns: {}, runsRecorded: false, place: '', question: '' });
    // A workshop made now records runs from its start.
    expect(initialWorkshopState().runsRecorded).toBe(true);
  });

  it('v3 → v4 adds no opinion round and no past rounds', () => {
    const migrated = migrateWorkshopState({ ...fresh, version: 3, stepRuns: {}, runsRecorded: true, place: 'Rådhuset', question: '' });
    if (!migrated.ok) throw new Error(migrated.detail);
    expect(migrated.value).toMatchObject({ version: WORKSHOP_STATE_VERSION, opinion: null, pastOpinions: [], place: 'Rådhuset' });
    expect(workshopStateSchema.safeParse({ ...fresh, version: 3, stepRuns: {}, runsRecorded: true, place: '', question: '' }).success).toBe(true);
  });

  it('the state schema (backups) accepts v1, v2 and v3 and refuses a newer state', () => {
    expect(workshopStateSchema.safeParse(v1).success).toBe(true);
    expect(workshopStateSchema.safeParse(initialWorkshopState()).success).toBe(true);
    expect(workshopStateSchema.safeParse({ ...initialWorkshopState(), version: WORKSHOP_STATE_VERSION + 1 }).success).toBe(false);
  });
});
