import { z } from 'zod';
import { OPINION_MARKS, OPINION_MAX_STATEMENTS, OPINION_STATEMENT_MAX_CHARS, ROLE_KINDS, ROLE_SCALE_IDS, type RoleScaleId, agendaSchema, opinionResultSchema, roleResultSchema } from '@sammen/shared';
import { ROLE_MAX_MARKERS } from './roleRound.js';
import { SUGGESTIONS_IN_ALL } from './opinionRound.js';
import { WORKSHOP_STATE_VERSION, migrateWorkshopState } from './stateMigrations.js';

/** WorkshopState as data from outside (a backup file): every field checked before it is trusted. */
const viewportSchema = z.object({ x: z.number().finite(), y: z.number().finite(), width: z.number().positive(), height: z.number().positive() });
const resultsSchema = z.array(z.object({ elementId: z.string(), count: z.number().int().min(0) }));
export const voteRecordSchema = z.object({
  id: z.string().max(40),
  title: z.string().max(200),
  status: z.enum(['open', 'closed', 'revealed']),
  elementIds: z.array(z.string().max(64)).max(2000),
  dotsPerPerson: z.number().int().min(1).max(50),
  allowMultiplePerElement: z.boolean(),
  ballots: z.record(z.string().max(40), z.array(z.string().max(64)).max(50)),
  results: resultsSchema.nullable(),
  startedAt: z.number(),
  revealedAt: z.number().nullable(),
  stepId: z.string().max(40).nullable().optional(),
});
const opinionRecordSchema = z.object({
  id: z.string().max(40),
  title: z.string().max(200),
  status: z.enum(['open', 'revealed']),
  frameId: z.string().max(64).nullable(),
  statements: z.array(z.object({ id: z.string().max(40), text: z.string().max(20_000), elementId: z.string().max(64).nullable() })).max(OPINION_MAX_STATEMENTS),
  suggestions: z.array(z.object({ id: z.string().max(40), memberId: z.string().max(40), text: z.string().max(OPINION_STATEMENT_MAX_CHARS), at: z.number() })).max(SUGGESTIONS_IN_ALL),
  marks: z.record(z.string().max(40), z.record(z.string().max(40), z.enum(OPINION_MARKS))),
  startedAt: z.number(),
  revealedAt: z.number().nullable(),
  stepId: z.string().max(40).nullable(),
  result: opinionResultSchema.nullable(),
});
const roleRoundRecordSchema = z.object({
  id: z.string().max(40),
  status: z.enum(['open', 'revealed']),
  markers: z
    .array(
      z.object({
        id: z.string().max(40),
        owner: z.string().max(40),
        scale: z.enum(ROLE_SCALE_IDS as [RoleScaleId, ...RoleScaleId[]]),
        row: z.string().max(40),
        kind: z.enum(ROLE_KINDS),
        column: z.number().int().min(0).max(2),
      }),
    )
    .max(ROLE_MAX_MARKERS),
  startedAt: z.number(),
  revealedAt: z.number().nullable(),
  stepId: z.string().max(40).nullable(),
  result: roleResultSchema.nullable(),
});
const currentStateSchema = z.object({
  version: z.literal(WORKSHOP_STATE_VERSION),
  agenda: agendaSchema,
  current: z.number().int().min(0),
  timer: z.object({
    status: z.enum(['idle', 'running', 'paused']),
    endsAt: z.number().nullable(),
    remainingMs: z.number().min(0),
    durationMs: z.number().min(0),
  }),
  follow: z.object({ active: z.boolean(), leaderId: z.string().nullable(), viewport: viewportSchema.nullable() }),
  locks: z.object({ board: z.boolean(), frames: z.array(z.object({ frameId: z.string(), contents: z.boolean() })) }),
  // endedBy: how the last private round ended (absent in states stored before it was kept, and while
  // a round runs): a note that reaches a private document after a reveal is revealed too (reveal.ts).
  private: z.object({ active: z.boolean(), reveal: z.enum(['anonymous', 'named']), endedBy: z.enum(['reveal', 'stop']).optional() }),
  vote: voteRecordSchema.nullable(),
  pastVotes: z.array(voteRecordSchema),
  hands: z.array(z.object({ memberId: z.string(), at: z.number() })),
  reveals: z.array(z.object({ at: z.number(), stepIndex: z.number().int(), notes: z.number().int(), mode: z.enum(['anonymous', 'named']) })),
  stepRuns: z.record(z.string().max(40), z.array(z.object({ start: z.number(), end: z.number().nullable() })).max(1000)),
  runsRecorded: z.boolean(),
  place: z.string().max(200),
  question: z.string().max(500),
  opinion: opinionRecordSchema.nullable(),
  pastOpinions: z.array(opinionRecordSchema).max(200),
  roleRound: roleRoundRecordSchema.nullable(),
  pastRoleRounds: z.array(roleRoundRecordSchema).max(200),
});

/**
 * State of any known version: migrated first, then checked. A state that cannot be migrated is
 * passed on as it is, so the version check names what is wrong.
 */
export const workshopStateSchema = z.preprocess((data) => {
  const migrated = migrateWorkshopState(data);
  return migrated.ok ? migrated.value : data;
}, currentStateSchema);
