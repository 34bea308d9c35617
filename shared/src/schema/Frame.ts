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
   * (questions to come back to), or the innovation lab's portfolio (arranges the project cards it
   * holds by phase × area, see portfolio.ts). Absent means a plain frame.
   */
  variant: z.enum(['frame', 'cluster', 'parking-lot', 'portfolio']).optional(),
  /** A portfolio's rows: area keys or names, in order; absent = the four areas of the sources. */
  areas: z.array(z.string().min(1).max(80)).max(12).optional(),
});
export type Frame = z.infer<typeof frameSchema>;

export const frameDefaults = { width: 800, height: 600, title: '', fill: 'white' } as const;
