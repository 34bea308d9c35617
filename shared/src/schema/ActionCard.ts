import { z } from 'zod';
import { boxFields, colorSchema, elementIdSchema } from './common.js';

/** Who takes an action on, as in the citizen conversation: citizens, associations, business, the municipality, politicians. */
export const ACTORS = ['citizen', 'association', 'business', 'municipality', 'politicians'] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * A row of the actions table: what we will do, who does it, the first step and when. It remembers
 * where it came from (the cluster or note it was made from) so that the report can trace every action
 * back to the notes and the vote behind it.
 */
export const actionCardSchema = z.object({
  ...boxFields,
  type: z.literal('action'),
  what: z.string().max(500),
  who: z.array(z.enum(ACTORS)).max(ACTORS.length),
  /** Named people or organisations, free text (e.g. "Grundejerforeningen"). */
  whoDetail: z.string().max(200),
  firstStep: z.string().max(500),
  when: z.string().max(100),
  sourceId: elementIdSchema.nullable(),
  color: colorSchema,
});
export type ActionCard = z.infer<typeof actionCardSchema>;

export const actionCardDefaults = { width: 420, height: 220, what: '', who: [], whoDetail: '', firstStep: '', when: '', sourceId: null, color: 'white' } as const;
