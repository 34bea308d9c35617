/** A named version of a board: its whole Yjs state at that moment ("after the vote"). */
export interface BoardVersionRecord {
  id: string;
  boardId: string;
  name: string;
  createdAt: string;
  state: Uint8Array;
}

export interface VersionStore {
  save(version: BoardVersionRecord): Promise<void>;
  /** Oldest first. */
  list(boardId: string): Promise<BoardVersionRecord[]>;
  get(id: string): Promise<BoardVersionRecord | null>;
  deleteForBoard(boardId: string): Promise<void>;
}
