import { createHash } from 'node:crypto';
import type { Bus, BusMessage, BusSubscription } from './Bus.js';

/**
 * A room's subscription to the bus, taken BEFORE the room reads the store: what other processes
 * publish while the store is being read is held here and handed over once the room has applied what
 * it read (`open`). Subscribing after the read would lose an update stored and published in between.
 * A gap reported while loading is reported again after `open`, since the read may have started
 * before the bus's new position.
 */
export class BusLink {
  private held: BusMessage[] | null = [];
  private gapWhileLoading = false;
  private closed = false;
  private readonly subscription: BusSubscription;

  constructor(
    bus: Bus,
    docId: string,
    private readonly handlers: { message(message: BusMessage): void; gap(): void },
  ) {
    this.subscription = bus.subscribe(docId, {
      message: (message) => {
        if (this.closed) return;
        if (this.held) this.held.push(message);
        else handlers.message(message);
      },
      gap: () => {
        if (this.closed) return;
        if (this.held) this.gapWhileLoading = true;
        else handlers.gap();
      },
    });
  }

  /** Resolves once every later publication will be delivered: read the store after this. */
  get ready(): Promise<void> {
    return this.subscription.ready;
  }

  /** The room has applied what it read: hand over what arrived meanwhile, then deliver directly. */
  open(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const message of held) this.handlers.message(message);
    if (this.gapWhileLoading) {
      this.gapWhileLoading = false;
      this.handlers.gap();
    }
  }

  close(): void {
    this.closed = true;
    this.held = null;
    this.subscription.unsubscribe();
  }
}

/** Identifies a stored snapshot, so a catch-up skips re-applying (decoding) one the room already has. */
export function snapshotDigest(snapshot: Uint8Array | null): string | null {
  return snapshot ? createHash('sha1').update(snapshot).digest('hex') : null;
}
