import * as Y from 'yjs';
import type { DocumentStore } from '../store/DocumentStore.js';
import type { RoomManager } from '../sync/RoomManager.js';

/**
 * How the workshop service reads and changes documents: through the loaded room (so connected
 * clients see the change), releasing it afterwards so an unwatched room can idle out.
 */
export class ServerDocs {
  constructor(private readonly deps: { documents: DocumentStore; rooms: RoomManager }) {}

  /** Whether anything was ever stored for the document (without loading a room for it). */
  async exists(docId: string): Promise<boolean> {
    const stored = await this.deps.documents.load(docId);
    return stored.snapshot !== null || stored.updates.length > 0;
  }

  /** Reads the document with every message its room received before this call (Room.read). */
  async read<T>(docId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.deps.rooms.get(docId);
    try {
      return await room.read(read);
    } finally {
      this.deps.rooms.release(room);
    }
  }

  /**
   * A server-made change: stored first, then applied and broadcast; resolves once everyone may see it.
   * Rejects with a StorageError (and nothing changed) if it could not be stored.
   */
  async edit(docId: string, edit: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.deps.rooms.get(docId);
    try {
      await room.applyServerChange(edit);
    } finally {
      this.deps.rooms.release(room);
    }
  }

  /** Waits until everything applied to a loaded document is stored. */
  async flush(docId: string): Promise<void> {
    if (!this.deps.rooms.loadedIds().includes(docId)) return;
    const room = await this.deps.rooms.get(docId);
    await room.flush();
    this.deps.rooms.release(room);
  }

  state(docId: string): Promise<Uint8Array> {
    return this.read(docId, (doc) => Y.encodeStateAsUpdate(doc));
  }
}
