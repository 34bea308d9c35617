import type { MemberRecord, WorkshopRecord, WorkshopStore } from './types.js';

/** A workshop as this process holds it: the record (with its state revision) and its members. */
export interface Loaded {
  workshop: WorkshopRecord;
  members: MemberRecord[];
}

/**
 * This process's copies of workshops, for the update gate (which must answer synchronously) and the
 * views. The store is the truth: several processes change it, each by compare-and-set on the state's
 * revision, and tell the others to `refresh`. A read that raced a newer change never replaces it: the
 * record with the higher revision stays, members are merged (a removal is never undone by an old read,
 * and a member who just joined is not dropped by a read that started before).
 */
export class WorkshopCache {
  private readonly entries = new Map<string, Loaded>();
  private readonly refreshing = new Map<string, { running: Promise<void>; again: boolean }>();

  constructor(private readonly store: WorkshopStore) {}

  /** The cached copy, if any (synchronous, for the gate). */
  peek(workshopId: string): Loaded | undefined {
    return this.entries.get(workshopId);
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  /** The cached copy, or the stored one (then cached). */
  async load(workshopId: string): Promise<Loaded | null> {
    return this.entries.get(workshopId) ?? this.read(workshopId);
  }

  /** Reads the workshop from the store now and keeps it (unless the cache already has newer). */
  async read(workshopId: string): Promise<Loaded | null> {
    const workshop = await this.store.get(workshopId);
    if (!workshop) return null;
    const members = await this.store.listMembers(workshopId);
    return this.keep({ workshop, members });
  }

  /** Puts `candidate` in the cache by the rules above; returns what the cache holds now. */
  keep(candidate: Loaded): Loaded {
    const id = candidate.workshop.id;
    const current = this.entries.get(id);
    if (!current) {
      this.entries.set(id, candidate);
      return candidate;
    }
    const workshop = candidate.workshop.stateRevision >= current.workshop.stateRevision ? candidate.workshop : current.workshop;
    const known = new Map(current.members.map((m) => [m.id, m]));
    const members = candidate.members.map((m) => ({ ...m, removed: m.removed || (known.get(m.id)?.removed ?? false) }));
    const fresh = new Set(members.map((m) => m.id));
    for (const m of current.members) if (!fresh.has(m.id)) members.push(m);
    const merged = { workshop, members };
    this.entries.set(id, merged);
    return merged;
  }

  forget(workshopId: string): void {
    this.entries.delete(workshopId);
  }

  /**
   * Re-reads a cached workshop (another process changed it). Bursts coalesce: while one read runs,
   * any number of further calls cause one more read after it, never a queue of them.
   */
  refresh(workshopId: string): Promise<void> {
    if (!this.entries.has(workshopId)) return Promise.resolve();
    const current = this.refreshing.get(workshopId);
    if (current) {
      current.again = true;
      return current.running;
    }
    const entry = { running: Promise.resolve(), again: false };
    entry.running = (async () => {
      try {
        do {
          entry.again = false;
          const fresh = await this.read(workshopId);
          if (!fresh) this.entries.delete(workshopId);
        } while (entry.again);
      } finally {
        this.refreshing.delete(workshopId);
      }
    })();
    this.refreshing.set(workshopId, entry);
    return entry.running;
  }
}
