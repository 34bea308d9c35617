import { z } from 'zod';
import { boxFields, colorSchema } from './common.js';

/** A titled area. Elements whose `frameId` names it move with it. Frames do not nest. */
export const frameSchema = z.object({
  ...boxFields,
  type: z.literal('frame'),
  title: z.string().max(200),
  fill: colorSchema,
});
export type Frame = z.infer<typeof frameSchema>;

export const frameDefaults = { width: 800, height: 600, title: '', fill: 'white' } as const;
