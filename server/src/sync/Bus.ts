/**
 * Where a room's applied updates and awareness changes go to reach other server processes. Rooms
 * publish to it and subscribe per document; they never talk to Redis (or anything else) directly.
 * A message a process published is not delivered back to that process.
 *
 * The store stays the source of truth: every update is stored before it is published, so whatever a
 * subscriber may have missed (Redis restarted, a stream trimmed) it finds in the store, and the bus
 * says when that may have happened (`gap`).
 */
export type BusMessage = {
  /** `awareness-query`: a process that just opened the board asks the others for everyone's presence. */
  kind: 'update' | 'awareness' | 'awareness-query';
  data: Uint8Array;
};

export interface BusSubscriber {
  /** What another process published, in the order published (one total order per document). */
  message(message: BusMessage): void;
  /**
   * Messages may have been missed (Redis reconnected or lost its data, the stream was trimmed past
   * what this process had read). Called once the bus reads from its new position, so a store read
   * started now, together with what the bus delivers from now on, misses nothing.
   */
  gap(): void;
}

export interface BusSubscription {
  /** Resolves once everything published from now on will be delivered: load from the store after it. */
  ready: Promise<void>;
  unsubscribe(): void;
}

export interface Bus {
  /** True when other processes write the same documents (then memory may lack rows they stored). */
  readonly shared: boolean;
  publish(docId: string, message: BusMessage): void;
  subscribe(docId: string, subscriber: BusSubscriber): BusSubscription;
  /**
   * Runs `task` while no other process runs a task of the same name on this document (a lease), and
   * resolves true; resolves false without running it when another process holds the lease or it
   * cannot be taken (Redis away). Used for compaction.
   */
  exclusive(docId: string, name: string, task: () => Promise<void>): Promise<boolean>;
  close(): Promise<void>;
}

/** One process: there is nobody else to tell, and nobody else to wait for. */
export function createLocalBus(): Bus {
  return {
    shared: false,
    publish: () => {},
    subscribe: () => ({ ready: Promise.resolve(), unsubscribe: () => {} }),
    exclusive: async (_docId, _name, task) => {
      await task();
      return true;
    },
    close: async () => {},
  };
}
