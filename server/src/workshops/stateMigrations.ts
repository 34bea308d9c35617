import { type JsonRecord, type MigrationSequence, currentVersion, migrateRecord } from '@sammen/shared';

const isObject = (v: unknown): v is JsonRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Versions of the workshop state the server stores as JSON (and writes into backups). A state
 * without `version` is version 1. Append at the end only; each `up` is pure.
 * - 2: agenda steps' `instructions` become `facilitatorNotes`, with an empty `participantText`
 *   (the same rule as template files, see `templateMigrations`).
 * - 3: `stepRuns` (when each step ran), `runsRecorded` (false: held before runs were recorded, so the
 *   report says "not recorded" rather than "not run"), `place` and `question` (empty).
 * - 4: `opinion` (the opinion round, none) and `pastOpinions` (empty).
 * - 5: `roleRound` (the politician's role self-assessment, none) and `pastRoleRounds` (empty).
 */
export const workshopStateMigrations: MigrationSequence = {
  id: 'com.sammen.workshopState',
  versionKey: 'version',
  migrations: [
    {
      id: 'com.sammen.workshopState/2_participant_text',
      to: 2,
      up: (state) => ({
        ...state,
        agenda: Array.isArray(state.agenda)
          ? state.agenda.map((step: unknown) => {
              if (!isObject(step)) return step;
              const { instructions, ...rest } = step;
              return { ...rest, participantText: '', facilitatorNotes: typeof instructions === 'string' ? instructions : '' };
            })
          : state.agenda,
      }),
    },
    {
      id: 'com.sammen.workshopState/3_step_runs',
      to: 3,
      up: (state) => ({ ...state, stepRuns: {}, runsRecorded: false, place: '', question: '' }),
    },
    {
      id: 'com.sammen.workshopState/4_opinion_rounds',
      to: 4,
      up: (state) => ({ ...state, opinion: null, pastOpinions: [] }),
    },
    {
      id: 'com.sammen.workshopState/5_role_rounds',
      to: 5,
      up: (state) => ({ ...state, roleRound: null, pastRoleRounds: [] }),
    },
  ],
};

export const WORKSHOP_STATE_VERSION = currentVersion(workshopStateMigrations);

/** Stored or imported state of any known version, brought up to the current one (not yet validated). */
export const migrateWorkshopState = (data: unknown) => migrateRecord(workshopStateMigrations, data);
