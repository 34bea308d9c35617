import { z } from 'zod';
import { boxFields, colorSchema, textSchema } from './common.js';

/** Free text on the board, without a background. */
export const textBoxSchema = z.object({
  ...boxFields,
  type: z.literal('text'),
  text: textSchema,
  fontSize: z.number().finite().min(6).max(400),
  color: colorSchema,
});
export type TextBox = z.infer<typeof textBoxSchema>;

export const textBoxDefaults = { width: 240, height: 40, fontSize: 24, color: 'dark', text: '' } as const;
