import type { CommandResult } from '@sammen/shared';
import type { MemberRecord, WorkshopState } from './types.js';
import type { Loaded } from './workshopCache.js';

/** Compare-and-set attempts before a change gives up (each lost one means another change won). */
export const MAX_ATTEMPTS = 40;

/** Thrown when a state change lost the compare-and-set race MAX_ATTEMPTS times in a row. */
export class StateConflictError extends Error {
  constructor(workshopId: string) {
    super(`workshop ${workshopId}: too many concurrent changes; nothing was changed`);
  }
}

/** A state change: the new state (the same object: nothing to store), or a refusal; `after` runs once stored. */
export type Change = { state: WorkshopState; after?: () => void } | { refused: CommandResult };

/** How a state change is stored (default: compare-and-set of the state alone) and the members it leaves. */
export interface StoreHow {
  store?: (loaded: Loaded, state: WorkshopState) => Promise<number | null>;
  members?: (loaded: Loaded) => MemberRecord[];
}

/**
 * Loads the state, computes the next one and stores it only if nobody stored another meanwhile
 * (`store` is a compare-and-set on the revision); on a lost race it reads again and recomputes, at
 * most MAX_ATTEMPTS times, waiting a random moment that grows with each loss so that racing writers
 * spread out. Several processes may run this for one workshop at once.
 */
export async function changeWithRetry(
  workshopId: string,
  io: {
    /** The workshop for attempt 0 (the cached copy will do), then from the store. */
    load: (attempt: number) => Promise<Loaded | null>;
    compute: (loaded: Loaded) => Promise<Change>;
    /** The new revision, or null when the stored revision was no longer `loaded`'s. */
    store: (loaded: Loaded, state: WorkshopState) => Promise<number | null>;
    stored: (loaded: Loaded, state: WorkshopState, revision: number) => Promise<void>;
  },
): Promise<CommandResult> {
  for (let attempt = 0; ; attempt++) {
    const loaded = await io.load(attempt);
    if (!loaded) return { ok: false, error: 'forbidden', message: 'No such workshop' };
    const change = await io.compute(loaded);
    if ('refused' in change) return change.refused;
    if (change.state === loaded.workshop.state) {
      change.after?.();
      return { ok: true };
    }
    const revision = await io.store(loaded, change.state);
    if (revision !== null) {
      change.after?.();
      await io.stored(loaded, change.state, revision);
      return { ok: true };
    }
    if (attempt + 1 >= MAX_ATTEMPTS) throw new StateConflictError(workshopId);
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
  }
}

/** One queue per workshop: this process runs a workshop's commands one after the other. */
export class WorkshopQueues {
  private readonly queues = new Map<string, Promise<unknown>>();

  /** Runs `task` after the workshop's earlier tasks here. */
  run<T>(workshopId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(workshopId) ?? Promise.resolve();
    const next = previous.then(task);
    const settled = next.catch(() => undefined);
    this.queues.set(workshopId, settled);
    void settled.then(() => {
      if (this.queues.get(workshopId) === settled) this.queues.delete(workshopId);
    });
    return next;
  }
}
