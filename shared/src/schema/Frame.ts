import { z } from 'zod';
import { boxFields, colorSchema } from './common.js';

/** A titled area. Elements whose `frameId` names it move with it. Frames do not nest. */
export const frameSchema = z.object({
  ...boxFields,
  type: z.literal('frame'),
  title: z.string().max(200),
  fill: colorSchema,
  /**
   * What the frame is for: a plain frame, a cluster of similar notes under a label, or the parking lot
   * (questions to come back to). Absent means a plain frame.
   */
  variant: z.enum(['frame', 'cluster', 'parking-lot']).optional(),
});
export type Frame = z.infer<typeof frameSchema>;

export const frameDefaults = { width: 800, height: 600, title: '', fill: 'white' } as const;
