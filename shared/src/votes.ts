import { z } from 'zod';
import type * as Y from 'yjs';

/**
 * Revealed dot-vote results, written into the board document by the server at the reveal (never
 * before: ballots stay on the server). Clients draw them as badges; the update gate refuses any
 * client write to this root.
 */
const VOTES = 'votes';

export const voteResultSchema = z.object({
  id: z.string(),
  title: z.string(),
  revealedAt: z.number(),
  results: z.array(z.object({ elementId: z.string(), count: z.number().int().min(0) })),
});
export type VoteResult = z.infer<typeof voteResultSchema>;

export function writeVoteResult(doc: Y.Doc, result: VoteResult): void {
  doc.getMap(VOTES).set(result.id, result);
}

/** Every revealed vote on the board, oldest first. */
export function getVoteResults(doc: Y.Doc): VoteResult[] {
  const out: VoteResult[] = [];
  doc.getMap(VOTES).forEach((value) => {
    const parsed = voteResultSchema.safeParse(value);
    if (parsed.success) out.push(parsed.data);
  });
  return out.sort((a, b) => a.revealedAt - b.revealedAt);
}

export function observeVoteResults(doc: Y.Doc, listener: () => void): () => void {
  const map = doc.getMap(VOTES);
  map.observe(listener);
  return () => map.unobserve(listener);
}
