import type { Bus, BusSubscriber } from './Bus.js';

/**
 * For tests: a shared bus with one other "process" on it, whose publications the test makes
 * (`peerPublishes`). Leases are always granted; `onExclusive` hears of each (a compaction, say).
 */
export function busWithPeer(onExclusive: (docId: string, name: string) => void = () => {}) {
  let subscriber: BusSubscriber | null = null;
  const bus: Bus = {
    shared: true,
    publish: () => {},
    subscribe: (_docId, s) => {
      subscriber = s;
      return { ready: Promise.resolve(), unsubscribe: () => {} };
    },
    exclusive: async (docId, name, task) => {
      onExclusive(docId, name);
      await task();
      return true;
    },
    close: async () => {},
  };
  return { bus, peerPublishes: (update: Uint8Array) => subscriber!.message({ kind: 'update', data: update }) };
}
