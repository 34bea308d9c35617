import { expect, it } from 'vitest';
import type { Bus, BusMessage, BusSubscriber } from './Bus.js';
import { BusLink, snapshotDigest } from './busLink.js';

/** A bus whose deliveries the test drives by hand. */
function handBus() {
  let subscriber: BusSubscriber | null = null;
  let unsubscribed = false;
  const bus: Bus = {
    shared: true,
    publish: () => {},
    subscribe: (_docId, s) => {
      subscriber = s;
      return { ready: Promise.resolve(), unsubscribe: () => (unsubscribed = true) };
    },
    exclusive: async () => false,
    close: async () => {},
  };
  return { bus, deliver: (m: BusMessage) => subscriber!.message(m), gap: () => subscriber!.gap(), unsubscribed: () => unsubscribed };
}

const update = (n: number): BusMessage => ({ kind: 'update', data: new Uint8Array([n]) });

it('holds what arrives while the room loads and hands it over in order, then delivers directly', () => {
  const { bus, deliver } = handBus();
  const seen: number[] = [];
  const link = new BusLink(bus, 'doc', { message: (m) => seen.push(m.data[0]!), gap: () => {} });
  deliver(update(1));
  deliver(update(2));
  expect(seen).toEqual([]);
  link.open();
  expect(seen).toEqual([1, 2]);
  deliver(update(3));
  expect(seen).toEqual([1, 2, 3]);
});

it('a gap reported while loading is reported again after opening (the store read may predate it)', () => {
  const { bus, gap } = handBus();
  let gaps = 0;
  const link = new BusLink(bus, 'doc', { message: () => {}, gap: () => gaps++ });
  gap();
  expect(gaps).toBe(0);
  link.open();
  expect(gaps).toBe(1);
  gap();
  expect(gaps).toBe(2);
});

it('closing unsubscribes and drops what was held', () => {
  const { bus, deliver, unsubscribed } = handBus();
  const seen: number[] = [];
  const link = new BusLink(bus, 'doc', { message: (m) => seen.push(m.data[0]!), gap: () => {} });
  deliver(update(1));
  link.close();
  expect(unsubscribed()).toBe(true);
  deliver(update(2)); // a delivery already on its way when it closed
  expect(seen).toEqual([]);
});

it('snapshot digests tell equal snapshots from different ones', () => {
  expect(snapshotDigest(null)).toBeNull();
  expect(snapshotDigest(new Uint8Array([1, 2]))).toBe(snapshotDigest(new Uint8Array([1, 2])));
  expect(snapshotDigest(new Uint8Array([1, 2]))).not.toBe(snapshotDigest(new Uint8Array([2, 1])));
});
