import { z } from 'zod';
import { baseFields, colorSchema, coordSchema, elementIdSchema } from './common.js';

/** One end of a connector: attached to an element (it follows it) or free at a point. */
export const endpointSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('element'), elementId: elementIdSchema }),
  z.object({ kind: z.literal('point'), x: coordSchema, y: coordSchema }),
]);
export type Endpoint = z.infer<typeof endpointSchema>;

/** An arrow from `start` to `end`. Its geometry is derived from its endpoints, never stored twice. */
export const connectorSchema = z.object({
  ...baseFields,
  type: z.literal('arrow'),
  start: endpointSchema,
  end: endpointSchema,
  color: colorSchema,
});
export type Connector = z.infer<typeof connectorSchema>;

export const connectorDefaults = { color: 'dark' } as const;
