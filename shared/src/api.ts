import { z } from 'zod';

/** `POST /api/boards` body. */
export const createBoardBodySchema = z.object({
  title: z.string().trim().min(1).max(200),
});
export type CreateBoardBody = z.infer<typeof createBoardBodySchema>;

/** A board's metadata as `GET /api/boards/:id` returns it. */
export interface BoardMetadata {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** The workshop the board belongs to (its members need a token), or null for an open board. */
  workshopId: string | null;
}
