import type { BoardVersionRecord, VersionStore } from '../outputs/types.js';
import type { TemplateStore } from '../templates/types.js';
import type { MemberRecord, NewWorkshopRecord, WorkshopState, WorkshopStore } from '../workshops/types.js';

/**
 * Where Y.Doc updates live. A "document" is any Y.Doc the server keeps (a board; later a participant's
 * private notes). Implementations: SqliteDocumentStore (embedded default); others must pass the same
 * contract suite (documentStore.contract.ts).
 */
export interface StoredDocument {
  /** The last compacted state, or null if never compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended after the snapshot, in append order. */
  updates: Uint8Array[];
  /** Sequence number of the last update (or of the snapshot's last update); 0 for an empty document. */
  lastSeq: number;
  /** Bytes stored for the document: snapshot plus pending updates. */
  bytes: number;
}

export interface DocumentStore {
  /**
   * Appends one update; when the promise resolves the update is on disk. Returns its sequence number.
   * Rejects with a StorageError (full / unavailable) when it could not be stored, and then nothing is:
   * a resolved append that is not durable loses edits that clients were already shown.
   */
  append(docId: string, update: Uint8Array): Promise<number>;
  /**
   * Appends several updates (of any documents) in one transaction with one flush to disk: all of them
   * or none. Resolves with their sequence numbers in the order given, growing; rejects with a
   * StorageError and stores nothing if the transaction could not commit. The group committer
   * (groupCommit.ts) uses it to write every append that waited while the previous commit was on disk.
   */
  appendBatch(entries: ReadonlyArray<{ docId: string; update: Uint8Array }>): Promise<number[]>;
  /** Everything needed to rebuild the document. An unknown id gives an empty document. */
  load(docId: string): Promise<StoredDocument>;
  /**
   * Replaces the snapshot and every update with seq ≤ `uptoSeq` by `snapshot`, atomically. Updates
   * appended after `uptoSeq` (while the snapshot was being made) are kept.
   *
   * `expectedRows`: how many rows with seq ≤ `uptoSeq` the caller read (and folded into `snapshot`).
   * If the store finds another number it changes nothing and rejects: in PostgreSQL a sequence number
   * is taken before its transaction commits, so a row with a lower seq can become visible after the
   * caller's read, and deleting it would lose an update nobody merged. Callers whose snapshot comes
   * from stored rows (several processes) pass it; one process's memory holds every row it appended.
   */
  compact(docId: string, snapshot: Uint8Array, uptoSeq: number, expectedRows?: number): Promise<void>;
  /** Removes the document and its history. */
  delete(docId: string): Promise<void>;
}

/** A board's catalogue entry (its content is the document with the same id). */
export interface BoardRecord {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  /** The workshop that owns the board (its members need a token), or null for an open board. */
  workshopId: string | null;
}

export interface BoardCatalog {
  create(record: { id: string; title: string; workshopId?: string | null }): Promise<BoardRecord>;
  get(id: string): Promise<BoardRecord | null>;
  /** Marks the board as changed now. */
  touch(id: string): Promise<void>;
  /** Boards not changed since `cutoff` (ISO time), oldest first. */
  listIdleSince(cutoff: string): Promise<BoardRecord[]>;
  delete(id: string): Promise<void>;
}

/** Everything a new workshop starts with, written together (see `StorageWrites.createWorkshop`). */
export interface WorkshopCreation {
  /** Its board (id `workshop.boardId`, title `workshop.title`) is created with it. */
  workshop: NewWorkshopRecord;
  /** The facilitator first, then (an import) the other members. */
  members: MemberRecord[];
  /** Initial content: the board's (a template, an import) and an import's private documents. */
  documents?: ReadonlyArray<{ docId: string; update: Uint8Array }>;
  /** Named versions of the board (an import). */
  versions?: readonly BoardVersionRecord[];
}

/**
 * Writes that belong together. Each is ONE transaction: when it resolves all of it is stored, when
 * it rejects none of it is (a crash or a full disk half-way leaves no workshop without a facilitator,
 * no half-imported backup, no half-deleted workshop).
 */
export interface StorageWrites {
  /** Creates a workshop with its board, members and initial content. */
  createWorkshop(creation: WorkshopCreation): Promise<void>;
  /**
   * Deletes a board with everything that belongs to it: its document, its named versions and, when a
   * workshop owns it, the workshop, its members and their private documents (`private:<board>:<member>`).
   * Call `eraseDeleted` after it.
   */
  deleteBoard(board: { id: string; workshopId: string | null }): Promise<void>;
  /**
   * Marks a member removed and stores the workshop's new state. With `expectedRevision` a number, only
   * if the stored state revision is still that (compare-and-set; null and nothing written otherwise);
   * with null, whatever it is. Resolves with the new state revision.
   */
  removeMember(change: { workshopId: string; memberId: string; expectedRevision: number | null; state: WorkshopState }): Promise<number | null>;
}

/** A storage backend: documents, the board catalogue, workshops, and its own shutdown. */
export interface Storage extends StorageWrites {
  documents: DocumentStore;
  boards: BoardCatalog;
  workshops: WorkshopStore;
  templates: TemplateStore;
  versions: VersionStore;
  /**
   * Makes what was deleted unrecoverable from the store's files (SQLite: secure_delete zeroes deleted
   * rows, this checkpoints and truncates the WAL, which still holds the old pages; PostgreSQL: VACUUM,
   * see PostgresStorage). Called after every erasure (workshop deletion, retention).
   */
  eraseDeleted(): Promise<void>;
  close(): Promise<void>;
}
