/**
 * The workshop's links as the facilitator hands them out (token links: `tokenLink` in ../tokens.ts).
 */

/** A join code grouped 3 + 3 for reading aloud ("KMT 4QX"); other lengths are left as they are. */
export const groupJoinCode = (code: string): string => (code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code);

export const participantLink = (origin: string, joinCode: string): string => `${origin}/join/${encodeURIComponent(joinCode)}`;

/** The link without its scheme, for printing large (people type what they see). */
export const displayLink = (link: string): string => link.replace(/^https?:\/\//, '');
