/**
 * Where a room's applied updates and awareness changes go to reach other server processes. Rooms
 * publish to it and subscribe per document; they never talk to Redis (or anything else) directly.
 * A message a process published is not delivered back to that process.
 */
export type BusMessage = { kind: 'update' | 'awareness'; data: Uint8Array };

export interface Bus {
  publish(docId: string, message: BusMessage): void;
  subscribe(docId: string, handler: (message: BusMessage) => void): () => void;
  close(): Promise<void>;
}

/** One process: there is nobody else to tell. */
export function createLocalBus(): Bus {
  return {
    publish: () => {},
    subscribe: () => () => {},
    close: async () => {},
  };
}
