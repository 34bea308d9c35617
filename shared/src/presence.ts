import { z } from 'zod';
import { MAX_SIZE, coordSchema } from './schema/common.js';

/**
 * Presence: what each client publishes through Yjs awareness (never stored). Cursor and viewport are
 * in board coordinates. Other clients' states are untrusted input: read them through `parsePresence`.
 */
export const presenceSchema = z.object({
  user: z.object({
    name: z.string().min(1).max(60),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  }),
  cursor: z.object({ x: coordSchema, y: coordSchema }).nullable(),
  selection: z.array(z.string().max(64)).max(10_000),
  viewport: z
    .object({ x: coordSchema, y: coordSchema, width: z.number().finite().positive(), height: z.number().finite().positive() })
    .nullable(),
  /**
   * Elements this person is dragging or resizing right now, with their provisional boxes, so others
   * see them move live; the document changes once, on release.
   */
  moving: z
    .array(z.object({ id: z.string().max(64), x: coordSchema, y: coordSchema, width: z.number().finite().positive().max(MAX_SIZE), height: z.number().finite().positive().max(MAX_SIZE) }))
    .max(200)
    .optional(),
});
export type Presence = z.infer<typeof presenceSchema>;

export function parsePresence(state: unknown): Presence | null {
  const parsed = presenceSchema.safeParse(state);
  return parsed.success ? parsed.data : null;
}

/** Cursor colours for people: saturated enough to see on white and on every note colour. */
export const PRESENCE_COLORS = ['#d7263d', '#1b998b', '#2e86ab', '#f46036', '#5b2a86', '#0b6e4f', '#c2185b', '#6d4c41'] as const;
