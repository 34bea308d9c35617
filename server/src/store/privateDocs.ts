/**
 * The id range of a board's private documents (`private:<boardId>:<memberId>`, see
 * workshops/reveal.ts): `from ≤ docId < to` in byte order, which both stores use for document ids
 * (SQLite's BINARY collation, PostgreSQL's COLLATE "C"), so the document index serves the range.
 */
export function privateDocRange(boardId: string): { from: string; to: string } {
  return { from: `private:${boardId}:`, to: `private:${boardId};` };
}
