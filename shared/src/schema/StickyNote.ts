import { z } from 'zod';
import { boxFields, colorSchema, textSchema } from './common.js';

/** A sticky note: the unit of a workshop. Its text is a Y.Text in the document, so two people can type at once. */
export const stickyNoteSchema = z.object({
  ...boxFields,
  type: z.literal('note'),
  color: colorSchema,
  text: textSchema,
  /** The signed author's display name, set when private notes are revealed "named"; absent = anonymous. */
  author: z.string().max(40).optional(),
});
export type StickyNote = z.infer<typeof stickyNoteSchema>;

export const NOTE_SIZE = 200;
export const stickyNoteDefaults = { width: NOTE_SIZE, height: NOTE_SIZE, color: 'yellow', text: '' } as const;
