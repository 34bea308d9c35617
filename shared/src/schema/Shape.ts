import { z } from 'zod';
import { boxFields, colorSchema, textSchema } from './common.js';

export const SHAPE_KINDS = ['rect', 'ellipse'] as const;
export type ShapeKind = (typeof SHAPE_KINDS)[number];

/** A rectangle or ellipse, with an optional label. */
export const shapeSchema = z.object({
  ...boxFields,
  type: z.literal('shape'),
  kind: z.enum(SHAPE_KINDS),
  fill: colorSchema,
  text: textSchema,
});
export type Shape = z.infer<typeof shapeSchema>;

export const shapeDefaults = { width: 200, height: 140, fill: 'blue', text: '' } as const;
